/** Show Credits (from `GET /key` of the local server) and the spend kept locally for the status bar. */
import * as assert from 'node:assert/strict';
import { creditsSummary } from '../../../src/core/openrouter/credits';
import { recordSpend, summarizeSpend } from '../../../src/core/spend/spendLedger';
import { startOpenRouterServer } from '../../server/openRouterServer';
import { clientFor } from '../../support/openRouterTestKit';

describe('credits from GET /key', () => {
  it('tells the limit, what is used and left, and today and this month as OpenRouter counts them', async () => {
    const server = await startOpenRouterServer();
    try {
      const summary = creditsSummary(await clientFor(server).client.getKeyInfo());
      assert.equal(summary, 'Key “Mock key”: $2.50 used of a $10.00 limit ($7.50 left). OpenRouter counts today $0.50, this month $2.50.');
      assert.equal(server.requests.at(-1)?.path, '/api/v1/key');
    } finally {
      await server.close();
    }
  });

  it('says so when the key has no limit', async () => {
    const server = await startOpenRouterServer({ keyInfo: { limit: null, limit_remaining: null, usage: 0.004, usage_daily: 0.004, usage_monthly: 0.004, is_free_tier: true } });
    try {
      const summary = creditsSummary(await clientFor(server).client.getKeyInfo());
      assert.equal(summary, 'Key “Mock key”: $0.0040 used, no spending limit. OpenRouter counts today $0.0040, this month $0.0040. Free tier.');
    } finally {
      await server.close();
    }
  });
});

describe('local spend (status bar tooltip)', () => {
  const at = (iso: string): Date => new Date(iso);

  it('adds each answer to today and this month', () => {
    let state = recordSpend(undefined, 0.01, at('2026-03-14T10:00:00'));
    state = recordSpend(state, 0.02, at('2026-03-14T18:00:00'));
    assert.deepEqual(summarizeSpend(state, at('2026-03-14T23:00:00')), { todayUsd: 0.03, monthUsd: 0.03 });
  });

  it('starts a new day at zero and keeps the month; a new month starts at zero too', () => {
    let state = recordSpend(undefined, 0.25, at('2026-03-14T10:00:00'));
    assert.deepEqual(summarizeSpend(state, at('2026-03-15T08:00:00')), { todayUsd: 0, monthUsd: 0.25 });
    state = recordSpend(state, 0.5, at('2026-03-15T08:00:00'));
    assert.deepEqual(summarizeSpend(state, at('2026-03-15T09:00:00')), { todayUsd: 0.5, monthUsd: 0.75 });
    assert.deepEqual(summarizeSpend(state, at('2026-04-01T09:00:00')), { todayUsd: 0, monthUsd: 0 });
    assert.deepEqual(recordSpend(state, 0.1, at('2026-04-01T09:00:00')), { day: '2026-04-01', dayUsd: 0.1, month: '2026-04', monthUsd: 0.1 });
  });

  it('ignores a stored value of another shape and a cost that is not a positive number', () => {
    assert.deepEqual(summarizeSpend({ day: 5 }, at('2026-03-14T10:00:00')), { todayUsd: 0, monthUsd: 0 });
    const state = recordSpend(undefined, Number.NaN, at('2026-03-14T10:00:00'));
    assert.deepEqual(summarizeSpend(recordSpend(state, -1, at('2026-03-14T10:00:00')), at('2026-03-14T10:00:00')), { todayUsd: 0, monthUsd: 0 });
  });
});
