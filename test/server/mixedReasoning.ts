/**
 * A stream whose `reasoning_details` mix the three item types over several chunks, as models
 * behind OpenRouter send them: text fragments of one item sharing an index (one arriving after
 * other items), a summary, encrypted data, and a second text item closed by a signature.
 */
import type { ChunkFactory } from './transcripts';

export const MIXED_SUMMARY = { type: 'reasoning.summary', summary: 'The user wants a greeting; keep it short.', id: 'rs_01', format: 'openai-responses-v1', index: 1 };
export const MIXED_ENCRYPTED = { type: 'reasoning.encrypted', data: 'gAAAAABo8Zk1x/+RaNdOm==', id: 'rs_01', format: 'openai-responses-v1', index: 2 };

/** The deltas, one per chunk (the fourth holds two items at once). */
export function mixedReasoningDeltas(): Record<string, unknown>[] {
  const text = (fragment: string, index: number, extra: Record<string, unknown> = {}) => ({ type: 'reasoning.text', text: fragment, format: 'anthropic-claude-v1', index, ...extra });
  return [
    { reasoning_details: [text('The user ', 0)] },
    { reasoning_details: [text('says hello.', 0, { signature: null })] },
    { reasoning_details: [MIXED_SUMMARY] },
    { reasoning_details: [MIXED_ENCRYPTED, text(' Answer', 3)] },
    { reasoning_details: [text(' politely.', 0)] },
    { reasoning_details: [text(' in kind.', 3, { signature: 'sig-EXAMPLE-3' })] },
  ];
}

export function mixedReasoningChunks(factory: ChunkFactory): Record<string, unknown>[] {
  return mixedReasoningDeltas().map((delta) => factory.delta({ content: '', ...delta }));
}
