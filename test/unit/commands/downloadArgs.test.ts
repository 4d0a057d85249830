import * as assert from 'node:assert/strict';
import { formatForPath, parseRange, readDownloadArgs } from '../../../src/commands/downloadArgs';

describe('the download command\'s arguments', () => {
  it('takes an issue identity, with the dialogs\' answers when a target path is given', () => {
    assert.deepEqual(readDownloadArgs({ org: 'shop', issueId: '42' }), { ref: { org: 'shop', issueId: '42' } });
    assert.deepEqual(readDownloadArgs({ org: 'shop', issueId: '42', targetPath: '/tmp/e.json', environment: ' production ' }), {
      ref: { org: 'shop', issueId: '42' },
      choices: { targetPath: '/tmp/e.json', format: 'json', range: undefined, environment: 'production', openWhenDone: false },
    });
    assert.equal(readDownloadArgs({ org: 'o', issueId: '1', targetPath: '/tmp/e', openWhenDone: true })?.choices?.openWhenDone, true);
    assert.equal(readDownloadArgs({ org: 'o', issueId: '1', targetPath: '/tmp/e', openWhenDone: 'yes' })?.choices?.openWhenDone, false, 'only true');
    const ranged = readDownloadArgs({ org: 'o', issueId: '1', targetPath: '/tmp/e', format: 'ndjson', start: '2026-01-01', end: '2026-01-02T12:00:00Z' });
    assert.equal(ranged?.choices?.range?.start.toISOString(), '2026-01-01T00:00:00.000Z');
    assert.equal(ranged?.choices?.range?.end.toISOString(), '2026-01-02T12:00:00.000Z');
  });

  it('ignores anything else, and refuses a range it cannot read', () => {
    for (const value of [undefined, null, 'shop/42', 42, {}, { org: 'shop' }, { org: '', issueId: '1' }, { org: 1, issueId: 2 }]) assert.equal(readDownloadArgs(value), undefined);
    assert.throws(() => readDownloadArgs({ org: 'o', issueId: '1', targetPath: '/t', start: '2026-01-02' }), /needs a start and an end/);
    assert.throws(() => readDownloadArgs({ org: 'o', issueId: '1', targetPath: '/t', start: '2026-01-02', end: '2026-01-01' }), /the start first/);
  });

  it('reads the format from the file name and dates in UTC', () => {
    assert.equal(formatForPath('/x/a.JSON'), 'json');
    assert.equal(formatForPath('/x/a.ndjson'), 'ndjson');
    assert.equal(formatForPath('/x/a.jsonl'), 'ndjson');
    assert.equal(parseRange('2026-01-01 08:00', '2026-01-01T09:30')?.end.toISOString(), '2026-01-01T09:30:00.000Z');
    assert.equal(parseRange('yesterday', 'today'), undefined);
    assert.equal(parseRange('2026-01-01', '2026-01-01'), undefined);
  });
});
