/**
 * User messages whose content is an array of parts (text, `image_url`, `file`), as OpenRouter
 * takes them: the server counts their prompt without the base64 bytes, and refuses images for a
 * model whose `/models` entry lists no image input, the way OpenRouter does (HTTP 404 "No
 * endpoints found that support image input").
 */
import { MODELS_FIXTURE } from './modelsFixture';
import type { ScriptPlan } from './scriptTypes';

/** What the server bills an image or a PDF, whatever its size (real models vary; a fixed figure keeps tests exact). */
export const IMAGE_PART_TOKENS = 256;
export const FILE_PART_TOKENS = 1000;

interface Part {
  type?: unknown;
  image_url?: { url?: unknown };
  file?: { file_data?: unknown };
}

function partsOf(messages: unknown): Part[] {
  if (!Array.isArray(messages)) return [];
  return messages.flatMap((message: { content?: unknown }) => (Array.isArray(message?.content) ? (message.content as Part[]) : []));
}

/** The messages with every data URL emptied, and the tokens the removed parts cost. */
export function withoutPartData(messages: unknown): { messages: unknown; tokens: number } {
  let tokens = 0;
  const strip = (part: Part): Part => {
    if (part?.type === 'image_url') {
      tokens += IMAGE_PART_TOKENS;
      return { type: 'image_url', image_url: { url: '' } };
    }
    if (part?.type === 'file') {
      tokens += FILE_PART_TOKENS;
      return { type: 'file', file: { file_data: '' } };
    }
    return part;
  };
  const stripped = Array.isArray(messages)
    ? messages.map((message: { content?: unknown }) => (Array.isArray(message?.content) ? { ...message, content: (message.content as Part[]).map(strip) } : message))
    : messages;
  return { messages: stripped, tokens };
}

/** OpenRouter's answer to an image sent to a text-only model, or undefined. */
export function imageInputError(body: Record<string, unknown>): ScriptPlan | undefined {
  const model = MODELS_FIXTURE.data.find((entry) => entry.id === body['model']);
  if (!model || model.architecture.input_modalities.includes('image')) return undefined;
  if (!partsOf(body['messages']).some((part) => part?.type === 'image_url')) return undefined;
  return {
    kind: 'http',
    status: 404,
    contentType: 'application/json',
    body: JSON.stringify({ error: { code: 404, message: 'No endpoints found that support image input' } }),
  };
}
