/**
 * Fixed transcripts and chunk builders for the local OpenRouter server, the unit tests and the
 * benchmark. The DOC_* strings are the example streams of shared/docs/openrouter-wire.md, verbatim.
 */

export const DOC_NORMAL_TURN = [
  ': OPENROUTER PROCESSING',
  '',
  ': OPENROUTER PROCESSING',
  '',
  'data: {"id":"gen-1","provider":"Cerebras","model":"openai/gpt-oss-120b","object":"chat.completion.chunk","created":1754400000,"choices":[{"index":0,"delta":{"role":"assistant","content":"","reasoning":"User asks 2+2.","reasoning_details":[{"type":"reasoning.text","text":"User asks 2+2.","format":"unknown","index":0}]},"finish_reason":null,"native_finish_reason":null,"logprobs":null}]}',
  '',
  'data: {"id":"gen-1","provider":"Cerebras","model":"openai/gpt-oss-120b","object":"chat.completion.chunk","created":1754400000,"choices":[{"index":0,"delta":{"role":"assistant","content":"2 + 2 = 4."},"finish_reason":null,"native_finish_reason":null,"logprobs":null}]}',
  '',
  'data: {"id":"gen-1","provider":"Cerebras","model":"openai/gpt-oss-120b","object":"chat.completion.chunk","created":1754400000,"choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":"stop","native_finish_reason":"stop","logprobs":null}]}',
  '',
  'data: {"id":"gen-1","provider":"Cerebras","model":"openai/gpt-oss-120b","object":"chat.completion.chunk","created":1754400000,"choices":[],"usage":{"prompt_tokens":12,"completion_tokens":15,"total_tokens":27,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":8},"cost":0.0000034}}',
  '',
  'data: [DONE]',
  '',
  '',
].join('\n');

export const DOC_ERROR_AFTER_START = [
  'data: {"id":"gen-2","object":"chat.completion.chunk","created":1754400001,"model":"openai/gpt-oss-120b","provider":"Groq","error":{"code":429,"message":"Rate limit exceeded","metadata":{"error_type":"rate_limit_exceeded"}},"choices":[{"index":0,"delta":{"content":""},"finish_reason":"error"}]}',
  '',
  '',
].join('\n');

export const DOC_TOOL_CALL = [
  'data: {"id":"gen-3","object":"chat.completion.chunk","created":1754400002,"model":"openai/gpt-oss-120b","choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"read_file","arguments":""}}]},"finish_reason":null}]}',
  '',
  'data: {"id":"gen-3","object":"chat.completion.chunk","created":1754400002,"model":"openai/gpt-oss-120b","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"path\\":"}}]},"finish_reason":null}]}',
  '',
  'data: {"id":"gen-3","object":"chat.completion.chunk","created":1754400002,"model":"openai/gpt-oss-120b","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\\"src/a.ts\\"}"}}]},"finish_reason":null}]}',
  '',
  'data: {"id":"gen-3","object":"chat.completion.chunk","created":1754400002,"model":"openai/gpt-oss-120b","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}',
  '',
  'data: {"id":"gen-3","object":"chat.completion.chunk","created":1754400002,"model":"openai/gpt-oss-120b","choices":[],"usage":{"prompt_tokens":53,"completion_tokens":17,"total_tokens":70}}',
  '',
  'data: [DONE]',
  '',
  '',
].join('\n');

export const SSE_DONE = 'data: [DONE]\n\n';
export const PROCESSING_COMMENT = ': OPENROUTER PROCESSING\n\n';

/** One SSE event carrying JSON. */
export function sseData(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

export interface WireUsageFixture {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: { cached_tokens: number; cache_write_tokens?: number };
  completion_tokens_details?: { reasoning_tokens: number };
  cost?: number;
  is_byok?: boolean;
  cost_details?: { upstream_inference_cost: number | null };
}

/** Builds the chunks of one generation the way OpenRouter shapes them for gpt-oss. */
export class ChunkFactory {
  constructor(
    readonly id = 'gen-mock-1',
    readonly model = 'openai/gpt-oss-120b',
    readonly provider: string = 'Cerebras',
    readonly created = 1754400000,
  ) {}

  chunk(choices: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { id: this.id, provider: this.provider, model: this.model, object: 'chat.completion.chunk', created: this.created, choices, ...extra };
  }

  delta(delta: Record<string, unknown>, finishReason: string | null = null, nativeFinishReason: string | null = finishReason): Record<string, unknown> {
    return this.chunk([{ index: 0, delta: { role: 'assistant', ...delta }, finish_reason: finishReason, native_finish_reason: nativeFinishReason, logprobs: null }]);
  }

  content(text: string): Record<string, unknown> {
    return this.delta({ content: text });
  }

  /** Reasoning as open-weight models send it: the text in `reasoning`, and again in details if asked. */
  reasoning(text: string, withDetails: boolean, detailIndex = 0): Record<string, unknown> {
    const delta: Record<string, unknown> = { content: '', reasoning: text };
    if (withDetails) delta['reasoning_details'] = [{ type: 'reasoning.text', text, format: 'unknown', index: detailIndex }];
    return this.delta(delta);
  }

  finish(reason: string, nativeReason: string | null = reason): Record<string, unknown> {
    return this.delta({ content: '' }, reason, nativeReason);
  }

  usage(usage: WireUsageFixture): Record<string, unknown> {
    return this.chunk([], { usage });
  }
}

/** Usage with a cost at gpt-oss-120b's fixture prices (see modelsFixture.ts). */
export function usageFor(promptTokens: number, completionTokens: number, reasoningTokens: number): WireUsageFixture {
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: reasoningTokens },
    cost: Number((promptTokens * 0.00000005 + completionTokens * 0.00000025).toPrecision(6)),
    is_byok: false,
  };
}

/**
 * `count` small content chunks for throughput tests, yielded as SSE text in batches of about
 * `batchBytes` so the server writes fast; the text of chunk i is `piece(i)`.
 */
export function* bulkStream(count: number, batchBytes = 64 * 1024, piece: (i: number) => string = () => 'x'): Generator<string> {
  const factory = new ChunkFactory('gen-bulk');
  let batch = '';
  for (let i = 0; i < count; i++) {
    batch += sseData(factory.content(piece(i)));
    if (batch.length >= batchBytes) {
      yield batch;
      batch = '';
    }
  }
  batch += sseData(factory.finish('stop'));
  batch += sseData(factory.usage(usageFor(20, count, 0)));
  yield batch + SSE_DONE;
}

/** The full text `bulkStream(count, …, piece)` delivers as content. */
export function bulkContent(count: number, piece: (i: number) => string = () => 'x'): string {
  let text = '';
  for (let i = 0; i < count; i++) text += piece(i);
  return text;
}
