import * as assert from 'node:assert/strict';
import { DeltaBatcher, type Delta } from '../../../src/core/chat/deltaBatcher';

describe('delta batcher', () => {
  it('coalesces many small deltas into one message and keeps their order', async () => {
    const emitted: Delta[] = [];
    const batcher = new DeltaBatcher((d) => emitted.push(d), 5);
    for (let i = 0; i < 100; i++) batcher.addContent(`${i} `);
    batcher.addReasoning('r');
    assert.equal(emitted.length, 0);
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(emitted.length, 1);
    assert.equal(emitted[0]?.content, Array.from({ length: 100 }, (_, i) => `${i} `).join(''));
    assert.equal(emitted[0]?.reasoning, 'r');
  });

  it('flushes at once on demand and then stays quiet', async () => {
    const emitted: Delta[] = [];
    const batcher = new DeltaBatcher((d) => emitted.push(d), 5);
    batcher.addContent('a');
    batcher.flush();
    batcher.flush();
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(emitted, [{ content: 'a' }]);
  });
});
