/**
 * The store bench's two windows, run small: two processes, each with a real ChatSession, add
 * their turns to one chat at once. It also guards the bench itself: its writer script must be
 * found from wherever the bench code is bundled (it was not, and `npm run bench` died).
 */
import * as assert from 'node:assert/strict';
import { runStoreBench } from '../../../bench/store/storeBench';

describe('Store bench: two windows writing one chat', function () {
  this.timeout(60_000);

  it('loses no message and sets no file aside with 3 questions per window', async () => {
    const result = await runStoreBench(3);
    assert.equal(result.lost, 0);
    assert.equal(result.corrupt, 0);
    assert.equal(result.messagesPerWindow, 6);
  });
});
