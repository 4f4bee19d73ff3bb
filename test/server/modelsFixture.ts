/**
 * A realistic `GET /models` answer: the default reasoning model, a model without reasoning, a free
 * one and an expensive one. Prices are strings in USD per token, as OpenRouter sends them.
 */
export const MODELS_FIXTURE = {
  data: [
    {
      id: 'openai/gpt-oss-120b',
      canonical_slug: 'openai/gpt-oss-120b',
      name: 'OpenAI: gpt-oss-120b',
      created: 1754414231,
      description: 'gpt-oss-120b is an open-weight, 117B-parameter Mixture-of-Experts (MoE) language model from OpenAI.',
      context_length: 131072,
      architecture: { modality: 'text->text', input_modalities: ['text'], output_modalities: ['text'], tokenizer: 'GPT' },
      pricing: { prompt: '0.00000005', completion: '0.00000025', request: '0', image: '0', web_search: '0', internal_reasoning: '0' },
      top_provider: { context_length: 131072, max_completion_tokens: 131072, is_moderated: false },
      supported_parameters: ['include_reasoning', 'max_tokens', 'reasoning', 'response_format', 'seed', 'stop', 'temperature', 'tool_choice', 'tools', 'top_p'],
      reasoning: { mandatory: true, default_effort: 'medium', supported_efforts: ['high', 'medium', 'low'] },
    },
    {
      id: 'openai/gpt-oss-20b:free',
      canonical_slug: 'openai/gpt-oss-20b',
      name: 'OpenAI: gpt-oss-20b (free)',
      created: 1754414229,
      description: 'A free variant of gpt-oss-20b with lower rate limits.',
      context_length: 131072,
      architecture: { modality: 'text->text', input_modalities: ['text'], output_modalities: ['text'], tokenizer: 'GPT' },
      pricing: { prompt: '0', completion: '0', request: '0' },
      top_provider: { context_length: 131072, max_completion_tokens: 32768, is_moderated: false },
      supported_parameters: ['include_reasoning', 'max_tokens', 'reasoning', 'seed', 'stop', 'temperature'],
      reasoning: { mandatory: true, default_effort: 'medium', supported_efforts: ['high', 'medium', 'low'] },
    },
    {
      id: 'mistralai/mistral-small-3.2-24b-instruct',
      canonical_slug: 'mistralai/mistral-small-3.2-24b-instruct-2506',
      name: 'Mistral: Mistral Small 3.2 24B',
      created: 1750443016,
      description: 'Mistral Small 3.2 is an instruction-tuned model without reasoning.',
      context_length: 131072,
      architecture: { modality: 'text+image->text', input_modalities: ['image', 'text'], output_modalities: ['text'], tokenizer: 'Mistral' },
      pricing: { prompt: '0.00000006', completion: '0.00000018', request: '0' },
      top_provider: { context_length: 131072, max_completion_tokens: null, is_moderated: false },
      supported_parameters: ['max_tokens', 'seed', 'stop', 'temperature', 'tool_choice', 'tools', 'top_p'],
    },
    {
      id: 'anthropic/claude-sonnet-4.5',
      canonical_slug: 'anthropic/claude-4.5-sonnet-20250929',
      name: 'Anthropic: Claude Sonnet 4.5',
      created: 1759161676,
      description: 'Claude Sonnet 4.5, an expensive frontier model with optional reasoning.',
      context_length: 1000000,
      architecture: { modality: 'text+image->text', input_modalities: ['text', 'image'], output_modalities: ['text'], tokenizer: 'Claude' },
      pricing: { prompt: '0.000003', completion: '0.000015', request: '0', input_cache_read: '0.0000003' },
      top_provider: { context_length: 1000000, max_completion_tokens: 64000, is_moderated: false },
      supported_parameters: ['include_reasoning', 'max_tokens', 'reasoning', 'stop', 'temperature', 'tool_choice', 'tools', 'top_p'],
      reasoning: { mandatory: false, default_effort: null, supported_efforts: null, supports_max_tokens: true },
    },
  ],
};
