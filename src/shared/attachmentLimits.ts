/**
 * Limits on images and PDFs, shared so the view can refuse an oversized paste before posting it
 * and the host (binaryAttachment.ts, the message schema) enforces the same figures.
 */

/** The image formats OpenRouter's vision models read (guides/overview/multimodal). */
export const IMAGE_MIME_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export const PDF_MIME_TYPE = 'application/pdf';
export type BinaryMimeType = (typeof IMAGE_MIME_TYPES)[number] | typeof PDF_MIME_TYPE;
export const BINARY_MIME_TYPES: readonly [BinaryMimeType, ...BinaryMimeType[]] = [...IMAGE_MIME_TYPES, PDF_MIME_TYPE];

/**
 * Per-attachment limits. Each is re-sent with every later request of the chat and stored in the
 * chat file, so a screenshot is welcome and a camera RAW is not.
 */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_PDF_BYTES = 10 * 1024 * 1024;

/** A small picture of an image for its chip, made by the view; larger ones are not kept. */
export const MAX_THUMBNAIL_CHARS = 64 * 1024;

/** Base64 of the largest attachment the host takes (a PDF). */
export const MAX_BINARY_BASE64_CHARS = Math.ceil(MAX_PDF_BYTES / 3) * 4;

/** `12 KB`, `3.4 MB`: an attachment's size as its chip and the size messages show it. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function isBinaryMimeType(type: string): type is BinaryMimeType {
  return (BINARY_MIME_TYPES as readonly string[]).includes(type);
}

export function maxBytesOfMimeType(type: BinaryMimeType): number {
  return type === PDF_MIME_TYPE ? MAX_PDF_BYTES : MAX_IMAGE_BYTES;
}
