/**
 * What one generation was billed for, from `GET /generation?id=`. A stopped or failed answer ends
 * before the stream's usage chunk, yet OpenRouter bills the tokens it produced: this is where the
 * real figures come from. The record lags the stream (404 "not found" for a few hundred
 * milliseconds) and can fail, so it is asked again with backoff, and the asking can be cancelled.
 */
import { OpenRouterError } from './errors';
import { abortableSleep } from './retry';
import type { Usage } from './types';

export interface GenerationReport {
  readonly usage: Usage;
  /** The model and provider that served (with fallbacks, not always the requested ones). */
  readonly model?: string;
  readonly provider?: string;
}

export interface GenerationSchedule {
  /** Lookups in all, the first included. */
  readonly tries: number;
  /** Wait after the first failed lookup; doubled after each further one, up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** About 15 s in all with the client's default backoff (0.5, 1, 2, 4, 8 s). */
export const GENERATION_TRIES = 6;

/**
 * Maps the `data` of `/generation`. Native token counts are what the provider billed; the
 * normalised `tokens_*` are the fallback. Bring your own key: the real cost is
 * `upstream_inference_cost`, as in the stream's usage (never added to `total_cost`).
 */
export function mapGeneration(json: unknown): GenerationReport | undefined {
  const data = json && typeof json === 'object' ? (json as { data?: unknown }).data : undefined;
  if (!data || typeof data !== 'object') return undefined;
  const wire = data as Record<string, unknown>;
  const promptTokens = numberOf(wire['native_tokens_prompt']) ?? numberOf(wire['tokens_prompt']);
  const completionTokens = numberOf(wire['native_tokens_completion']) ?? numberOf(wire['tokens_completion']);
  const totalCost = numberOf(wire['total_cost']);
  if (promptTokens === undefined && completionTokens === undefined && totalCost === undefined) return undefined;
  const usage: Usage = {
    promptTokens: promptTokens ?? 0,
    completionTokens: completionTokens ?? 0,
    totalTokens: (promptTokens ?? 0) + (completionTokens ?? 0),
  };
  const reasoningTokens = numberOf(wire['native_tokens_reasoning']);
  if (reasoningTokens !== undefined) usage.reasoningTokens = reasoningTokens;
  const cachedTokens = numberOf(wire['native_tokens_cached']);
  if (cachedTokens !== undefined) usage.cachedTokens = cachedTokens;
  const byok = wire['is_byok'] === true;
  const upstream = numberOf(wire['upstream_inference_cost']);
  if (byok && upstream !== undefined) usage.costUsd = upstream;
  else if (totalCost !== undefined) usage.costUsd = totalCost;
  if (typeof wire['is_byok'] === 'boolean') usage.isByok = byok;
  const model = typeof wire['model'] === 'string' && wire['model'] ? wire['model'] : undefined;
  const provider = typeof wire['provider_name'] === 'string' && wire['provider_name'] ? wire['provider_name'] : undefined;
  return { usage, ...(model ? { model } : {}), ...(provider ? { provider } : {}) };
}

/**
 * Asks `lookup` until the record is there: a 404 (not recorded yet), a retryable failure
 * (network, 5xx, 429) or an unreadable answer is asked again after a growing pause. Resolves
 * undefined when it gives up (other errors, out of tries) or when `signal` fires; never rejects.
 */
export async function fetchGenerationReport(
  lookup: (signal: AbortSignal | undefined) => Promise<GenerationReport | undefined>,
  schedule: GenerationSchedule,
  options: { signal?: AbortSignal; log?: (line: string) => void; random?: () => number } = {},
): Promise<GenerationReport | undefined> {
  const { signal, log } = options;
  for (let attempt = 1; attempt <= schedule.tries; attempt++) {
    if (signal?.aborted) return undefined;
    let why: string;
    try {
      const report = await lookup(signal);
      if (report) return report;
      why = 'unreadable answer';
    } catch (error) {
      if (signal?.aborted) return undefined;
      if (!(error instanceof OpenRouterError) || !(error.status === 404 || error.retryable)) {
        log?.(`generation figures not available: ${error instanceof OpenRouterError ? error.kind : 'unexpected error'}`);
        return undefined;
      }
      why = error.status === 404 ? 'not recorded yet' : error.kind;
    }
    if (attempt === schedule.tries) {
      log?.(`generation figures not available after ${attempt} lookups (${why})`);
      return undefined;
    }
    try {
      await abortableSleep(delayMs(attempt, schedule, options.random ?? Math.random), signal);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Exponential, with half of it jittered: never so short that every try lands inside the lag. */
function delayMs(failedAttempt: number, schedule: GenerationSchedule, random: () => number): number {
  const cap = Math.min(schedule.maxDelayMs, schedule.baseDelayMs * 2 ** (failedAttempt - 1));
  return Math.round(cap / 2 + (random() * cap) / 2);
}

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
