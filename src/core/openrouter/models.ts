import type { KeyInfo, ModelInfo, ReasoningEffort } from './types';

/** Every effort OpenRouter knows, lowest first (the order `nearestEffort` measures distance in). */
export const REASONING_EFFORTS: readonly ReasoningEffort[] = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'];

interface WireModel {
  id?: string;
  name?: string;
  description?: string;
  context_length?: number | null;
  pricing?: { prompt?: string | number; completion?: string | number; request?: string | number; input_cache_read?: string | number };
  top_provider?: { context_length?: number | null; max_completion_tokens?: number | null } | null;
  supported_parameters?: string[] | null;
  architecture?: { input_modalities?: (string | null)[] | null } | null;
  reasoning?: {
    mandatory?: boolean;
    default_effort?: string | null;
    supported_efforts?: (string | null)[] | null;
  } | null;
}

interface WireKey {
  label?: string;
  limit?: number | null;
  limit_remaining?: number | null;
  usage?: number;
  usage_daily?: number;
  usage_monthly?: number;
  is_free_tier?: boolean;
  expires_at?: string | null;
}

function isEffort(value: unknown): value is ReasoningEffort {
  return typeof value === 'string' && (REASONING_EFFORTS as readonly string[]).includes(value);
}

/** Prices arrive as decimal strings in USD per token ("0.00000015"); "-1" marks a variable price. */
function price(value: string | number | undefined): number {
  const parsed = typeof value === 'number' ? value : Number.parseFloat(value ?? '');
  return Number.isFinite(parsed) && parsed > 0 ? parsed : 0;
}

/** Maps one entry of `GET /models`. Returns undefined for entries without an id. */
export function mapModel(wire: WireModel): ModelInfo | undefined {
  if (!wire.id) return undefined;
  const supportedParameters = Array.isArray(wire.supported_parameters) ? wire.supported_parameters : [];
  const reasoning = wire.reasoning ?? undefined;
  const supportsReasoning =
    reasoning !== undefined ||
    supportedParameters.includes('reasoning') ||
    supportedParameters.includes('include_reasoning');
  const model: ModelInfo = {
    id: wire.id,
    name: wire.name ?? wire.id,
    contextLength: wire.context_length ?? wire.top_provider?.context_length ?? 0,
    promptPricePerToken: price(wire.pricing?.prompt),
    completionPricePerToken: price(wire.pricing?.completion),
    supportedParameters,
    supportsReasoning,
    reasoningMandatory: reasoning?.mandatory === true,
  };
  const maxCompletion = wire.top_provider?.max_completion_tokens;
  if (typeof maxCompletion === 'number' && maxCompletion > 0) model.maxCompletionTokens = maxCompletion;
  const requestPrice = price(wire.pricing?.request);
  if (requestPrice > 0) model.requestPrice = requestPrice;
  const cacheRead = price(wire.pricing?.input_cache_read);
  if (cacheRead > 0) model.cacheReadPricePerToken = cacheRead;
  // The wire lists efforts highest first; keep the ones we know, lowest first. A model whose
  // reasoning is mandatory answers `none` with HTTP 400, whatever its list says. An absent or
  // null list means "no allow-list".
  if (Array.isArray(reasoning?.supported_efforts)) {
    const offered = reasoning.supported_efforts.filter(isEffort);
    model.reasoningEfforts = REASONING_EFFORTS.filter((effort) => offered.includes(effort) && !(effort === 'none' && model.reasoningMandatory));
  }
  if (isEffort(reasoning?.default_effort)) model.defaultReasoningEffort = reasoning.default_effort;
  if (wire.description) model.description = wire.description;
  const modalities = wire.architecture?.input_modalities;
  if (Array.isArray(modalities)) model.inputModalities = modalities.filter((m): m is string => typeof m === 'string');
  return model;
}

export function mapModelList(body: unknown): ModelInfo[] {
  const data = body && typeof body === 'object' ? (body as { data?: unknown }).data : undefined;
  if (!Array.isArray(data)) return [];
  const models: ModelInfo[] = [];
  for (const entry of data) {
    const model = entry && typeof entry === 'object' ? mapModel(entry as WireModel) : undefined;
    if (model) models.push(model);
  }
  return models;
}

/** Maps `GET /key`. */
export function mapKeyInfo(body: unknown): KeyInfo {
  const data = (body && typeof body === 'object' ? (body as { data?: WireKey }).data : undefined) ?? {};
  const info: KeyInfo = {
    label: data.label ?? '',
    limit: typeof data.limit === 'number' ? data.limit : null,
    limitRemaining: typeof data.limit_remaining === 'number' ? data.limit_remaining : null,
    isFreeTier: data.is_free_tier === true,
  };
  if (typeof data.usage === 'number') info.usage = data.usage;
  if (typeof data.usage_daily === 'number') info.usageDaily = data.usage_daily;
  if (typeof data.usage_monthly === 'number') info.usageMonthly = data.usage_monthly;
  if (data.expires_at !== undefined) info.expiresAt = data.expires_at;
  return info;
}
