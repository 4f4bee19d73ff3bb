/**
 * Entry of dist/tokenizer-o200k.js: the o200k encoding (about 2 MB of ranks) in a bundle of its
 * own, loaded at first count so it never weighs on the extension bundle or on activation.
 */
export { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
