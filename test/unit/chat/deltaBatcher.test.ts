import * as assert from 'node:assert/strict';
import { DeltaBatcher, type Delta } from '../../../src/core/chat/deltaBatcher';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('delta batcher', () => {
  it('sends the first text at once, then coalesces what follows into one message per interval, in order', async () => {
    const emitted: Delta[] = [];
    const batcher = new DeltaBatcher((d) => emitted.push(d), 40);
    batcher.addContent('first ');
    assert.deepEqual([...emitted], [{ content: 'first ' }], 'the first token is not held back');
    for (let i = 0; i < 100; i++) batcher.addContent(`${i} `);
    batcher.addReasoning('r');
    assert.equal(emitted.length, 1, 'the rest waits for the interval');
    await pause(120);
    assert.equal(emitted.length, 2);
    assert.equal(emitted[1]?.content, Array.from({ length: 100 }, (_, i) => `${i} `).join(''));
    assert.equal(emitted[1]?.reasoning, 'r');
    batcher.dispose();
  });

  it('keeps messages at least an interval apart under a steady stream', async () => {
    const sentAt: number[] = [];
    const batcher = new DeltaBatcher(() => sentAt.push(performance.now()), 30);
    const started = performance.now();
    while (performance.now() - started < 200) {
      batcher.addContent('x');
      await pause(2);
    }
    batcher.flush();
    // 200 ms of text every ~2 ms: about 7 messages, never two within the interval (the final
    // flush on demand aside; timers have whole-millisecond granularity, hence the 2 ms slack).
    // A busy machine only stretches the gaps.
    const gaps = sentAt.slice(1, -1).map((at, index) => at - (sentAt[index] ?? 0));
    assert.ok(sentAt.length <= 9, `${sentAt.length} messages`);
    assert.ok(gaps.every((gap) => gap >= 28), `gaps ${gaps.map((gap) => gap.toFixed(0)).join(', ')}`);
  });

  it('flushes at once on demand and then stays quiet', async () => {
    const emitted: Delta[] = [];
    const batcher = new DeltaBatcher((d) => emitted.push(d), 5);
    batcher.addContent('a');
    batcher.addContent('b');
    batcher.flush();
    batcher.flush();
    await pause(20);
    assert.deepEqual(emitted, [{ content: 'a' }, { content: 'b' }]);
  });
});
