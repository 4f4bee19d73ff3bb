/** Entry of dist/tokenizer-cl100k.js: the cl100k encoding (GPT-4, GPT-3.5), loaded only for those models. */
import { countTokens as count } from 'gpt-tokenizer/encoding/cl100k_base';
import { countBounded } from './boundedCount';

/** Special-token text is plain text here, as in o200kBase.ts. */
export function countTokens(text: string): number {
  return countBounded(text, (piece) => count(piece, { disallowedSpecial: new Set() }));
}
