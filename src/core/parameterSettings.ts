/**
 * Validates the request parameters and routing preferences, whether they come from the
 * `openrouterChat.*` settings or from one chat's Parameters panel: one reader for both, so a value
 * the settings refuse is refused in the panel too, with the same words. Ranges are the model
 * page's (openrouter.ai/openai/gpt-oss-120b, "Parameters").
 */
import type { DataCollection, RoutingPreferences, SamplingParameters } from './openrouter/requestParameters';

/** Reads one raw value by its setting key (e.g. `topP`, `provider.order`). */
export type ValueReader = (key: string) => unknown;
/** Records a problem with one key; returns undefined so callers can `return report(...)`. */
export type ProblemReport = (key: string, message: string) => undefined;

interface Range {
  min?: number;
  max?: number;
  integer?: boolean;
}

export const PARAMETER_RANGES = {
  temperature: { min: 0, max: 2 },
  topP: { min: 0, max: 1 },
  frequencyPenalty: { min: -2, max: 2 },
  presencePenalty: { min: -2, max: 2 },
  seed: { integer: true },
  topLogprobs: { min: 0, max: 20, integer: true },
  maxTokens: { min: 1, integer: true },
} as const satisfies Record<string, Range>;

/** OpenRouter accepts at most four stop sequences. */
export const MAX_STOP_SEQUENCES = 4;
const DATA_COLLECTION: readonly DataCollection[] = ['allow', 'deny'];
const QUANTIZATIONS: readonly string[] = ['int4', 'int8', 'fp4', 'fp6', 'fp8', 'fp16', 'bf16', 'fp32', 'unknown'];

export function readSamplingParameters(read: ValueReader, report: ProblemReport): SamplingParameters {
  const parameters: SamplingParameters = {};
  for (const key of Object.keys(PARAMETER_RANGES) as (keyof typeof PARAMETER_RANGES)[]) {
    const value = optionalNumber(read(key), key, PARAMETER_RANGES[key], report);
    if (value !== undefined) parameters[key] = value;
  }
  const stop = stringList(read('stop'), 'stop', report);
  if (stop && stop.length > MAX_STOP_SEQUENCES) report('stop', `holds ${stop.length} sequences; OpenRouter takes at most ${MAX_STOP_SEQUENCES}.`);
  else if (stop && stop.length > 0) parameters.stop = stop;
  const logitBias = readLogitBias(read('logitBias'), report);
  if (logitBias) parameters.logitBias = logitBias;
  // Off is the API's default: only "on" is a parameter to send.
  if (optionalBoolean(read('logprobs'), 'logprobs', report)) parameters.logprobs = true;
  return parameters;
}

export function readRoutingPreferences(read: ValueReader, report: ProblemReport): RoutingPreferences {
  const routing: RoutingPreferences = {};
  for (const name of ['order', 'only', 'ignore'] as const) {
    const list = stringList(read(`provider.${name}`), `provider.${name}`, report);
    if (list && list.length > 0) routing[name] = list;
  }
  const allowFallbacks = optionalBoolean(read('provider.allowFallbacks'), 'provider.allowFallbacks', report);
  if (allowFallbacks !== undefined) routing.allowFallbacks = allowFallbacks;
  if (optionalBoolean(read('provider.requireParameters'), 'provider.requireParameters', report)) routing.requireParameters = true;
  const dataCollection = read('provider.dataCollection');
  if (dataCollection != null && dataCollection !== '' && dataCollection !== 'default') {
    if (typeof dataCollection === 'string' && (DATA_COLLECTION as readonly string[]).includes(dataCollection)) routing.dataCollection = dataCollection as DataCollection;
    else report('provider.dataCollection', `"${String(dataCollection)}" is not one of default, allow, deny.`);
  }
  const zdr = optionalBoolean(read('provider.zdr'), 'provider.zdr', report);
  if (zdr !== undefined) routing.zdr = zdr;
  const quantizations = stringList(read('provider.quantizations'), 'provider.quantizations', report);
  const unknown = quantizations?.filter((q) => !QUANTIZATIONS.includes(q)) ?? [];
  if (unknown.length > 0) report('provider.quantizations', `"${unknown.join('", "')}" is not one of ${QUANTIZATIONS.join(', ')}.`);
  else if (quantizations && quantizations.length > 0) routing.quantizations = quantizations;
  const maxPrice = readMaxPrice(read('provider.maxPrice'), report);
  if (maxPrice) routing.maxPrice = maxPrice;
  const fallbacks = stringList(read('fallbackModels'), 'fallbackModels', report);
  const badId = fallbacks?.find((id) => !/^[\w.:@/-]+$/.test(id));
  if (badId !== undefined) report('fallbackModels', `"${badId}" is not a model id; expected something like openai/gpt-oss-20b.`);
  else if (fallbacks && fallbacks.length > 0) routing.fallbackModels = fallbacks;
  return routing;
}

export function optionalNumber(raw: unknown, key: string, range: Range, report: ProblemReport): number | undefined {
  if (raw == null || raw === '') return undefined;
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return report(key, `must be a number, not "${String(raw)}".`);
  if (range.integer && !Number.isInteger(raw)) return report(key, `must be a whole number, not ${raw}.`);
  if (range.min !== undefined && raw < range.min) return report(key, `must be at least ${range.min}, not ${raw}.`);
  if (range.max !== undefined && raw > range.max) return report(key, `must be at most ${range.max}, not ${raw}.`);
  return raw;
}

function optionalBoolean(raw: unknown, key: string, report: ProblemReport): boolean | undefined {
  if (raw == null || raw === '') return undefined;
  if (typeof raw !== 'boolean') return report(key, `must be true or false, not "${String(raw)}".`);
  return raw;
}

function stringList(raw: unknown, key: string, report: ProblemReport): string[] | undefined {
  if (raw == null) return undefined;
  if (!Array.isArray(raw) || raw.some((item) => typeof item !== 'string')) return report(key, 'must be a list of text values.');
  const list = (raw as string[]).map((item) => (key === 'stop' ? item : item.trim())).filter((item) => item.length > 0);
  return list;
}

/** `{ "50256": -100 }`: keys are token ids, values from -100 (never) to 100 (always). */
function readLogitBias(raw: unknown, report: ProblemReport): Record<string, number> | undefined {
  if (raw == null) return undefined;
  if (typeof raw !== 'object' || Array.isArray(raw)) return report('logitBias', 'must be an object of token id -> bias, e.g. { "50256": -100 }.');
  const bias: Record<string, number> = {};
  for (const [token, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!/^\d+$/.test(token)) return report('logitBias', `"${token}" is not a token id (a whole number).`);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < -100 || value > 100) {
      return report('logitBias', `the bias of token ${token} must be a number from -100 to 100, not ${JSON.stringify(value)}.`);
    }
    bias[token] = value;
  }
  return Object.keys(bias).length > 0 ? bias : undefined;
}

/** USD per million tokens, e.g. `{ "prompt": 1, "completion": 2 }`. */
function readMaxPrice(raw: unknown, report: ProblemReport): RoutingPreferences['maxPrice'] {
  if (raw == null) return undefined;
  if (typeof raw !== 'object' || Array.isArray(raw)) return report('provider.maxPrice', 'must be an object such as { "prompt": 1, "completion": 2 } (USD per million tokens).');
  const price: NonNullable<RoutingPreferences['maxPrice']> = {};
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if (name !== 'prompt' && name !== 'completion') return report('provider.maxPrice', `"${name}" is not a price this extension sets; use prompt and completion.`);
    if (value == null) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return report('provider.maxPrice', `${name} must be a number of USD per million tokens, at least 0.`);
    price[name] = value;
  }
  return Object.keys(price).length > 0 ? price : undefined;
}
