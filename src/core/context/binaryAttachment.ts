/**
 * Images and PDFs as attachments. Their bytes travel as base64 in `data` (once: the chat file
 * stores them there and nowhere else) and reach the model as content parts (`image_url` for
 * images, `file` for PDFs, see openrouter/userContent.ts), never as prompt text.
 */
import * as l10n from '../l10n';
import type { ContextAttachment } from './attachment';
import { formatBytes, IMAGE_MIME_TYPES, MAX_IMAGE_BYTES, MAX_PDF_BYTES, MAX_THUMBNAIL_CHARS, PDF_MIME_TYPE, type BinaryMimeType } from '../../shared/attachmentLimits';

export type BinaryKind = 'image' | 'pdf';
export { formatBytes, IMAGE_MIME_TYPES, PDF_MIME_TYPE, MAX_IMAGE_BYTES, MAX_PDF_BYTES, MAX_THUMBNAIL_CHARS, type BinaryMimeType } from '../../shared/attachmentLimits';

const EXTENSIONS: Readonly<Record<string, BinaryMimeType>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  pdf: PDF_MIME_TYPE,
};

export function isBinaryKind(kind: string): kind is BinaryKind {
  return kind === 'image' || kind === 'pdf';
}

export function isBinaryAttachment(attachment: ContextAttachment): boolean {
  return isBinaryKind(attachment.kind) && typeof attachment.data === 'string';
}

/** The MIME type for a file name we attach as bytes, or undefined for a text file. */
export function binaryMimeTypeOf(path: string): BinaryMimeType | undefined {
  const dot = path.lastIndexOf('.');
  if (dot < 0 || dot < path.lastIndexOf('/')) return undefined;
  return EXTENSIONS[path.slice(dot + 1).toLowerCase()];
}

export function kindOfMimeType(mimeType: string): BinaryKind | undefined {
  if (mimeType === PDF_MIME_TYPE) return 'pdf';
  return (IMAGE_MIME_TYPES as readonly string[]).includes(mimeType) ? 'image' : undefined;
}

/** Bytes encoded by a base64 string (without decoding it). */
export function base64ByteLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((base64.length * 3) / 4) - padding);
}

export function maxBytesOf(kind: BinaryKind): number {
  return kind === 'image' ? MAX_IMAGE_BYTES : MAX_PDF_BYTES;
}

/** Why a file of this size cannot be attached, or undefined when it can. */
export function sizeRefusal(name: string, kind: BinaryKind, bytes: number): string | undefined {
  const max = maxBytesOf(kind);
  if (bytes <= max) return undefined;
  return kind === 'image'
    ? l10n.t('{0} is {1}; images can be at most {2}. Make it smaller (a screenshot of a part of the screen, or a lower resolution) and attach it again.', name, formatBytes(bytes), formatBytes(max))
    : l10n.t('{0} is {1}; PDF files can be at most {2}. Attach the pages you need as a smaller PDF.', name, formatBytes(bytes), formatBytes(max));
}

/** `data:<type>;base64,<data>`, as OpenRouter takes images and files. */
export function dataUrlOf(attachment: Pick<ContextAttachment, 'mimeType' | 'data'>): string {
  return `data:${attachment.mimeType ?? 'application/octet-stream'};base64,${attachment.data ?? ''}`;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const THUMBNAIL = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]*={0,2}$/;

export function isBase64(text: string): boolean {
  return text.length % 4 === 0 && BASE64.test(text);
}

/** A thumbnail the view may show: a small base64 PNG, JPEG or WebP data URL, nothing else. */
export function isThumbnail(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_THUMBNAIL_CHARS && THUMBNAIL.test(value);
}

export interface BinaryInput {
  readonly name: string;
  readonly mimeType: string;
  /** The bytes, base64 without the `data:` prefix. */
  readonly data: string;
  readonly path?: string;
  readonly uri?: string;
  readonly thumbnail?: string;
}

/** An image or PDF attachment, or the reason (in words for the user) it cannot be one. */
export function createBinaryAttachment(input: BinaryInput, newId: () => string): ContextAttachment | string {
  const kind = kindOfMimeType(input.mimeType);
  if (!kind) return l10n.t('{0} is not an image (PNG, JPEG, WebP, GIF) or a PDF file.', input.name);
  if (!isBase64(input.data) || input.data.length === 0) return l10n.t('{0} could not be read.', input.name);
  const tooBig = sizeRefusal(input.name, kind, base64ByteLength(input.data));
  if (tooBig) return tooBig;
  return {
    id: newId(),
    kind,
    name: input.name,
    ...(input.path !== undefined ? { path: input.path } : {}),
    ...(input.uri !== undefined ? { uri: input.uri } : {}),
    mimeType: input.mimeType,
    data: input.data,
    ...(kind === 'image' && isThumbnail(input.thumbnail) ? { thumbnail: input.thumbnail } : {}),
    content: '',
  };
}

/** What an image's or a PDF's chip shows beyond the name: its size and, for an image, a thumbnail. */
export function binaryViewFields(attachment: ContextAttachment): { bytes?: number; thumbnail?: string } {
  if (!isBinaryKind(attachment.kind) || attachment.data === undefined) return {};
  const bytes = base64ByteLength(attachment.data);
  if (attachment.kind !== 'image') return { bytes };
  // An image small enough is its own thumbnail; a larger one without a thumbnail shows an icon.
  const small = attachment.data.length <= MAX_THUMBNAIL_CHARS ? dataUrlOf(attachment) : undefined;
  const thumbnail = attachment.thumbnail ?? (small && isThumbnail(small) ? small : undefined);
  return { bytes, ...(thumbnail ? { thumbnail } : {}) };
}
