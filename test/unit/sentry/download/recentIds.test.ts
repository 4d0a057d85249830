import * as assert from 'node:assert/strict';
import { RecentIds } from '../../../../src/sentry/download/recentIds';

describe('RecentIds (issue 10: repeats dropped with bounded memory)', () => {
  it('knows an id again while it is among the last `capacity` remembered', () => {
    const recent = new RecentIds(3);
    assert.deepEqual(['a', 'b', 'c'].map((id) => recent.seen(id)), [false, false, false]);
    assert.equal(recent.seen('a'), true);
    assert.equal(recent.seen('c'), true);
  });

  it('forgets the oldest once more than `capacity` are remembered, and a repeat does not count as new', () => {
    const recent = new RecentIds(3);
    for (const id of ['a', 'b', 'c', 'b', 'd']) recent.seen(id);
    // Remembered now: b, c, d (the repeat of b took no place); a was forgotten.
    assert.equal(recent.seen('b'), true);
    assert.equal(recent.seen('c'), true);
    assert.equal(recent.seen('d'), true);
    assert.equal(recent.seen('a'), false, 'forgotten, so new again');
    assert.equal(recent.seen('b'), false, 'a took the oldest place, b');
  });

  it('keeps working across many turns of its ring', () => {
    const recent = new RecentIds(100);
    for (let i = 0; i < 10_000; i++) assert.equal(recent.seen(`id${i}`), false);
    for (let i = 9_900; i < 10_000; i++) assert.equal(recent.seen(`id${i}`), true, `id${i} is among the last 100`);
    assert.equal(recent.seen('id9899'), false, 'the one before them was forgotten');
  });
});

describe('RecentIds against a plain list of the last ids', () => {
  it('answers as the list does over a long mix of new ids, recent repeats and forgotten ones', () => {
    const capacity = 50;
    const recent = new RecentIds(capacity);
    const list: string[] = [];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 20_000; i++) {
      // Ids from a pool a little larger than the capacity, so that repeats, forgotten ids and new ones all come often.
      const id = `event-${Math.floor(random() * capacity * 1.5)}`;
      const expected = list.includes(id);
      assert.equal(recent.seen(id), expected, `step ${i}: ${id}`);
      if (!expected) {
        list.push(id);
        if (list.length > capacity) list.shift();
      }
    }
  });
});
