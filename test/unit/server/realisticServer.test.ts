import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { DEMO, demoServerData } from '../../fixtures/demo';
import { REALISTIC, realisticServerData } from '../../server/realisticData';
import { generatedEvents } from '../../server/realisticEvents';
import { REALISTIC_NOW } from '../../server/realism';
import { SentryTestServer, startSentryTestServer } from '../../server/sentryTestServer';

const ROOT = join(__dirname, '..', '..', '..', '..');
const ORG = REALISTIC.organization.slug;
const I = REALISTIC.issues;
const DAY_MS = 24 * 3600 * 1000;

async function get(server: SentryTestServer, path: string): Promise<Response> {
  return fetch(server.url + path, { headers: { Authorization: `Bearer ${REALISTIC.token}` } });
}

async function events(server: SentryTestServer, path: string): Promise<Array<{ eventID: string; dateCreated: string; size: number; tags: Array<{ key: string; value: string }> }>> {
  const response = await get(server, path);
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()) as Array<{ eventID: string; dateCreated: string; size: number; tags: Array<{ key: string; value: string }> }>;
}

/** Every event of an issue the server lists for one query, following the cursor. */
async function allEvents(server: SentryTestServer, path: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor = '';
  for (let page = 0; page < 1000; page++) {
    const response = await get(server, `${path}${path.includes('?') ? '&' : '?'}cursor=${cursor}`);
    assert.equal(response.status, 200);
    ids.push(...((await response.json()) as Array<{ eventID: string }>).map((e) => e.eventID));
    const next = /<[^>]*>; rel="next"; results="(true|false)"; cursor="([^"]*)"/.exec(response.headers.get('link') ?? '');
    if (!next || next[1] === 'false') return ids;
    cursor = next[2];
  }
  assert.fail('no end');
}

describe('Sentry test server, realistic mode (like sentry.io, for the download benchmark)', () => {
  let server: SentryTestServer;

  before(async () => {
    server = await startSentryTestServer({ realistic: { latencyMs: 0 } });
  });
  after(() => server.close());
  beforeEach(() => server.reset());

  it('serves 10 full events a page whatever per_page asks, 100 summaries without full', async () => {
    const base = `/api/0/organizations/${ORG}/issues/${I.tenThousand.id}/events/`;
    assert.equal((await events(server, `${base}?full=true&per_page=100`)).length, 10);
    assert.equal((await events(server, `${base}?per_page=100`)).length, 100);
  });

  it('generates events of 5 to 50 KB, the same on every request', async () => {
    const first = await (await get(server, `/api/0/organizations/${ORG}/issues/${I.tenThousand.id}/events/?full=true`)).text();
    const again = await (await get(server, `/api/0/organizations/${ORG}/issues/${I.tenThousand.id}/events/?full=true`)).text();
    assert.equal(first, again);
    const source = generatedEvents({ issueId: 'x', projectId: 'y', count: 2000, seed: 5, timeAt: (i) => Date.parse(REALISTIC_NOW) - i * 1000 });
    const sizes = Array.from({ length: 2000 }, (_, i) => JSON.stringify(source.at(i)).length);
    assert.ok(Math.min(...sizes) >= 5 * 1024, String(Math.min(...sizes)));
    assert.ok(Math.max(...sizes) <= 51 * 1024, String(Math.max(...sizes)));
    assert.ok(Math.max(...sizes) > 40 * 1024 && Math.min(...sizes) < 8 * 1024, 'spread over the range');
    assert.equal(source.indexOf(source.at(1234).eventID), 1234);
  });

  it('lists only the last 90 days (before the data set\'s "now") without a range, as Sentry does', async () => {
    const ids = await allEvents(server, `/api/0/issues/${I.olderThanWindow.id}/events/?per_page=100`);
    const source = realisticServerData().organizations[0].projects[0].issues.find((r) => r.issue.id === I.olderThanWindow.id)!.events;
    assert.ok(!Array.isArray(source));
    const horizon = Date.parse(REALISTIC_NOW) - 90 * DAY_MS;
    const expected = Array.from({ length: source.length }, (_, i) => source.at(i)).filter((e) => Date.parse(e.dateCreated) >= horizon);
    assert.ok(expected.length < source.length && expected.length > 0);
    assert.deepEqual(ids, expected.map((e) => e.eventID));
  });

  it('filters by start (inclusive) and end (exclusive), and answers a half range or a reversed one with 400', async () => {
    const base = `/api/0/organizations/${ORG}/issues/${I.pastRetention.id}/events/?per_page=100`;
    const all = await allEvents(server, `${base}&start=2026-01-01T00:00:00&end=2026-12-01T00:00:00Z`);
    assert.equal(all.length, I.pastRetention.events);
    const newest = await events(server, `${base}&full=true`);
    const t = newest[3].dateCreated;
    const upTo = await allEvents(server, `${base}&start=2026-01-01&end=${encodeURIComponent(t)}`);
    const from = await allEvents(server, `${base}&start=${encodeURIComponent(t)}&end=2026-12-01`);
    assert.equal(upTo.length + from.length, all.length);
    assert.deepEqual([...from, ...upTo], all);
    assert.equal(from[from.length - 1], newest[3].eventID, 'the event at `start` is included, at `end` not');
    assert.equal((await get(server, `${base}&start=2026-01-01`)).status, 400);
    assert.equal((await get(server, `${base}&start=2026-02-01&end=2026-01-01`)).status, 400);
    assert.equal((await get(server, `${base}&start=yesterday&end=2026-01-01`)).status, 400);
  });

  it('filters by environment and counts an issue in a range through the issue list (`group`)', async () => {
    const range = 'start=2026-11-01T00:00:00Z&end=2026-11-10T00:00:00Z';
    const staging = await allEvents(server, `/api/0/organizations/${ORG}/issues/${I.tenThousand.id}/events/?per_page=100&environment=staging&${range}`);
    const answer = await get(server, `/api/0/organizations/${ORG}/issues/?group=${I.tenThousand.id}&environment=staging&${range}`);
    const [issue] = (await answer.json()) as Array<{ id: string; count: string }>;
    assert.equal(issue.id, I.tenThousand.id);
    assert.equal(Number(issue.count), staging.length);
    assert.ok(staging.length > 50 && staging.length < 600, String(staging.length));
    const lifetime = (await (await get(server, `/api/0/organizations/${ORG}/issues/?group=${I.tenThousand.id}`)).json()) as Array<{ count: string }>;
    assert.equal(lifetime[0].count, '10000');
  });

  it('refuses with a real 429 a caller that goes over the window limit or the concurrency limit, and counts it', async () => {
    const strict = await startSentryTestServer({ realistic: { latencyMs: 50, rateLimit: 5, rateLimitWindowSeconds: 60, concurrentLimit: 3 } });
    try {
      // Not at the end of a minute, so that all the requests below fall in one window.
      if (Date.now() % 60_000 > 57_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - (Date.now() % 60_000)));
      const path = `/api/0/organizations/${ORG}/issues/${I.pastRetention.id}/events/?full=true`;
      const answers = await Promise.all(Array.from({ length: 4 }, () => get(strict, path)));
      assert.deepEqual(answers.map((a) => a.status).sort(), [200, 200, 200, 429]);
      const refused = answers.find((a) => a.status === 429)!;
      assert.match(await refused.text(), /concurrency/);
      assert.equal(refused.headers.get('retry-after'), null);
      const ok = answers.find((a) => a.status === 200)!;
      assert.equal(ok.headers.get('x-sentry-rate-limit-concurrentlimit'), '3');
      assert.equal(ok.headers.get('x-sentry-rate-limit-limit'), '5');
      assert.ok(Number(ok.headers.get('x-sentry-rate-limit-reset')) * 1000 > Date.now());
      assert.equal(strict.rateLimited, 1);
      // One at a time now: the window's 5 (the refused one counted) are used up after one more.
      const more = [];
      for (let i = 0; i < 3; i++) more.push((await get(strict, path)).status);
      assert.deepEqual(more, [200, 429, 429]);
      assert.equal(strict.rateLimited, 3);
    } finally {
      await strict.close();
    }
  });

  it('every demo issue lists its events newest first, which the range filter\'s binary search relies on', () => {
    for (const organization of demoServerData().organizations) {
      for (const project of organization.projects) {
        for (const record of project.issues) {
          const events = record.events;
          const times = Array.from({ length: events.length }, (_, i) => Date.parse((Array.isArray(events) ? events[i] : events.at(i)).dateCreated));
          assert.ok(times.every((t, i) => i === 0 || t <= times[i - 1]), record.issue.shortId);
        }
      }
    }
  });

  it('keeps the demo data and its behaviour when not asked for', async () => {
    const demo = await startSentryTestServer();
    try {
      assert.equal(demo.rateLimited, 0);
      const answer = await fetch(`${demo.url}/api/0/issues/${DEMO.issues.redisBulk.id}/events/?full=true`, { headers: { Authorization: 'Bearer demo-token' } });
      assert.equal(((await answer.json()) as unknown[]).length, 100);
    } finally {
      await demo.close();
    }
  });

  it('starts from the command line with --realistic and reports its 429 count', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'out', 'test', 'server', 'main.js'), '--realistic', '--latency-ms', '0', '--rate-limit', '2'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
      const { url } = JSON.parse(line) as { url: string };
      const path = `${url}/api/0/organizations/${ORG}/issues/${I.pastRetention.id}/`;
      const statuses = [];
      // Six, not four: the windows are whole seconds, and four quick requests could fall two on each side of a
      // boundary and all pass. Six can span two windows at most (they take milliseconds), so at least two are refused.
      for (let i = 0; i < 6; i++) statuses.push((await fetch(path, { headers: { Authorization: 'Bearer demo-token' } })).status);
      const stats = (await (await fetch(`${url}/__control/stats`)).json()) as { rateLimited: number; requests: number };
      assert.equal(stats.requests, 6);
      assert.equal(stats.rateLimited, statuses.filter((s) => s === 429).length);
      assert.ok(stats.rateLimited >= 1, statuses.join());
    } finally {
      child.kill('SIGTERM');
    }
  });
});
