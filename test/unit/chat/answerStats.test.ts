import * as assert from 'node:assert/strict';
import { answerStats } from '../../../src/core/chat/answerStats';

describe('answer stats', () => {
  it('computes time to first token, tokens per second and reasoning time', () => {
    const stats = answerStats(
      'openai/gpt-oss-120b',
      'Cerebras',
      { promptTokens: 12, completionTokens: 200, totalTokens: 212, reasoningTokens: 80, costUsd: 0.0000034 },
      { sentAt: 1000, firstReasoningAt: 1300, firstContentAt: 3300, endedAt: 5300 },
    );
    assert.equal(stats.ttftMs, 300);
    assert.equal(stats.tokensPerSecond, 50);
    assert.equal(stats.reasoningSeconds, 2);
    assert.equal(stats.reasoningTokens, 80);
    assert.equal(stats.costUsd, 0.0000034);
    assert.equal(stats.provider, 'Cerebras');
  });

  it('leaves out what it cannot know', () => {
    const stats = answerStats('m', undefined, undefined, { sentAt: 0, endedAt: 10 });
    assert.deepEqual(stats, { model: 'm' });
  });
});
