import type { StreamItem } from './scriptTypes';

/**
 * Builds a non-streaming `chat.completion` from a script's stream items, so every script also
 * answers `stream: false`. Raw SSE text (the doc transcripts) is read with eventsource-parser.
 */
interface Accumulated {
  content: string;
  reasoning: string;
  toolCalls: Map<number, { id: string; type: 'function'; function: { name: string; arguments: string } }>;
  finishReason: string | null;
  nativeFinishReason: string | null;
  usage?: unknown;
  /** Token logprobs of every chunk that had them, in order (a whole answer's `logprobs.content`). */
  logprobs?: unknown[];
  error?: { code?: unknown; message?: string };
  id?: string;
  model?: string;
  provider?: string;
}

function accumulate(state: Accumulated, chunk: Record<string, unknown>): void {
  state.id ??= chunk['id'] as string | undefined;
  state.model ??= chunk['model'] as string | undefined;
  state.provider ??= chunk['provider'] as string | undefined;
  if (chunk['usage']) state.usage = chunk['usage'];
  if (chunk['error']) state.error = chunk['error'] as Accumulated['error'];
  const choice = (chunk['choices'] as Record<string, unknown>[] | undefined)?.[0];
  if (!choice) return;
  if (choice['error']) state.error = choice['error'] as Accumulated['error'];
  const delta = (choice['delta'] ?? {}) as Record<string, unknown>;
  const logprobs = (choice['logprobs'] as { content?: unknown } | null | undefined)?.content;
  if (Array.isArray(logprobs)) (state.logprobs ??= []).push(...(logprobs as unknown[]));
  if (typeof delta['content'] === 'string') state.content += delta['content'];
  if (typeof delta['reasoning'] === 'string') state.reasoning += delta['reasoning'];
  for (const call of (delta['tool_calls'] as Record<string, unknown>[] | undefined) ?? []) {
    const index = Number(call['index'] ?? 0);
    const fn = (call['function'] ?? {}) as { name?: string; arguments?: string };
    const entry = state.toolCalls.get(index) ?? { id: '', type: 'function' as const, function: { name: '', arguments: '' } };
    if (typeof call['id'] === 'string') entry.id = call['id'];
    if (fn.name) entry.function.name = fn.name;
    entry.function.arguments += fn.arguments ?? '';
    state.toolCalls.set(index, entry);
  }
  if (choice['finish_reason'] != null) state.finishReason = choice['finish_reason'] as string;
  if (choice['native_finish_reason'] != null) state.nativeFinishReason = choice['native_finish_reason'] as string;
}

export type NonStreamingAnswer = { status: number; body: unknown };

export async function nonStreamingAnswer(items: Iterable<StreamItem>, created: number): Promise<NonStreamingAnswer> {
  const { createParser } = await import('eventsource-parser');
  const state: Accumulated = { content: '', reasoning: '', toolCalls: new Map(), finishReason: null, nativeFinishReason: null };
  const parser = createParser({
    onEvent: (event) => {
      if (event.data.startsWith('{')) accumulate(state, JSON.parse(event.data) as Record<string, unknown>);
    },
  });
  for (const item of items) {
    if ('data' in item) accumulate(state, item.data as Record<string, unknown>);
    else if ('raw' in item) parser.feed(item.raw);
  }
  if (state.error) {
    const code = typeof state.error.code === 'number' ? state.error.code : 502;
    return { status: code >= 400 && code < 600 ? code : 502, body: { error: { code, message: state.error.message ?? 'error' } } };
  }
  const toolCalls = [...state.toolCalls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call);
  return {
    status: 200,
    body: {
      id: state.id,
      provider: state.provider,
      model: state.model,
      object: 'chat.completion',
      created,
      choices: [{
        index: 0,
        logprobs: state.logprobs ? { content: state.logprobs, refusal: null } : null,
        finish_reason: state.finishReason,
        native_finish_reason: state.nativeFinishReason,
        message: {
          role: 'assistant',
          content: state.content === '' && toolCalls.length > 0 ? null : state.content,
          reasoning: state.reasoning || null,
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
        },
      }],
      usage: state.usage,
    },
  };
}
