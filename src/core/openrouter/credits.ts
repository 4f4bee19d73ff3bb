/** The key's credit, as *OpenRouter Chat: Show Credits* tells it, from `GET /key`. */
import type { KeyInfo } from './types';

function usd(value: number): string {
  return `$${value.toFixed(value !== 0 && Math.abs(value) < 0.01 ? 4 : 2)}`;
}

/** One line for the notification, e.g. "Key “Work”: $2.50 used of a $10.00 limit ($7.50 left). Today $0.50, this month $2.50." */
export function creditsSummary(info: KeyInfo): string {
  const name = info.label ? `Key “${info.label}”` : 'Your key';
  const used = info.usage ?? 0;
  const limit =
    info.limit === null
      ? `${usd(used)} used, no spending limit`
      : `${usd(used)} used of a ${usd(info.limit)} limit (${usd(info.limitRemaining ?? Math.max(0, info.limit - used))} left)`;
  const periods = [
    info.usageDaily !== undefined ? `today ${usd(info.usageDaily)}` : undefined,
    info.usageMonthly !== undefined ? `this month ${usd(info.usageMonthly)}` : undefined,
  ].filter((part): part is string => part !== undefined);
  const free = info.isFreeTier ? ' Free tier.' : '';
  return `${name}: ${limit}.${periods.length > 0 ? ` OpenRouter counts ${periods.join(', ')}.` : ''}${free}`;
}
