import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { DEFAULT_TUNING } from '../../../../src/sentry/download/downloadIssueEvents';
import { DownloadFileError } from '../../../../src/sentry/download/eventFileWriter';
import { downloadSpan, isoTime } from '../../../../src/sentry/download/timeWindows';
import { REALISTIC } from '../../../server/realisticData';
import { REALISTIC_NOW } from '../../../server/realism';
import { SentryTestServer, startSentryTestServer } from '../../../server/sentryTestServer';
import { DATA, download, idsOf, readNdjson, recordOf, Scratch, servedEvents } from './downloadHelpers';

const I = REALISTIC.issues;
const DAY_MS = 24 * 3600 * 1000;

describe('downloadIssueEvents over HTTP against the realistic server (issue 10)', function () {
  this.timeout(30_000);
  let server: SentryTestServer;
  let scratch: Scratch;

  before(async () => {
    server = await startSentryTestServer({ realistic: { latencyMs: 2, rateLimit: 1000, concurrentLimit: 10 } });
  });
  after(() => server.close());
  beforeEach(() => {
    server.reset();
    scratch = new Scratch();
  });
  afterEach(() => scratch.remove());

  const eventRequests = () => server.requests.filter((r) => r.path.endsWith('/events/'));

  it('pages many windows at once and writes a file equal, event for event, to the server\'s data', async () => {
    const target = scratch.path('events.ndjson');
    const summary = await download(server, I.olderThanWindow.id, target);
    assert.equal(summary.outcome, 'complete');
    const served = servedEvents(recordOf(DATA, I.olderThanWindow.id));
    assert.deepEqual(readNdjson(target), served);
    assert.equal(readFileSync(target, 'utf8'), served.map((event) => `${JSON.stringify(event)}\n`).join(''), 'each event the bytes the server sent');
    assert.equal(summary.written, I.olderThanWindow.events);
    assert.deepEqual(summary.missing, []);
    const windows = new Set(eventRequests().map((r) => `${r.query.start?.[0]}..${r.query.end?.[0]}`));
    assert.ok(windows.size >= 10, `${windows.size} windows`);
    assert.ok(eventRequests().length >= I.olderThanWindow.events / 10, 'ten events a page');
    for (const r of eventRequests()) {
      assert.deepEqual(r.query.full, ['true']);
      assert.equal(r.authorization, `Bearer ${REALISTIC.token}`);
    }
    assert.deepEqual(scratch.files(), ['events.ndjson'], 'no temporary file left');
  });

  it('gets every event of an issue older than the default 90-day window, which a plain list would miss', async () => {
    const target = scratch.path('old.ndjson');
    const summary = await download(server, I.olderThanWindow.id, target);
    const written = readNdjson(target);
    const horizon = Date.parse(REALISTIC_NOW) - 90 * DAY_MS;
    const older = written.filter((e) => Date.parse(String(e.dateCreated)) < horizon);
    assert.ok(older.length > 100, `${older.length} events older than 90 days`);
    assert.equal(summary.written, I.olderThanWindow.events);
    const plain = await fetch(`${server.url}/api/0/issues/${I.olderThanWindow.id}/events/?per_page=100&cursor=0:500:0`, {
      headers: { Authorization: `Bearer ${REALISTIC.token}` },
    });
    assert.deepEqual(await plain.json(), [], 'without a range the server stops at 90 days');
  });

  it('writes one JSON array when asked', async () => {
    const target = scratch.path('events.json');
    const summary = await download(server, I.pastRetention.id, target, { format: 'json' });
    assert.equal(summary.outcome, 'complete');
    assert.deepEqual(JSON.parse(readFileSync(target, 'utf8')), servedEvents(recordOf(DATA, I.pastRetention.id)));
  });

  it('says why events are missing when Sentry counts more than it still serves (retention)', async () => {
    const summary = await download(server, I.pastRetention.id, scratch.path('r.ndjson'));
    assert.equal(summary.written, I.pastRetention.events);
    assert.equal(summary.expected, I.pastRetention.count);
    assert.equal(summary.missing.length, 1);
    assert.match(summary.missing[0], /did not return 150 of the events it counts: most likely they are older than your Sentry keeps events/);
    assert.match(summary.missing[0], /the oldest event Sentry returned is from 20\d\d-/);
  });

  it('sends the date range and environment, and compares with Sentry\'s count for them', async () => {
    const target = scratch.path('staging.ndjson');
    const range = { start: new Date('2026-11-01T00:00:00Z'), end: new Date('2026-11-10T00:00:00Z') };
    const summary = await download(server, I.tenThousand.id, target, { range, environment: 'staging' });
    const written = readNdjson(target);
    assert.ok(written.length > 50, String(written.length));
    assert.equal(summary.rangeCount, written.length);
    assert.equal(summary.expected, written.length);
    for (const event of written) {
      const time = Date.parse(String(event.dateCreated));
      assert.ok(time >= range.start.getTime() && time < range.end.getTime(), String(event.dateCreated));
      assert.ok((event.tags as Array<{ key: string; value: string }>).some((t) => t.key === 'environment' && t.value === 'staging'));
    }
    assert.match(summary.missing.join(' '), new RegExp(`${written.length} of the issue's 10,000 events are in the range and environment asked for`));
    for (const r of eventRequests()) {
      assert.deepEqual(r.query.environment, ['staging']);
      assert.ok(Date.parse(r.query.start[0]) >= range.start.getTime() && Date.parse(r.query.end[0]) <= range.end.getTime());
    }
  });

  it('cancelled mid-way: stops sending, leaves no file at the target and no temporary file', async () => {
    const slow = await startSentryTestServer({ realistic: { latencyMs: 40 } });
    try {
      const controller = new AbortController();
      const target = scratch.path('cancel.ndjson');
      const summary = await download(slow, I.tenThousand.id, target, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.written >= 200) controller.abort();
        },
      });
      assert.equal(summary.outcome, 'cancelled');
      assert.ok(summary.written >= 200 && summary.written < 10_000, String(summary.written));
      assert.equal(existsSync(target), false);
      assert.deepEqual(scratch.files(), []);
      const sent = slow.requests.length;
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(slow.requests.length, sent, 'no request after the cancel');
    } finally {
      await slow.close();
    }
  });

  it('cancelled while later windows wait on disk: their files go too', async () => {
    const controller = new AbortController();
    const target = scratch.path('waiting.ndjson');
    // The newest window's pages after its first (the only requests with a cursor that end where the
    // issue's span ends) are held back, so every later window's events must wait.
    const { firstSeen, lastSeen } = recordOf(DATA, I.olderThanWindow.id).issue;
    const span = downloadSpan({ count: I.olderThanWindow.events, firstSeen, lastSeen }, undefined, DEFAULT_TUNING.marginMs);
    assert.ok(span);
    server.inject({ match: `end=${encodeURIComponent(isoTime(span.endMs))}&cursor=`, delayMs: 5_000, times: Infinity });
    const waitingFiles = () => scratch.files().filter((name) => /\.part\.\d+$/.test(name));
    const watch = setInterval(() => {
      if (waitingFiles().length >= 3) controller.abort();
    }, 10);
    try {
      const summary = await download(server, I.olderThanWindow.id, target, { signal: controller.signal });
      assert.equal(summary.outcome, 'cancelled');
      assert.ok(summary.written <= 10, `only the newest window's first page was written, not ${summary.written} events`);
    } finally {
      clearInterval(watch);
    }
    assert.deepEqual(scratch.files(), []);
  });

  it('a waiting window that cannot be kept on disk stops the download with the reason and leaves no file of its own', async () => {
    const target = scratch.path('blocked.ndjson');
    let planted: string[] = [];
    const attempt = download(server, I.olderThanWindow.id, target, {
      onProgress: () => {
        if (planted.length > 0) return;
        // Later windows keep their events in files named after the temporary file; folders in their place make those fail.
        const temp = readdirSync(scratch.dir).find((name) => name.endsWith('.part'));
        assert.ok(temp, 'the temporary file is there while the download runs');
        const taken = new Set(readdirSync(scratch.dir));
        planted = Array.from({ length: 200 }, (_, i) => `${temp}.${i + 1}`).filter((name) => !taken.has(name));
        for (const name of planted) mkdirSync(scratch.path(name));
      },
    });
    await assert.rejects(attempt, (error: unknown) => error instanceof DownloadFileError && /could not keep waiting events in .*EEXIST/.test(error.message));
    assert.equal(existsSync(target), false);
    assert.deepEqual(scratch.files(), planted.slice().sort(), 'no temporary file and no waiting events left behind');
  });

  it('waits out a 429 that carries only the reset header, in the middle, and still writes every event once', async () => {
    const target = scratch.path('limited.ndjson');
    let injected = false;
    const started = Date.now();
    const summary = await download(server, I.olderThanWindow.id, target, {
      onProgress: (p) => {
        if (!injected && p.written >= 100) {
          injected = true;
          server.inject({ match: '/events/', rateLimit: { resetInSeconds: 1 } });
        }
      },
    });
    assert.ok(injected);
    assert.equal(summary.outcome, 'complete');
    assert.deepEqual(readNdjson(target), servedEvents(recordOf(DATA, I.olderThanWindow.id)));
    assert.ok(Date.now() - started >= 900, 'waited for the reset');
  });

  it('retries a page after a 500 and recovers', async () => {
    const target = scratch.path('retry.ndjson');
    let injected = false;
    const summary = await download(server, I.olderThanWindow.id, target, {
      onProgress: (p) => {
        if (!injected && p.written >= 100) {
          injected = true;
          server.inject({ match: '/events/', status: 500, times: 2 });
        }
      },
    });
    assert.equal(summary.outcome, 'complete');
    assert.equal(summary.retries, 2);
    assert.deepEqual(readNdjson(target), servedEvents(recordOf(DATA, I.olderThanWindow.id)));
  });

  it('stops after bounded retries of a failing server, keeping the events so far as <name>.partial.ndjson and saying how far it got', async () => {
    const target = scratch.path('events.ndjson');
    let injected = false;
    const summary = await download(server, I.olderThanWindow.id, target, {
      onProgress: (p) => {
        if (!injected && p.written >= 150) {
          injected = true;
          server.inject({ match: '/events/', status: 503, times: Infinity });
        }
      },
    });
    assert.equal(summary.outcome, 'partial');
    assert.equal(summary.file, scratch.path('events.partial.ndjson'));
    assert.deepEqual(scratch.files(), ['events.partial.ndjson'], 'nothing at the target, no temporary file');
    assert.match(summary.stopReason ?? '', /internal error \(503\)/);
    const kept = readNdjson(summary.file ?? '');
    assert.equal(kept.length, summary.written);
    assert.ok(kept.length >= 150 && kept.length < I.olderThanWindow.events);
    const served = new Map(servedEvents(recordOf(DATA, I.olderThanWindow.id)).map((e) => [String(e.eventID), e]));
    for (const event of kept) assert.deepEqual(event, served.get(String(event.eventID)));
    assert.equal(new Set(idsOf(kept)).size, kept.length, 'no repeats');
    assert.ok(summary.completeBackTo, 'says back to when the file is complete');
    const failed = server.requests.filter((r) => r.path.endsWith('/events/')).length;
    assert.ok(summary.retries >= 3 && failed < 200, `${summary.retries} retries, ${failed} requests`);
  });

  it('does not follow a next link to another origin, ends that window there, and says so', async () => {
    const target = scratch.path('foreign.ndjson');
    // The first second page of a window (a request with a cursor) links on to another origin: the
    // windows are about 50 events, so more pages follow it. Set before the run, not from its progress,
    // which may come after the last request has gone.
    server.inject({ match: 'cursor=', linkOrigin: 'http://evil.example.test' });
    const summary = await download(server, I.olderThanWindow.id, target);
    assert.equal(summary.outcome, 'complete');
    const foreign = summary.windows.filter((w) => w.state === 'foreignLink');
    assert.equal(foreign.length, 1);
    assert.equal(foreign[0].detail, 'http://evil.example.test');
    assert.ok(summary.written < I.olderThanWindow.events);
    assert.match(summary.missing.join(' '), /pointed to http:\/\/evil\.example\.test, not to your Sentry\. It was not followed/);
    for (const r of server.requests) assert.equal(r.host, new URL(server.url).host);
    assert.equal(new Set(idsOf(readNdjson(target))).size, summary.written);
  });
});
