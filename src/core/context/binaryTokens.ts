/**
 * The one estimate of what an image or a PDF costs in prompt tokens. Their text `content` is empty
 * (the bytes travel as content parts), so without this the chip, the context meter, window fitting
 * and the cost guard would count them as nothing. Every one of those asks here.
 *
 * It is an estimate: each provider counts images and parsed PDFs its own way. Like the text count,
 * it is part of the request's figure that each answer's real `prompt_tokens` recalibrates (see
 * tokenCalibration.ts), so a model that counts images higher soon shows higher figures.
 */
import type { ContextAttachment } from './attachment';
import { base64ByteLength, isBinaryAttachment, kindOfMimeType, type BinaryKind } from './binaryAttachment';
import { imageDimensions } from './imageDimensions';
import { pdfPageCount } from './pdfPages';
import { countTokens } from './tokenCounter';

/**
 * Image tokens by the rule OpenAI documents for `detail: "high"` (the "Images and vision" guide,
 * "Calculating costs", platform.openai.com/docs/guides/images-vision): the image is scaled to fit
 * within 2048 × 2048, keeping its aspect ratio; then so that its shortest side is 768 px; then
 * each 512-px tile it covers costs 170 tokens, plus 85 for the image. The guide's examples:
 * 1024 × 1024 → 765 tokens, 2048 × 4096 → 1105. Images are never enlarged, so a small one is a
 * single tile (512 × 512 → 255).
 */
export function imageTokens(width: number, height: number): number {
  const fit = Math.min(1, 2048 / Math.max(width, height));
  const shortSide = Math.min(1, 768 / (Math.min(width, height) * fit));
  // Rounded to whole pixels, so float noise (767.9999) cannot add a tile.
  const w = Math.round(width * fit * shortSide);
  const h = Math.round(height * fit * shortSide);
  return 170 * Math.ceil(w / 512) * Math.ceil(h / 512) + 85;
}

/**
 * An image whose header cannot be read: the most the tile rule can give (768 × 2048 after scaling,
 * 8 tiles), so the meter and the cost guard err on the safe side, as the character estimate does.
 */
export const UNREADABLE_IMAGE_TOKENS = imageTokens(768, 2048);

/**
 * Tokens per PDF page. OpenRouter parses a PDF to text for the model (its file-parser plugin), so
 * a page costs what its text costs: a full page of prose is about 500 words, some 3,000
 * characters, about 750 tokens; 1,000 leaves room for the markup the parser adds (headings,
 * tables as Markdown). A page that is mostly picture costs less, a model that reads the PDF
 * natively more: calibration by `prompt_tokens` takes up the difference.
 */
export const PDF_TOKENS_PER_PAGE = 1000;

/**
 * A PDF whose pages cannot be found (an encrypted or damaged file): one page per 100 KB, at least
 * one. A rough guess from typical text PDFs (tens of kilobytes a page); the answer corrects it.
 */
const UNCOUNTED_PDF_BYTES_PER_PAGE = 100_000;

/**
 * Estimates by bytes, so the meter (which recounts after every change) decodes each picture once.
 * The keys are the base64 strings the attachments hold (the same strings, so a lookup is cheap);
 * the oldest go first once they hold more than a few full-size files, so removed attachments are
 * not kept alive for long.
 */
const MAX_CACHED_CHARS = 40_000_000;
const caches: Record<BinaryKind, Map<string, number>> = { image: new Map(), pdf: new Map() };

/** Estimated prompt tokens of an image or PDF given as base64 bytes. */
export function binaryTokens(kind: BinaryKind, base64: string): number {
  const cache = caches[kind];
  const cached = cache.get(base64);
  if (cached !== undefined) return cached;
  const bytes = Buffer.from(base64, 'base64');
  const tokens = kind === 'image' ? imageTokensOf(bytes) : pdfTokensOf(bytes, base64);
  remember(cache, base64, tokens);
  return tokens;
}

function imageTokensOf(bytes: Uint8Array): number {
  const size = imageDimensions(bytes);
  return size ? imageTokens(size.width, size.height) : UNREADABLE_IMAGE_TOKENS;
}

function pdfTokensOf(bytes: Uint8Array, base64: string): number {
  const pages = pdfPageCount(bytes) || Math.max(1, Math.ceil(base64ByteLength(base64) / UNCOUNTED_PDF_BYTES_PER_PAGE));
  return pages * PDF_TOKENS_PER_PAGE;
}

/** The estimate for a `data:` URL of an image or PDF (a content part on the wire); 0 for anything else. */
export function dataUrlTokens(url: string): number {
  const match = /^data:([^;,]+);base64,/.exec(url);
  const kind = match ? kindOfMimeType(match[1] ?? '') : undefined;
  return kind && match ? binaryTokens(kind, url.slice(match[0].length)) : 0;
}

/** The images and PDFs among `attachments` that are sent as content parts, estimated. */
export function binaryAttachmentsTokens(attachments: readonly ContextAttachment[] | undefined): number {
  return (attachments ?? []).filter(isBinaryAttachment).reduce((sum, attachment) => sum + binaryTokens(attachment.kind as BinaryKind, attachment.data ?? ''), 0);
}

/** One attachment's tokens, as its chip shows them: its text, or the estimate of its image or PDF. */
export function attachmentTokens(attachment: ContextAttachment, model?: string): number {
  return countTokens(attachment.content, model) + binaryAttachmentsTokens([attachment]);
}

function remember(cache: Map<string, number>, base64: string, tokens: number): void {
  cache.set(base64, tokens);
  let held = 0;
  for (const key of cache.keys()) held += key.length;
  for (const oldest of cache.keys()) {
    if (held <= MAX_CACHED_CHARS || cache.size <= 1) break;
    cache.delete(oldest);
    held -= oldest.length;
  }
}
