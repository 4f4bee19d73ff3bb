/**
 * The o200k counter over a rank list. gpt-tokenizer has no documented custom-ranks API; its
 * `GptEncoding.getEncodingApi` (a public static, exported as `gpt-tokenizer/GptEncoding`) is the
 * very call its own `gpt-tokenizer/encoding/o200k_base` makes with the ranks it bundles, so the
 * pre-tokenizing regex, the special tokens and the BPE are exactly gpt-tokenizer's.
 */
import { GptEncoding } from 'gpt-tokenizer/GptEncoding';
import { countBounded } from './boundedCount';
import type { RawRanks } from './rankFile';

/**
 * Special-token text such as `<|endoftext|>` in a file or a question is counted as the plain text
 * it is sent as (gpt-tokenizer would throw on it by default).
 */
export function o200kCounter(ranks: RawRanks): (text: string) => number {
  const encoding = GptEncoding.getEncodingApi('o200k_base', () => ranks);
  const plainText = { disallowedSpecial: new Set<string>() };
  return (text) => countBounded(text, (piece) => encoding.countTokens(piece, plainText));
}
