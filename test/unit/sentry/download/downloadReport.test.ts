import * as assert from 'node:assert/strict';
import { describeOutcome, describeProgress, duration } from '../../../../src/sentry/download/downloadReport';
import type { DownloadSummary } from '../../../../src/sentry/download/downloadTypes';
import { partialPathOf } from '../../../../src/sentry/download/eventFileWriter';
import { explainMissing } from '../../../../src/sentry/download/missingEvents';

function summary(overrides: Partial<DownloadSummary>): DownloadSummary {
  return {
    outcome: 'complete',
    file: '/tmp/x/SHOP-1-events.ndjson',
    format: 'ndjson',
    written: 10_000,
    issueCount: 10_000,
    expected: 10_000,
    duplicatesDropped: 0,
    requests: 1000,
    retries: 0,
    rateLimitPauses: 0,
    peakConcurrency: 8,
    elapsedMs: 12_400,
    windows: [],
    missing: [],
    ...overrides,
  };
}

describe('what a download tells the user', () => {
  it('shows events written, the total, the rate and the time left', () => {
    assert.equal(describeProgress({ written: 1230, total: 10_000, eventsPerSecond: 410.4, secondsLeft: 21.4, requests: 123 }), '1,230 of 10,000 events · 410/s · about 21 s left');
    assert.equal(describeProgress({ written: 0, total: 500, eventsPerSecond: 0, requests: 1 }), '0 of 500 events');
    assert.equal(duration(7200 + 300), '2 h 5 min');
    assert.equal(duration(3900), '65 min');
  });

  it('a complete download: all events, or the count against the issue\'s and why some are missing', () => {
    assert.deepEqual(describeOutcome(summary({}), 'SHOP-1'), { severity: 'info', text: 'Saved all 10,000 events of SHOP-1 to SHOP-1-events.ndjson (12 s).', file: '/tmp/x/SHOP-1-events.ndjson' });
    const short = describeOutcome(summary({ written: 500, expected: 650, issueCount: 650, missing: ['Sentry did not return 150 of the events it counts.'] }), 'SHOP-4');
    assert.equal(short.severity, 'warning');
    assert.equal(short.text, 'Saved 500 of 650 events of SHOP-4 to SHOP-1-events.ndjson (12 s). Sentry did not return 150 of the events it counts.');
  });

  it('a stopped download names the partial file, why it stopped and how far it is complete; a cancelled one says nothing was written', () => {
    const stopped = describeOutcome(
      summary({ outcome: 'partial', written: 4210, file: '/tmp/x/e.partial.ndjson', stopReason: 'h had an internal error (503). Try again later.', completeBackTo: '2026-10-30T08:00:00Z' }),
      'SHOP-1',
    );
    assert.equal(stopped.severity, 'warning');
    assert.equal(
      stopped.text,
      'The download of SHOP-1 stopped after 4,210 of 10,000 events: h had an internal error (503). Try again later. The events so far are in e.partial.ndjson, every event back to 2026-10-30T08:00:00Z.',
    );
    assert.deepEqual(describeOutcome(summary({ outcome: 'cancelled', written: 200, file: undefined }), 'SHOP-1'), {
      severity: 'info',
      text: 'Download of SHOP-1 cancelled after 200 events; no file was written.',
    });
  });

  it('names the partial file beside the target', () => {
    assert.equal(partialPathOf('/a/b/events.ndjson', 'ndjson'), '/a/b/events.partial.ndjson');
    assert.equal(partialPathOf('/a/b/events.json', 'json'), '/a/b/events.partial.json');
    assert.equal(partialPathOf('/a/b/events', 'ndjson'), '/a/b/events.partial.ndjson');
  });

  it('explains refused windows, and does not blame retention for events outside the asked range', () => {
    const windows = [
      { start: '2026-02-01T00:00:00.000Z', end: '2026-03-01T00:00:00.000Z', state: 'refused' as const, events: 0, detail: 'Invalid date range' },
      { start: '2026-01-01T00:00:00.000Z', end: '2026-02-01T00:00:00.000Z', state: 'refused' as const, events: 0, detail: 'Invalid date range' },
    ];
    const reasons = explainMissing({ outcome: 'complete', written: 10, issueCount: 100, expected: 100, windows, rangeAsked: false });
    assert.deepEqual(reasons, ['Sentry refused the events from 2026-01-01T00:00:00.000Z to 2026-03-01T00:00:00.000Z (2 time windows): "Invalid date range".']);
    const ranged = explainMissing({ outcome: 'complete', written: 10, issueCount: 100, expected: 100, windows: [], rangeAsked: true });
    assert.deepEqual(ranged, ["The issue has 100 events in all; Sentry did not say how many are in the range and environment asked for."]);
    const more = explainMissing({ outcome: 'complete', written: 105, issueCount: 100, expected: 100, windows: [], rangeAsked: false });
    assert.deepEqual(more, ['5 more events than counted at the start: new events arrived while downloading.']);
  });
});
