/** The line under a finished answer: model, tokens, cost, time to first token, speed. */
import type { AnswerStats } from '../../shared/protocol';
import { el } from '../dom';
import { t } from '../i18n';
import { formatCostUsd } from '../../shared/costFormat';

function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

export function statsParts(stats: AnswerStats): string[] {
  const parts: string[] = [stats.provider ? `${stats.model} (${stats.provider})` : stats.model];
  if (stats.promptTokens !== undefined || stats.completionTokens !== undefined) {
    const tokens = t('{0} prompt / {1} completion tokens', formatCount(stats.promptTokens ?? 0), formatCount(stats.completionTokens ?? 0));
    parts.push(stats.reasoningTokens ? `${tokens} ${t('({0} reasoning)', formatCount(stats.reasoningTokens))}` : tokens);
  }
  if (stats.cachedTokens) {
    const cached = t('{0} cached', formatCount(stats.cachedTokens));
    parts.push(stats.cacheDiscountUsd ? `${cached} (${t('{0} saved by the cache', formatCostUsd(stats.cacheDiscountUsd))})` : cached);
  }
  if (stats.costUsd !== undefined) parts.push(stats.byok ? t('{0} on your provider key', formatCostUsd(stats.costUsd)) : formatCostUsd(stats.costUsd));
  if (stats.ttftMs !== undefined) parts.push(t('first token {0} s', (stats.ttftMs / 1000).toFixed(2)));
  if (stats.tokensPerSecond !== undefined) parts.push(t('{0} tokens/s', Math.round(stats.tokensPerSecond)));
  return parts;
}

export function createStatsLine(stats: AnswerStats): HTMLElement {
  return el('div', { className: 'stats', text: statsParts(stats).join(' · ') });
}
