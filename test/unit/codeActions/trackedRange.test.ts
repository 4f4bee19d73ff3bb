import * as assert from 'node:assert/strict';
import { rangeDrift, TrackedRange } from '../../../src/core/codeActions/trackedRange';

describe('tracked range', () => {
  it('moves with edits before it and ignores edits after it', () => {
    const range = new TrackedRange(10, 20);
    range.apply({ offset: 2, length: 0, insertedLength: 5 });
    assert.deepEqual([range.start, range.end, range.touched], [15, 25, false]);
    range.apply({ offset: 0, length: 4, insertedLength: 0 });
    assert.deepEqual([range.start, range.end, range.touched], [11, 21, false]);
    range.apply({ offset: 30, length: 3, insertedLength: 9 });
    assert.deepEqual([range.start, range.end, range.touched], [11, 21, false]);
    range.apply({ offset: 21, length: 0, insertedLength: 1 });
    assert.equal(range.touched, false, 'typing right after the range does not touch it');
  });

  it('notices an edit inside or overlapping it', () => {
    const inside = new TrackedRange(10, 20);
    inside.apply({ offset: 15, length: 1, insertedLength: 1 });
    assert.equal(inside.touched, true);
    const overlap = new TrackedRange(10, 20);
    overlap.apply({ offset: 5, length: 6, insertedLength: 0 });
    assert.equal(overlap.touched, true);
    const whole = new TrackedRange(10, 20);
    whole.apply({ offset: 0, length: 100, insertedLength: 3 });
    assert.equal(whole.touched, true);
  });

  it('an insertion exactly at the start moves a non-empty range', () => {
    const range = new TrackedRange(10, 20);
    range.apply({ offset: 10, length: 0, insertedLength: 2 });
    assert.deepEqual([range.start, range.end, range.touched], [12, 22, false]);
  });

  it('decides whether Apply may write', () => {
    const base = { originalVersion: 3, originalText: 'abc', touched: false };
    assert.equal(rangeDrift({ ...base, currentVersion: 3, currentText: 'abc' }), 'unchanged');
    assert.equal(rangeDrift({ ...base, currentVersion: 7, currentText: 'abc' }), 'movedButIntact');
    assert.equal(rangeDrift({ ...base, currentVersion: 7, currentText: 'abX' }), 'edited');
    assert.equal(rangeDrift({ ...base, currentVersion: 7, currentText: 'abc', touched: true }), 'edited', 'typed and typed back still counts as edited');
  });
});
