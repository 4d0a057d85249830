import * as assert from 'node:assert/strict';
import { DEFAULT_TUNING } from '../../../../src/sentry/download/downloadIssueEvents';
import { downloadSpan, splitIntoWindows } from '../../../../src/sentry/download/timeWindows';
import { generatedIssue, realisticServerData } from '../../../server/realisticData';
import { isoSeconds } from '../../../server/realisticEvents';
import { REALISTIC_NOW } from '../../../server/realism';
import { SentryTestServer, startSentryTestServer } from '../../../server/sentryTestServer';
import { download, idsOf, readNdjson, recordOf, Scratch, servedEvents } from './downloadHelpers';

const ISSUE_ID = '9200000077';
const EVENTS = 400;
const AT_EACH_BOUNDARY = 7;
const TUNING = { ...DEFAULT_TUNING, marginMs: 0, eventsPerWindow: 40, retryBaseMs: 20 };

/**
 * Event times (newest first) that put several events exactly on each boundary second between the
 * download's windows, and a few one second before it, the rest spread evenly.
 */
function boundaryHeavyTimes(): { times: number[]; boundaries: number[] } {
  const newest = Date.parse(REALISTIC_NOW) - 3600_000;
  const oldest = newest - 10 * 3600_000;
  const span = downloadSpan({ firstSeen: isoSeconds(oldest), lastSeen: isoSeconds(newest), count: EVENTS }, undefined, TUNING.marginMs);
  assert.ok(span);
  const windows = splitIntoWindows(span, EVENTS, TUNING.eventsPerWindow, TUNING.maxWindows);
  const boundaries = windows.slice(0, -1).map((w) => w.startMs);
  const times = [newest, oldest];
  for (const b of boundaries) {
    for (let k = 0; k < AT_EACH_BOUNDARY; k++) times.push(b);
    times.push(b - 1000, b - 1000, b + 1000);
  }
  const filler = EVENTS - times.length;
  for (let k = 0; k < filler; k++) times.push(Math.floor((oldest + ((k + 1) * (newest - oldest)) / (filler + 1)) / 1000) * 1000);
  times.sort((a, b) => b - a);
  return { times, boundaries };
}

describe('downloadIssueEvents at window boundaries (issue 10)', function () {
  this.timeout(30_000);
  const { times, boundaries } = boundaryHeavyTimes();
  const data = realisticServerData([generatedIssue({ id: ISSUE_ID, shortId: 'SHOP-API-77', count: EVENTS, seed: 77, timeAt: (i) => times[i] })]);
  const expected = servedEvents(recordOf(data, ISSUE_ID));
  let scratch: Scratch;

  beforeEach(() => (scratch = new Scratch()));
  afterEach(() => scratch.remove());

  it('the data really puts events on the boundaries', () => {
    assert.ok(boundaries.length >= 8, String(boundaries.length));
    const onBoundary = expected.filter((e) => boundaries.includes(Date.parse(String(e.dateCreated))));
    assert.equal(onBoundary.length, boundaries.length * AT_EACH_BOUNDARY);
  });

  for (const rangeEndInclusive of [false, true]) {
    const server = rangeEndInclusive ? 'a server whose ranges also include their end second' : 'Sentry\'s ranges (start included, end excluded)';
    it(`writes each event straddling a boundary once, none lost, in time order, with ${server}`, async () => {
      let running: SentryTestServer | undefined;
      try {
        running = await startSentryTestServer({ data, realistic: { latencyMs: 1, rateLimit: 1000, rangeEndInclusive } });
        const target = scratch.path('b.ndjson');
        const summary = await download(running, ISSUE_ID, target, { tuning: TUNING });
        assert.equal(summary.outcome, 'complete');
        assert.equal(summary.windows.length, boundaries.length + 1);
        const written = readNdjson(target);
        assert.deepEqual(idsOf(written), idsOf(expected));
        assert.deepEqual(written, expected);
        assert.equal(summary.duplicatesDropped, rangeEndInclusive ? boundaries.length * AT_EACH_BOUNDARY : 0);
        assert.deepEqual(summary.missing, []);
      } finally {
        await running?.close();
      }
    });
  }
});
