import * as assert from 'node:assert/strict';
import { generatedIssue, realisticServerData } from '../../../server/realisticData';
import { REALISTIC_NOW } from '../../../server/realism';
import { startSentryTestServer } from '../../../server/sentryTestServer';
import { download, idsOf, readNdjson, recordOf, Scratch, servedEvents } from './downloadHelpers';

const ISSUE_ID = '9200000088';
const SPREAD = 600;
const BURST = 2400;
const DAY_MS = 24 * 3600 * 1000;

const NEWEST = Date.parse(REALISTIC_NOW) - 3600_000;
const BURST_END = Math.floor((NEWEST - 12 * DAY_MS) / 1000) * 1000;
const BURST_START = BURST_END - BURST / 4 * 1000;

/** 600 events over 30 days, and 2,400 more within ten minutes of day 12 (a deploy gone wrong). */
function burstTimes(): number[] {
  const times: number[] = [];
  for (let i = 0; i < SPREAD; i++) times.push(NEWEST - Math.floor((i * 30 * DAY_MS) / SPREAD / 1000) * 1000);
  for (let i = 0; i < BURST; i++) times.push(BURST_END - Math.floor(i / 4) * 1000);
  return times.sort((a, b) => b - a);
}

describe('downloadIssueEvents with a burst of events (issue 10)', function () {
  this.timeout(60_000);
  const times = burstTimes();
  const data = realisticServerData([generatedIssue({ id: ISSUE_ID, shortId: 'SHOP-API-88', count: SPREAD + BURST, seed: 88, timeAt: (i) => times[i] })]);
  let scratch: Scratch;
  beforeEach(() => (scratch = new Scratch()));
  afterEach(() => scratch.remove());

  it('splits the window that holds the burst and pages its parts at once, writing every event once in order', async () => {
    const server = await startSentryTestServer({ data, realistic: { latencyMs: 20, rateLimit: 1000 } });
    try {
      const target = scratch.path('burst.ndjson');
      const summary = await download(server, ISSUE_ID, target);
      assert.equal(summary.outcome, 'complete');
      assert.deepEqual(idsOf(readNdjson(target)), idsOf(servedEvents(recordOf(data, ISSUE_ID))));
      const initialWindows = Math.ceil((SPREAD + BURST) / 50);
      assert.ok(summary.windows.length > initialWindows, `${summary.windows.length} windows: the burst's was split`);
      const burstRequests = server.requests.filter((r) => {
        const start = Date.parse(r.query.start?.[0] ?? '');
        const end = Date.parse(r.query.end?.[0] ?? '');
        return r.path.endsWith('/events/') && start <= BURST_END && end > BURST_START && end - start < 3600_000;
      });
      const burstWindows = new Set(burstRequests.map((r) => r.query.start[0]));
      assert.ok(burstWindows.size >= 10, `the burst was fetched in ${burstWindows.size} windows`);
      assert.ok(summary.requests < 2 * ((SPREAD + BURST) / 10), `${summary.requests} requests for ${SPREAD + BURST} events at 10 a page`);
      console.log(`      (${summary.windows.length} windows, ${summary.requests} requests, ${summary.elapsedMs} ms, ${summary.duplicatesDropped} repeats dropped)`);
    } finally {
      await server.close();
    }
  });
});
