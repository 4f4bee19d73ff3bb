import type { ModelInfo } from './types';

/**
 * Token estimate with no tokenizer at hand: the stand-in TokenCounter uses until the model's
 * encoding is loaded, or if it cannot be (count through TokenCounter, not this). English prose averages about four
 * characters per token and code about three; dividing by three over-estimates prose and fits code,
 * so a cost or context warning errs on the safe side.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 3);
}

/**
 * The most a request can cost: the whole prompt plus a completion that uses every allowed token
 * (reasoning tokens are billed as completion tokens), plus any per-request fee.
 */
export function estimateWorstCaseCostUsd(model: ModelInfo, promptTokens: number, maxCompletionTokens: number): number {
  return (
    promptTokens * model.promptPricePerToken +
    maxCompletionTokens * model.completionPricePerToken +
    (model.requestPrice ?? 0)
  );
}
