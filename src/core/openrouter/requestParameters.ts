/**
 * The sampling parameters, routing preferences, session and caching fields of a chat request,
 * serialized as OpenRouter documents them. A parameter goes out only when it is set and the
 * model's `/models` entry lists it in `supported_parameters`; one it does not list is left out
 * (and named, so the user can be told), unless the user asked for `provider.require_parameters`,
 * in which case it is sent and OpenRouter routes only to providers that honour it.
 */
import type { ChatRequest, ModelInfo } from './types';

export interface SamplingParameters {
  temperature?: number;
  topP?: number;
  frequencyPenalty?: number;
  presencePenalty?: number;
  seed?: number;
  stop?: string[];
  /** Token id (as a decimal string) -> bias from -100 to 100. */
  logitBias?: Record<string, number>;
  logprobs?: boolean;
  /** 0..20; sent only together with `logprobs: true`. */
  topLogprobs?: number;
  maxTokens?: number;
}

export type DataCollection = 'allow' | 'deny';
export type ProviderSort = 'throughput' | 'price' | 'latency';

/** OpenRouter's `provider` object, plus the fallback `models` list. */
export interface RoutingPreferences {
  order?: string[];
  only?: string[];
  ignore?: string[];
  allowFallbacks?: boolean;
  /** Send every set parameter and let OpenRouter pick only providers that support them all. */
  requireParameters?: boolean;
  dataCollection?: DataCollection;
  zdr?: boolean;
  quantizations?: string[];
  sort?: ProviderSort;
  /** USD per million tokens. */
  maxPrice?: { prompt?: number; completion?: number };
  /** Models to fall back to, in priority order, when the chosen one cannot answer. */
  fallbackModels?: string[];
}

/** The wire name of each sampling parameter, as `supported_parameters` lists it. */
export const PARAMETER_WIRE_NAMES: Readonly<Record<keyof SamplingParameters, string>> = {
  temperature: 'temperature',
  topP: 'top_p',
  frequencyPenalty: 'frequency_penalty',
  presencePenalty: 'presence_penalty',
  seed: 'seed',
  stop: 'stop',
  logitBias: 'logit_bias',
  logprobs: 'logprobs',
  topLogprobs: 'top_logprobs',
  maxTokens: 'max_tokens',
};

export interface SerializedParameters {
  /** Fields to merge into the request body. */
  readonly fields: Partial<ChatRequest>;
  /** Wire names of parameters that were set but left out because the model does not support them. */
  readonly unsupported: readonly string[];
}

export interface ParameterContext {
  readonly modelId: string;
  /** The model's `/models` entry; without it every set parameter is sent (nothing to check against). */
  readonly model?: ModelInfo;
  readonly sessionId?: string;
}

export function serializeParameters(parameters: SamplingParameters, routing: RoutingPreferences, context: ParameterContext): SerializedParameters {
  const fields: Partial<ChatRequest> = {};
  const unsupported: string[] = [];
  // An empty list means the model publishes none: nothing to check against.
  const supported = context.model && context.model.supportedParameters.length > 0 ? new Set(context.model.supportedParameters) : undefined;
  const allowed = (wireName: string): boolean => {
    if (!supported || routing.requireParameters || supported.has(wireName)) return true;
    unsupported.push(wireName);
    return false;
  };

  for (const [key, wireName] of Object.entries(PARAMETER_WIRE_NAMES) as [keyof SamplingParameters, string][]) {
    const value = wireValue(parameters, key);
    if (value !== undefined && allowed(wireName)) (fields as Record<string, unknown>)[wireName] = value;
  }

  const provider = providerObject(routing);
  if (provider) fields.provider = provider;
  const fallbacks = (routing.fallbackModels ?? []).filter((id) => id !== context.modelId);
  if (fallbacks.length > 0) fields.models = fallbacks;
  if (context.sessionId) fields.session_id = context.sessionId;
  // Anthropic caches only what the request marks; the top-level directive puts one breakpoint on
  // the last cacheable block, so a long chat pays the cache-read price for its earlier turns.
  if (isAnthropic(context.modelId)) fields.cache_control = { type: 'ephemeral' };
  return { fields, unsupported };
}

/** The value to send for one parameter, or undefined when it is not set (or has no effect). */
function wireValue(parameters: SamplingParameters, key: keyof SamplingParameters): unknown {
  const value = parameters[key];
  if (key === 'stop') return parameters.stop && parameters.stop.length > 0 ? parameters.stop : undefined;
  if (key === 'logitBias') return parameters.logitBias && Object.keys(parameters.logitBias).length > 0 ? parameters.logitBias : undefined;
  // `top_logprobs` means nothing without `logprobs: true`; `logprobs: false` is the default.
  if (key === 'logprobs') return parameters.logprobs === true ? true : undefined;
  if (key === 'topLogprobs') return parameters.logprobs === true ? parameters.topLogprobs : undefined;
  return value;
}

function providerObject(routing: RoutingPreferences): Record<string, unknown> | undefined {
  const provider: Record<string, unknown> = {};
  const list = (name: string, values: string[] | undefined): void => {
    if (values && values.length > 0) provider[name] = values;
  };
  list('order', routing.order);
  list('only', routing.only);
  list('ignore', routing.ignore);
  if (routing.allowFallbacks !== undefined) provider['allow_fallbacks'] = routing.allowFallbacks;
  if (routing.requireParameters) provider['require_parameters'] = true;
  if (routing.dataCollection) provider['data_collection'] = routing.dataCollection;
  if (routing.zdr !== undefined) provider['zdr'] = routing.zdr;
  list('quantizations', routing.quantizations);
  if (routing.sort) provider['sort'] = routing.sort;
  const maxPrice = maxPriceObject(routing.maxPrice);
  if (maxPrice) provider['max_price'] = maxPrice;
  return Object.keys(provider).length > 0 ? provider : undefined;
}

/**
 * OpenRouter's request schema (the official SDK's `MaxPrice`) types prices as decimal strings, in
 * USD per million tokens.
 */
function maxPriceObject(maxPrice: RoutingPreferences['maxPrice']): Record<string, string> | undefined {
  if (!maxPrice) return undefined;
  const out: Record<string, string> = {};
  if (maxPrice.prompt !== undefined) out['prompt'] = String(maxPrice.prompt);
  if (maxPrice.completion !== undefined) out['completion'] = String(maxPrice.completion);
  return Object.keys(out).length > 0 ? out : undefined;
}

export function isAnthropic(modelId: string): boolean {
  return modelId.startsWith('anthropic/');
}
