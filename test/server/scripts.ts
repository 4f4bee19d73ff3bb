import { DEFAULT_ANSWER, DEFAULT_REASONING, longMarkdownPieces, MULTIBYTE_ANSWER, piecesOf } from './answerContent';
import { HTTP_ERROR_SCRIPTS } from './httpErrorScripts';
import { mixedReasoningChunks } from './mixedReasoning';
import { countPromptTokens } from './promptTokens';
import { TOOL_SCRIPTS } from './toolScripts';
import type { Script, ScriptContext, ScriptPlan, StreamItem } from './scriptTypes';
import { numberParam, stringParam } from './scriptTypes';
import { bulkStream, ChunkFactory, DOC_NORMAL_TURN, DOC_TOOL_CALL, PROCESSING_COMMENT, SSE_DONE, usageFor } from './transcripts';

/**
 * Every script the local OpenRouter server knows, by name. Names are a contract shared with the
 * UI tests and `npm start -- --mock` (see README.md); add new ones, do not rename.
 */

const DONE: StreamItem = { raw: SSE_DONE };

function factoryFor(context: ScriptContext): ChunkFactory {
  return new ChunkFactory(context.generationId, context.model);
}

/** Rough token counts so usage looks plausible: about four characters per token. */
function tokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** Markers are left out so the same question costs the same whichever script answers it. */
function promptTokens(context: ScriptContext): number {
  return countPromptTokens(context.body);
}

/** A complete answer: reasoning pieces, content pieces, finish, usage, [DONE]. */
function answer(context: ScriptContext, reasoning: string[], content: string[], finishReason = 'stop'): StreamItem[] {
  const factory = factoryFor(context);
  const items: StreamItem[] = [];
  // Open-weight models repeat the reasoning in reasoning_details on early chunks, not always later.
  reasoning.forEach((text, i) => items.push({ data: factory.reasoning(text, i < 2) }));
  for (const text of content) items.push({ data: factory.content(text) });
  const reasoningTokens = tokens(reasoning.join(''));
  items.push({ data: factory.finish(finishReason) });
  items.push({ data: factory.usage(usageFor(promptTokens(context), reasoningTokens + tokens(content.join('')), reasoningTokens)) });
  items.push(DONE);
  return items;
}

function stream(items: Iterable<StreamItem>, ending: 'end' | 'destroy' | 'hang' = 'end', splitAt?: number[]): ScriptPlan {
  return { kind: 'stream', items, ending, ...(splitAt ? { splitAt } : {}) };
}

/** The first `count` content pieces of the default answer, after its reasoning. */
function partialAnswer(context: ScriptContext, count: number): StreamItem[] {
  const factory = factoryFor(context);
  return [
    { data: factory.reasoning(DEFAULT_REASONING[0] ?? '', true) },
    ...DEFAULT_ANSWER.slice(0, count).map((text) => ({ data: factory.content(text) })),
  ];
}

function midStreamError(context: ScriptContext, errorChunk: Record<string, unknown>, thenDone = false): ScriptPlan {
  const items: StreamItem[] = [...partialAnswer(context, 2), { data: errorChunk }];
  if (thenDone) items.push(DONE);
  return stream(items);
}

/** Byte offsets inside every multi-byte UTF-8 character of `text` (relative to its start). */
function offsetsInsideCharacters(text: string): number[] {
  const offsets: number[] = [];
  let position = 0;
  for (const character of text) {
    const size = Buffer.byteLength(character);
    for (let inside = 1; inside < size; inside++) offsets.push(position + inside);
    position += size;
  }
  return offsets;
}

const SUCCESS_SCRIPTS: Readonly<Record<string, Script>> = {
  default: (context) => stream(answer(context, DEFAULT_REASONING, DEFAULT_ANSWER)),
  echo: (context) => stream(answer(context, ['The user wants their words repeated.'], piecesOf(`You said: ${context.lastUserText}`))),
  'long-markdown': (context) =>
    stream(answer(context, DEFAULT_REASONING, longMarkdownPieces(numberParam(context, 'tokens', 1500)))),
  'reasoning-only-length': (context) => {
    const factory = factoryFor(context);
    const reasoning = piecesOf('Let me think about this carefully. '.repeat(12), 3);
    const budget = typeof context.body['max_tokens'] === 'number' ? context.body['max_tokens'] : 256;
    return stream([
      ...reasoning.map((text, i) => ({ data: factory.reasoning(text, i === 0) })),
      { data: factory.finish('length') },
      { data: factory.usage(usageFor(promptTokens(context), budget, budget)) },
      DONE,
    ]);
  },
  /** reasoning_details of all three types over several chunks, then a short answer. */
  'reasoning-mixed': (context) => {
    const factory = factoryFor(context);
    return stream([
      ...mixedReasoningChunks(factory).map((data) => ({ data })),
      ...piecesOf('Hello to you too.').map((text) => ({ data: factory.content(text) })),
      { data: factory.finish('stop') },
      { data: factory.usage(usageFor(promptTokens(context), 20, 12)) },
      DONE,
    ]);
  },
  /** The default answer cut inside its code block (`after` content pieces), ended by `reason`. */
  truncated: (context) => {
    const factory = factoryFor(context);
    const content = DEFAULT_ANSWER.slice(0, numberParam(context, 'after', 4));
    return stream([
      ...partialAnswer(context, content.length),
      { data: factory.finish(stringParam(context, 'reason', 'length')) },
      { data: factory.usage(usageFor(promptTokens(context), tokens(content.join('')) + 10, 10)) },
      DONE,
    ]);
  },
  /**
   * A short answer with usage accounting as OpenRouter documents it: `cost` (0.0001),
   * `byok=1` with `upstream` (0.002) as `cost_details.upstream_inference_cost`, `cached` and
   * `cacheWrite` prompt tokens (of `prompt`, 1000). `fallback=1` answers as the first of the
   * request's `models` (the primary was down), from `servedProvider` (Groq).
   */
  accounting: (context) => {
    const fallbacks = Array.isArray(context.body['models']) ? (context.body['models'] as unknown[]) : [];
    const served = numberParam(context, 'fallback', 0) === 1 && typeof fallbacks[0] === 'string' ? fallbacks[0] : context.model;
    const factory = new ChunkFactory(context.generationId, served, stringParam(context, 'servedProvider', served === context.model ? 'Cerebras' : 'Groq'));
    const byok = numberParam(context, 'byok', 0) === 1;
    const prompt = numberParam(context, 'prompt', 1000);
    return stream([
      ...piecesOf('Accounted for.').map((text) => ({ data: factory.content(text) })),
      { data: factory.finish('stop') },
      {
        data: factory.usage({
          prompt_tokens: prompt,
          completion_tokens: 4,
          total_tokens: prompt + 4,
          prompt_tokens_details: { cached_tokens: numberParam(context, 'cached', 0), cache_write_tokens: numberParam(context, 'cacheWrite', 0) },
          completion_tokens_details: { reasoning_tokens: 0 },
          cost: numberParam(context, 'cost', 0.0001),
          is_byok: byok,
          cost_details: { upstream_inference_cost: byok ? numberParam(context, 'upstream', 0.002) : null },
        }),
      },
      DONE,
    ]);
  },
  'tool-call': () => stream([{ raw: DOC_TOOL_CALL }]),
  'doc-transcript': () => stream([{ raw: DOC_NORMAL_TURN }]),
  'slow-drip': (context) => {
    const count = numberParam(context, 'count', 100);
    const delayMs = numberParam(context, 'delayMs', 50);
    const factory = factoryFor(context);
    function* drip(): Generator<StreamItem> {
      yield { data: factory.reasoning('Counting slowly. ', true) };
      for (let i = 1; i <= count; i++) {
        yield { pauseMs: delayMs };
        yield { data: factory.content(`word${i} `) };
      }
      yield { data: factory.finish('stop') };
      yield { data: factory.usage(usageFor(promptTokens(context), count * 2, 4)) };
      yield DONE;
    }
    return stream(drip());
  },
  bulk: (context) => stream((function* () {
    for (const raw of bulkStream(numberParam(context, 'chunks', 1000))) yield { raw };
  })()),
  /** Keep-alive comments every `intervalMs` for `durationMs`, then the default answer. */
  keepalive: (context) => {
    const intervalMs = numberParam(context, 'intervalMs', 100);
    const items: StreamItem[] = [{ raw: PROCESSING_COMMENT }];
    for (let waited = 0; waited < numberParam(context, 'durationMs', 1000); waited += intervalMs) {
      items.push({ pauseMs: intervalMs }, { raw: PROCESSING_COMMENT });
    }
    return stream([...items, ...answer(context, DEFAULT_REASONING, DEFAULT_ANSWER)]);
  },
};

const TRANSPORT_SCRIPTS: Readonly<Record<string, Script>> = {
  // The transport faults of these two come from IMPLIED_TRANSPORT below.
  'byte-by-byte': (context) => stream(answer(context, DEFAULT_REASONING, DEFAULT_ANSWER)),
  crlf: (context) => stream(answer(context, DEFAULT_REASONING, DEFAULT_ANSWER)),
  comments: (context) => {
    const items: StreamItem[] = [{ raw: PROCESSING_COMMENT }, { raw: PROCESSING_COMMENT }];
    for (const item of answer(context, DEFAULT_REASONING, DEFAULT_ANSWER)) {
      if ('data' in item) {
        // A comment glued to the data line in the same event, as some proxies send it.
        items.push({ raw: `: OPENROUTER PROCESSING\ndata: ${JSON.stringify(item.data)}\n\n` }, { raw: PROCESSING_COMMENT });
      } else items.push(item);
    }
    // A proxy re-emitting the comment as data must not break the client either.
    items.splice(3, 0, { raw: 'data: : OPENROUTER PROCESSING\n\n' });
    return stream(items);
  },
  'utf8-split': (context) => {
    const items = answer(context, ['Reasoning with “typographic” quotes — and ünïcödé. '], MULTIBYTE_ANSWER);
    const body = items.map((item) => ('data' in item ? `data: ${JSON.stringify(item.data)}\n\n` : 'raw' in item ? item.raw : '')).join('');
    return stream([{ raw: body }], 'end', offsetsInsideCharacters(body));
  },
};

const FAULT_SCRIPTS: Readonly<Record<string, Script>> = {
  'midstream-error-number': (context) =>
    midStreamError(context, factoryFor(context).chunk([{ index: 0, delta: { content: '' }, finish_reason: 'error' }], {
      error: { code: 502, message: 'Provider returned error: upstream overloaded', metadata: { error_type: 'provider_overloaded' } },
    })),
  'midstream-error-string': (context) =>
    midStreamError(context, factoryFor(context).chunk([], { error: { code: 'server_error', message: 'The server had an error while processing your request.' } })),
  'midstream-native-error': (context) =>
    midStreamError(context, factoryFor(context).chunk([{ index: 0, delta: { content: '' }, finish_reason: null, native_finish_reason: stringParam(context, 'native', 'error') }]), true),
  'midstream-choice-error': (context) =>
    midStreamError(context, factoryFor(context).chunk([{ index: 0, delta: { content: '' }, finish_reason: 'error', error: { code: 503, message: 'Choice failed: model overloaded' } }])),
  'cut-off': (context) => {
    const items = partialAnswer(context, numberParam(context, 'after', 3));
    // Half of the next event, then the socket dies.
    items.push({ raw: 'data: {"id":"gen-cut","choices":[{"index":0,"delta":{"content":"never fin' });
    return stream(items, 'destroy');
  },
  stall: (context) => stream(partialAnswer(context, numberParam(context, 'after', 2)), 'hang'),
};

export const SCRIPTS: Readonly<Record<string, Script>> = {
  ...SUCCESS_SCRIPTS,
  ...TRANSPORT_SCRIPTS,
  ...FAULT_SCRIPTS,
  ...HTTP_ERROR_SCRIPTS,
  ...TOOL_SCRIPTS,
};

/** Parameters some scripts imply for the transport (the server applies them to any script). */
export const IMPLIED_TRANSPORT: Readonly<Record<string, Readonly<Record<string, string | number>>>> = {
  'byte-by-byte': { split: 1 },
  crlf: { lineEnding: 'crlf', splitCr: 1 },
};
