/**
 * How many pages a PDF has, read from its bytes without a PDF library: the token estimate of a
 * PDF is its page count times a per-page figure (see binaryTokens.ts).
 *
 * Each page is a dictionary `<< /Type /Page … >>` (the page tree's inner nodes are `/Type /Pages`,
 * not counted). Since PDF 1.5 those dictionaries may sit in compressed object streams
 * (`/Type /ObjStm`, Flate-encoded), which are inflated and searched as well. A file saved with
 * incremental updates may repeat a changed page, so the count can run a little high: the safe side.
 */
import { constants, inflateSync } from 'node:zlib';

/** `/Type /Page` as a whole name: `/Pages` and `/PageLabel` are other names. */
const PAGE = /\/Type\s*\/Page(?![A-Za-z0-9#._-])/g;
const OBJECT_STREAM = /\/Type\s*\/ObjStm(?![A-Za-z0-9#._-])/g;
/** The linearization dictionary (always uncompressed, at the start) states the page count as `/N`. */
const LINEARIZED = /\/Linearized\s[^>]*?\/N\s+(\d+)/;

/** The pages counted in the PDF's bytes, or 0 when none can be found. */
export function pdfPageCount(bytes: Uint8Array): number {
  // latin1 keeps one character per byte, so indexes in the text are indexes in the bytes.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let pages = countPages(text);
  for (const inflated of objectStreams(bytes, text)) pages += countPages(inflated);
  if (pages > 0) return pages;
  const linearized = LINEARIZED.exec(text.slice(0, 4096));
  return linearized ? Number(linearized[1]) : 0;
}

function countPages(text: string): number {
  return text.match(PAGE)?.length ?? 0;
}

/** The inflated text of each Flate-encoded object stream; one that cannot be inflated is skipped. */
function* objectStreams(bytes: Uint8Array, text: string): Generator<string> {
  for (const found of text.matchAll(OBJECT_STREAM)) {
    const keyword = text.indexOf('stream', found.index);
    const end = text.indexOf('endstream', keyword);
    if (keyword < 0 || end < 0 || !text.slice(found.index, keyword).includes('/FlateDecode')) continue;
    // The data starts after the end of line that follows the keyword (CR LF or LF).
    let start = keyword + 'stream'.length;
    if (text[start] === '\r') start++;
    if (text[start] === '\n') start++;
    try {
      // A sync flush, so the end of line before `endstream` does not fail the inflation.
      yield inflateSync(bytes.subarray(start, end), { finishFlush: constants.Z_SYNC_FLUSH }).toString('latin1');
    } catch {
      // A damaged or differently encoded stream: its pages are not counted.
    }
  }
}
