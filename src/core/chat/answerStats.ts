/**
 * The figures shown under a finished answer: what it cost, how fast it came. Computed from our own
 * clock readings (the host saw the bytes) and OpenRouter's usage (tokens and cost are theirs).
 */
import type { AnswerStats } from '../../shared/protocol';
import type { ModelInfo, Usage } from '../openrouter/types';

export interface AnswerTimings {
  readonly sentAt: number;
  readonly firstReasoningAt?: number;
  readonly firstContentAt?: number;
  readonly endedAt: number;
}

/**
 * `model` and `provider` are the ones the stream named (with fallbacks, the model that really
 * served); `pricing` is the requested model's `/models` entry, for the cache discount.
 */
export function answerStats(model: string, provider: string | undefined, usage: Usage | undefined, timings: AnswerTimings, pricing?: ModelInfo): AnswerStats {
  const firstTokenAt = minDefined(timings.firstReasoningAt, timings.firstContentAt);
  const generationMs = firstTokenAt !== undefined ? timings.endedAt - firstTokenAt : undefined;
  const completionTokens = usage?.completionTokens;
  const tokensPerSecond =
    completionTokens !== undefined && generationMs !== undefined && generationMs > 0
      ? Math.round((completionTokens / generationMs) * 1000 * 10) / 10
      : undefined;
  const reasoningSeconds =
    timings.firstReasoningAt !== undefined
      ? Math.max(0, ((timings.firstContentAt ?? timings.endedAt) - timings.firstReasoningAt) / 1000)
      : undefined;
  return {
    model,
    ...(provider ? { provider } : {}),
    ...(usage
      ? {
          promptTokens: usage.promptTokens,
          completionTokens: usage.completionTokens,
          ...(usage.reasoningTokens !== undefined ? { reasoningTokens: usage.reasoningTokens } : {}),
          ...(usage.cachedTokens !== undefined ? { cachedTokens: usage.cachedTokens } : {}),
          ...cacheDiscount(usage, model, pricing),
          ...(usage.costUsd !== undefined ? { costUsd: usage.costUsd } : {}),
          ...(usage.isByok ? { byok: true } : {}),
        }
      : {}),
    ...(firstTokenAt !== undefined ? { ttftMs: firstTokenAt - timings.sentAt } : {}),
    ...(tokensPerSecond !== undefined ? { tokensPerSecond } : {}),
    ...(reasoningSeconds !== undefined ? { reasoningSeconds: Math.round(reasoningSeconds * 10) / 10 } : {}),
  };
}

/**
 * What the cached prompt tokens saved: each was billed at the cache-read price instead of the
 * prompt price. Only from the prices of the model that served (a fallback has other prices).
 */
function cacheDiscount(usage: Usage, servedModel: string, pricing: ModelInfo | undefined): { cacheDiscountUsd?: number } {
  const cached = usage.cachedTokens ?? 0;
  if (cached <= 0 || !pricing || pricing.id !== servedModel || pricing.cacheReadPricePerToken === undefined) return {};
  const saved = cached * (pricing.promptPricePerToken - pricing.cacheReadPricePerToken);
  return saved > 0 ? { cacheDiscountUsd: Number(saved.toPrecision(6)) } : {};
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}
