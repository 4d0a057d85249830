import * as assert from 'node:assert/strict';
import { downloadSpan, isoTime, splitIntoWindows } from '../../../../src/sentry/download/timeWindows';

describe('time windows for a download', () => {
  const issue = { firstSeen: '2026-01-01T00:00:00.250Z', lastSeen: '2026-03-01T12:30:00.900Z', count: 1000 };

  it('spans first seen to last seen, widened by the margin, on whole seconds, the end past the last event', () => {
    const span = downloadSpan(issue, undefined, 60_000);
    assert.ok(span);
    assert.equal(isoTime(span.startMs), '2025-12-31T23:59:00.000Z');
    assert.equal(isoTime(span.endMs), '2026-03-01T12:31:02.000Z');
  });

  it('is cut to the asked range, and empty when the range misses the issue', () => {
    const range = { start: new Date('2026-02-01T00:00:00Z'), end: new Date('2026-02-02T00:00:00Z') };
    assert.deepEqual(downloadSpan(issue, range, 60_000), { startMs: range.start.getTime(), endMs: range.end.getTime() });
    assert.equal(downloadSpan(issue, { start: new Date('2025-01-01'), end: new Date('2025-02-01') }, 60_000), undefined);
  });

  it('covers an issue that names no first or last seen from long ago to now', () => {
    const span = downloadSpan({ count: 5 }, undefined, 0, Date.parse('2026-05-05T00:00:00Z'));
    assert.ok(span && span.startMs <= Date.parse('2010-01-01') && span.endMs === Date.parse('2026-05-05T00:00:01Z'));
  });

  it('splits into windows newest first that touch without overlapping, sized by the expected events', () => {
    const span = { startMs: Date.parse('2026-01-01T00:00:00Z'), endMs: Date.parse('2026-01-11T00:00:00Z') };
    const windows = splitIntoWindows(span, 1000, 100, 50);
    assert.equal(windows.length, 10);
    assert.equal(windows[0].endMs, span.endMs);
    assert.equal(windows[windows.length - 1].startMs, span.startMs);
    for (let i = 1; i < windows.length; i++) assert.equal(windows[i].endMs, windows[i - 1].startMs);
    for (const w of windows) assert.equal(w.startMs % 1000, 0);
    assert.equal(splitIntoWindows(span, 1_000_000, 100, 50).length, 50, 'at most maxWindows');
    assert.equal(splitIntoWindows({ startMs: 0, endMs: 3000 }, 1000, 10, 50).length, 3, 'no window under a second');
    assert.equal(splitIntoWindows(span, 0, 100, 50).length, 1);
  });
});
