/**
 * Which public BPE encoding counts a model's tokens. OpenAI's own models publish theirs: o200k for
 * gpt-oss, GPT-4o, GPT-4.1, GPT-5 and the o-series, cl100k for GPT-4 and GPT-3.5. Other families
 * (Anthropic, Google, Meta, Mistral, …) ship no public tokenizer for their current models; o200k is
 * the nearest large modern BPE, and each answer's real `prompt_tokens` corrects the rest per model
 * (see TokenCalibration).
 */

export type EncodingName = 'o200k_base' | 'cl100k_base';

/** The encoding used when no model is known (a chip before a model is picked). */
export const DEFAULT_ENCODING: EncodingName = 'o200k_base';

/** OpenAI models from before GPT-4o: `gpt-4`, `gpt-4-turbo`, `gpt-4-32k`, `gpt-3.5-turbo`, ada embeddings. */
const CL100K_MODELS = /^(gpt-4(?![o.\d])|gpt-3\.5|text-embedding-ada|text-embedding-3)/;

export function encodingFor(modelId: string | undefined): EncodingName {
  if (!modelId) return DEFAULT_ENCODING;
  const slash = modelId.indexOf('/');
  const vendor = slash >= 0 ? modelId.slice(0, slash).toLowerCase() : 'openai';
  const name = (slash >= 0 ? modelId.slice(slash + 1) : modelId).toLowerCase();
  if (vendor === 'openai' && CL100K_MODELS.test(name)) return 'cl100k_base';
  return DEFAULT_ENCODING;
}
