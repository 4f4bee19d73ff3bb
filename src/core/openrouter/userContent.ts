/**
 * A user turn's `content` on the wire. Text-only turns stay a plain string, so every body without
 * images or PDFs is exactly what it was; a turn with them becomes a content array: the text (with
 * its attached context) first, then one `image_url` part per image and one `file` part per PDF,
 * as OpenRouter documents (guides/overview/multimodal).
 */
import type { ContextAttachment } from '../context/attachment';
import { dataUrlOf, isBinaryAttachment } from '../context/binaryAttachment';
import { dataUrlTokens } from '../context/binaryTokens';
import { userContentWithContext } from '../context/renderContext';
import type { ContentPart } from './types';

export function userContent(text: string, attachments: readonly ContextAttachment[] | undefined): string | ContentPart[] {
  const rendered = userContentWithContext(text, attachments);
  const binary = (attachments ?? []).filter(isBinaryAttachment);
  if (binary.length === 0) return rendered;
  return [{ type: 'text', text: rendered }, ...binary.map(contentPart)];
}

function contentPart(attachment: ContextAttachment): ContentPart {
  if (attachment.kind === 'image') return { type: 'image_url', image_url: { url: dataUrlOf(attachment) } };
  return { type: 'file', file: { filename: attachment.name, file_data: dataUrlOf(attachment) } };
}

/** The text of a message's content, for estimates and logs (images and files: see `contentPartsTokens`). */
export function contentText(content: string | readonly ContentPart[] | null): string {
  if (content === null) return '';
  if (typeof content === 'string') return content;
  return content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
}

/** The estimated tokens of a message's images and PDFs (binaryTokens.ts), which its text leaves out. */
export function contentPartsTokens(content: string | readonly ContentPart[] | null): number {
  if (content === null || typeof content === 'string') return 0;
  return content.reduce((sum, part) => sum + (part.type === 'image_url' ? dataUrlTokens(part.image_url.url) : part.type === 'file' ? dataUrlTokens(part.file.file_data) : 0), 0);
}
