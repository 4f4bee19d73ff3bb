/** Entry of dist/tokenizer-cl100k.js: the cl100k encoding (GPT-4, GPT-3.5), loaded only for those models. */
export { countTokens } from 'gpt-tokenizer/encoding/cl100k_base';
