/**
 * The figures shown under a finished answer: what it cost, how fast it came. Computed from our own
 * clock readings (the host saw the bytes) and OpenRouter's usage (tokens and cost are theirs).
 */
import type { AnswerStats } from '../../shared/protocol';
import type { Usage } from '../openrouter/types';

export interface AnswerTimings {
  readonly sentAt: number;
  readonly firstReasoningAt?: number;
  readonly firstContentAt?: number;
  readonly endedAt: number;
}

export function answerStats(model: string, provider: string | undefined, usage: Usage | undefined, timings: AnswerTimings): AnswerStats {
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
          ...(usage.costUsd !== undefined ? { costUsd: usage.costUsd } : {}),
        }
      : {}),
    ...(firstTokenAt !== undefined ? { ttftMs: firstTokenAt - timings.sentAt } : {}),
    ...(tokensPerSecond !== undefined ? { tokensPerSecond } : {}),
    ...(reasoningSeconds !== undefined ? { reasoningSeconds: Math.round(reasoningSeconds * 10) / 10 } : {}),
  };
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}
