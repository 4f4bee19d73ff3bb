// Writes dist/o200k.ranks.br: o200k's BPE ranks as compact data instead of a JavaScript array.
// As a minified bundle the ranks took 1 MB of the .vsix (issue 2 allows the whole package 1 MiB);
// as raw bytes under brotli they take about 730 kB. src/core/context/encodings/rankFile.ts reads
// it back into gpt-tokenizer's own rank list, and the unit tests check the round trip is exact.
//
// Format (before brotli): token after token in rank order, each token's bytes followed by "\n".
// A newline inside a token is written ESCAPE "n", the escape byte itself ESCAPE ESCAPE. 0xFF is
// the escape because no UTF-8 text contains it: only the one-byte token 0xFF has it.
import { Buffer } from 'node:buffer';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

export const RANKS_ESCAPE = 0xff;
const NEWLINE = 0x0a;
const LETTER_N = 0x6e;

/**
 * gpt-tokenizer's o200k ranks, as its own encoder is given them: an array, a string per UTF-8
 * token, byte values otherwise. Imported only when asked (2 MB of JavaScript).
 */
export async function o200kRanks() {
  return (await import('gpt-tokenizer/bpeRanks/o200k_base')).default;
}

/** The ranks as escaped lines (uncompressed). */
export function encodeRankLines(ranks) {
  const out = [];
  for (const token of ranks) {
    const bytes = typeof token === 'string' ? Buffer.from(token, 'utf8') : token;
    for (const byte of bytes) {
      if (byte === NEWLINE) out.push(RANKS_ESCAPE, LETTER_N);
      else if (byte === RANKS_ESCAPE) out.push(RANKS_ESCAPE, RANKS_ESCAPE);
      else out.push(byte);
    }
    out.push(NEWLINE);
  }
  return Buffer.from(out);
}

/** The ranks file's bytes: the escaped lines under brotli at its best (quality 11, 16 MB window). */
export function encodeRankFile(ranks) {
  const lines = encodeRankLines(ranks);
  return brotliCompressSync(lines, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: lines.length,
    },
  });
}

/** Writes the ranks file to `file`. */
export async function writeO200kRankFile(file) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, encodeRankFile(await o200kRanks()));
}
