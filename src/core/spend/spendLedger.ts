/**
 * What the user spent today and this month, kept locally (the editor layer stores it in
 * globalState). Only two running totals with the day and month they belong to: a new day or
 * month starts again from zero, and nothing else about the answers is kept.
 */
import type { HostMessage } from '../../shared/protocol';

export interface SpendState {
  /** Local calendar day, `YYYY-MM-DD`. */
  readonly day: string;
  readonly dayUsd: number;
  /** Local calendar month, `YYYY-MM`. */
  readonly month: string;
  readonly monthUsd: number;
}

export interface SpendSummary {
  readonly todayUsd: number;
  readonly monthUsd: number;
}

export function dayKey(now: Date): string {
  return `${monthKey(now)}-${String(now.getDate()).padStart(2, '0')}`;
}

export function monthKey(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/**
 * What a message posted to the view adds to the spend: a finished answer's cost (at `streamEnd`),
 * or a stopped or failed answer's billed cost, which comes later (`answerStats`; such an answer
 * ended without usage, so its `streamEnd` carried no cost and nothing is counted twice).
 */
export function spendOf(message: HostMessage): number | undefined {
  const stats = message.type === 'streamEnd' ? message.message.stats : message.type === 'answerStats' ? message.stats : undefined;
  const cost = stats?.costUsd;
  return cost !== undefined && Number.isFinite(cost) && cost > 0 ? cost : undefined;
}

/** The state after an answer that cost `costUsd`; a bad or negative figure changes nothing. */
export function recordSpend(state: SpendState | undefined, costUsd: number, now: Date): SpendState {
  const current = summarizeSpend(state, now);
  const add = Number.isFinite(costUsd) && costUsd > 0 ? costUsd : 0;
  return { day: dayKey(now), dayUsd: current.todayUsd + add, month: monthKey(now), monthUsd: current.monthUsd + add };
}

/** Today's and this month's totals; a stored state from an earlier day or month counts as zero. */
export function summarizeSpend(state: unknown, now: Date): SpendSummary {
  if (!isSpendState(state)) return { todayUsd: 0, monthUsd: 0 };
  return {
    todayUsd: state.day === dayKey(now) ? state.dayUsd : 0,
    monthUsd: state.month === monthKey(now) ? state.monthUsd : 0,
  };
}

/** globalState is shared with older and newer versions of the extension: check before use. */
function isSpendState(value: unknown): value is SpendState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Record<string, unknown>;
  return (
    typeof state['day'] === 'string' &&
    typeof state['month'] === 'string' &&
    typeof state['dayUsd'] === 'number' &&
    Number.isFinite(state['dayUsd']) &&
    typeof state['monthUsd'] === 'number' &&
    Number.isFinite(state['monthUsd'])
  );
}
