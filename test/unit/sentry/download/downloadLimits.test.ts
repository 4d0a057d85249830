import * as assert from 'node:assert/strict';
import { SentryClient } from '../../../../src/sentry/api/client';
import { REALISTIC } from '../../../server/realisticData';
import { startSentryTestServer } from '../../../server/sentryTestServer';
import { DATA, download, readNdjson, recordOf, Scratch, servedEvents } from './downloadHelpers';

const I = REALISTIC.issues;

describe('downloadIssueEvents within Sentry\'s advertised limits (issue 10)', function () {
  this.timeout(60_000);
  let scratch: Scratch;
  beforeEach(() => (scratch = new Scratch()));
  afterEach(() => scratch.remove());

  it('causes no 429 when the server advertises a small window and concurrency limit, pausing for the reset instead', async () => {
    const server = await startSentryTestServer({ realistic: { latencyMs: 20, rateLimit: 15, concurrentLimit: 3 } });
    try {
      const target = scratch.path('limited.ndjson');
      const started = Date.now();
      const summary = await download(server, I.olderThanWindow.id, target);
      assert.equal(summary.outcome, 'complete');
      assert.equal(server.rateLimited, 0, 'no 429 caused');
      assert.ok(summary.rateLimitPauses > 0, 'it paused for the window to reset');
      assert.equal(summary.peakConcurrency, 2, 'concurrency limit 3, one kept free');
      // 60 pages at 15 a second take at least 3 windows.
      assert.ok(Date.now() - started >= 3000, `${Date.now() - started} ms`);
      assert.deepEqual(readNdjson(target), servedEvents(recordOf(DATA, I.olderThanWindow.id)));
    } finally {
      await server.close();
    }
  });

  it('runs several requests at once as ConcurrentRemaining allows, never more than the limit', async () => {
    const server = await startSentryTestServer({ realistic: { latencyMs: 60, rateLimit: 1000, concurrentLimit: 4 } });
    try {
      const summary = await download(server, I.olderThanWindow.id, scratch.path('c.ndjson'));
      assert.equal(summary.outcome, 'complete');
      assert.equal(server.rateLimited, 0, 'never over the limit');
      assert.equal(summary.peakConcurrency, 3, 'the limit of 4 less one kept for the rest of the extension');
    } finally {
      await server.close();
    }
  });

  it('the client hands each page over with Sentry\'s rate-limit headers and the echoed cursor', async () => {
    const server = await startSentryTestServer();
    try {
      const client = new SentryClient({ baseUrl: server.url, token: REALISTIC.token });
      const page = await client.issueEventsPage('demo-org', '6400000003', { start: '2026-03-01T00:00:00Z', end: '2026-03-20T00:00:00Z' });
      assert.equal(page.rateLimit?.limit, 40, 'the demo server advertises its window');
      assert.equal(page.rateLimit?.concurrentRemaining, 24);
      assert.ok(page.items.length === 100 && page.nextCursor);
    } finally {
      await server.close();
    }
  });
});
