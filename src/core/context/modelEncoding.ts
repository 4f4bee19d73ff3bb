/**
 * Which public BPE encoding counts a model's tokens: o200k for every model. It is OpenAI's own for
 * gpt-oss, GPT-4o, GPT-4.1, GPT-5 and the o-series. Other families (Anthropic, Google, Meta,
 * Mistral, …) ship no public tokenizer for their current models, and o200k is the nearest large
 * modern BPE. GPT-4 and GPT-3.5 use cl100k, but shipping it too would push the .vsix past the
 * 1 MiB issue 2 allows (cl100k took 440 kB of it), so they are counted with o200k as well: an
 * approximation, like the other families'. For every model each answer's real `prompt_tokens`
 * corrects the count (see TokenCalibration).
 */

export type EncodingName = 'o200k_base';

/** The encoding used when no model is known (a chip before a model is picked). */
export const DEFAULT_ENCODING: EncodingName = 'o200k_base';

export function encodingFor(_modelId: string | undefined): EncodingName {
  return DEFAULT_ENCODING;
}
