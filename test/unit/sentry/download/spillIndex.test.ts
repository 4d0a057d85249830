import * as assert from 'node:assert/strict';
import { SpilledEvent, SpillIndex } from '../../../../src/sentry/download/spillIndex';

describe('SpillIndex (issue 10: what is kept in memory of a waiting event)', () => {
  it('gives back every size, id and time in order, absent ones absent, through many times its first size', () => {
    const index = new SpillIndex();
    const added: SpilledEvent[] = [
      { size: 2 },
      { size: 64 * 1024 * 1024, id: 'ab'.repeat(16), time: '2026-11-30T23:59:59.123456Z' },
      { size: 17, id: '', time: undefined },
      { size: 5, id: 'événement-🐛', time: '2026-11-30T00:00:00Z' },
      ...Array.from({ length: 5_000 }, (_, i) => ({ size: 1_000 + i, id: `${i}`.padStart(32, '0'), time: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00Z` })),
    ];
    for (const event of added) index.add(event);
    assert.equal(index.count, added.length);
    const expected = added.map(({ size, id, time }) => ({ size, id, time }));
    assert.deepEqual([...index.entries()], expected);
    assert.deepEqual([...index.entries()], expected, 'read twice, the same');
  });

  it('is empty once cleared, and takes events again', () => {
    const index = new SpillIndex();
    index.add({ size: 3, id: 'a' });
    index.clear();
    assert.equal(index.count, 0);
    assert.deepEqual([...index.entries()], []);
    index.add({ size: 4, id: 'b', time: 't' });
    assert.deepEqual([...index.entries()], [{ size: 4, id: 'b', time: 't' }]);
  });
});
