/**
 * How the local server counts a request's prompt: ASCII at four characters a token, and every
 * other character as a whole token (CJK text and emoji cost about that in real tokenizers, so a
 * client estimating by characters under-counts them, as it would against OpenRouter); images and
 * PDFs at a fixed figure each. The usage
 * the server reports and the context limit it enforces use this one count.
 */
import { withoutPartData } from './contentParts';
import { MODELS_FIXTURE } from './modelsFixture';
import { withoutMarker } from './scriptSelection';
import type { ScriptPlan } from './scriptTypes';

export function countPromptTokens(body: Record<string, unknown>): number {
  // Images and PDFs cost a fixed figure each, not their base64 (see contentParts.ts).
  const { messages, tokens: partTokens } = withoutPartData(body['messages'] ?? []);
  const text = withoutMarker(JSON.stringify(messages));
  let ascii = 0;
  let other = 0;
  for (const char of text) {
    if (char.charCodeAt(0) < 128) ascii++;
    else other++;
  }
  return Math.max(1, Math.ceil(ascii / 4) + other + partTokens);
}

/**
 * OpenRouter's answer to a request that does not fit the model's window (HTTP 400, with the
 * figures in the message), or undefined when it fits or the model is not in the fixture.
 */
export function contextLengthError(body: Record<string, unknown>): ScriptPlan | undefined {
  const model = MODELS_FIXTURE.data.find((entry) => entry.id === body['model']);
  if (!model) return undefined;
  const input = countPromptTokens(body);
  const output = typeof body['max_tokens'] === 'number' ? body['max_tokens'] : 0;
  if (input + output <= model.context_length) return undefined;
  const message =
    `This endpoint's maximum context length is ${model.context_length} tokens. However, you requested about ${input + output} tokens ` +
    `(${input} of text input, ${output} in the output). Please reduce the length of either one, or use the "middle-out" transform to compress your prompt automatically.`;
  return {
    kind: 'http',
    status: 400,
    contentType: 'application/json',
    body: JSON.stringify({ error: { code: 400, message, metadata: { provider_name: null } } }),
  };
}
