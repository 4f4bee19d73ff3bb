/**
 * Entry of dist/tokenizer-o200k.js: the o200k encoding (about 2 MB of ranks) in a bundle of its
 * own, loaded at first count so it never weighs on the extension bundle or on activation.
 */
import { countTokens as count } from 'gpt-tokenizer/encoding/o200k_base';
import { countBounded } from './boundedCount';

/**
 * Special-token text such as `<|endoftext|>` in a file or a question is counted as the plain text
 * it is sent as (gpt-tokenizer would throw on it by default).
 */
export function countTokens(text: string): number {
  return countBounded(text, (piece) => count(piece, { disallowedSpecial: new Set() }));
}
