/**
 * Reads the o200k ranks file (dist/o200k.ranks.br, written at build time by
 * scripts/lib/o200kRanks.mjs, which describes the format) back into the rank list gpt-tokenizer's
 * encoder takes: a string for each token that is UTF-8 text, its byte values otherwise. Only this
 * codec is ours; the BPE itself stays gpt-tokenizer's.
 */
import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';

export type RawRanks = (string | number[])[];

const ESCAPE = 0xff;
const NEWLINE = 0x0a;
const LETTER_N = 0x6e;
/** gpt-tokenizer keeps a token starting with a byte-order mark as bytes (text decoding would drop the mark). */
const BOM = [0xef, 0xbb, 0xbf];

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The rank list of the escaped lines (brotli already undone). */
export function decodeRankLines(lines: Uint8Array): RawRanks {
  const ranks: RawRanks = [];
  const token = new Uint8Array(lines.length);
  let length = 0;
  for (let i = 0; i < lines.length; i++) {
    const byte = lines[i] as number;
    if (byte === NEWLINE) {
      ranks.push(tokenOf(token.subarray(0, length)));
      length = 0;
    } else if (byte === ESCAPE) {
      const next = lines[++i];
      if (next === LETTER_N) token[length++] = NEWLINE;
      else if (next === ESCAPE) token[length++] = ESCAPE;
      else throw new Error(`o200k ranks: bad escape at byte ${i}`);
    } else {
      token[length++] = byte;
    }
  }
  if (length > 0) throw new Error('o200k ranks: the last token has no line end');
  return ranks;
}

/** The rank list of a ranks file. */
export function readRankFile(path: string): RawRanks {
  return decodeRankLines(brotliDecompressSync(readFileSync(path)));
}

function tokenOf(bytes: Uint8Array): string | number[] {
  if (!BOM.every((byte, index) => bytes[index] === byte)) {
    try {
      return utf8.decode(bytes);
    } catch {
      // Not UTF-8 on its own (part of a character): gpt-tokenizer keeps it as bytes.
    }
  }
  return Array.from(bytes);
}
