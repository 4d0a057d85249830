import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { createInterface } from 'node:readline';
import { gunzipSync, inflateSync } from 'node:zlib';

import { DEMO } from '../../fixtures/demo';
import { faultFromJson } from '../../server/faults';
import { SentryTestServer, startSentryTestServer } from '../../server/sentryTestServer';
import { ownFixture, sharedFixture, withSharedFixtures } from '../fixturePaths';

const ROOT = join(__dirname, '..', '..', '..', '..');
const ORG = DEMO.organizations.demo.slug;
const API = DEMO.projects.apiServer;

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function json(answer: Answer): Json {
  return JSON.parse(answer.text) as Json;
}

function list(answer: Answer): Array<Record<string, Json>> {
  const value = json(answer);
  assert.ok(Array.isArray(value), `expected a JSON list, got ${answer.text.slice(0, 200)}`);
  return value as Array<Record<string, Json>>;
}

function object(answer: Answer): Record<string, Json> {
  const value = json(answer);
  assert.ok(value !== null && typeof value === 'object' && !Array.isArray(value), answer.text.slice(0, 200));
  return value as Record<string, Json>;
}

interface LinkPart {
  url: string;
  rel: string;
  results: string;
  cursor: string;
}

function parseLink(header: string | null): Record<string, LinkPart> {
  assert.ok(header, 'Link header expected');
  const parts: Record<string, LinkPart> = {};
  for (const match of header.matchAll(/<([^>]*)>; rel="(\w+)"; results="(true|false)"; cursor="([^"]*)"/g)) {
    parts[match[2]] = { url: match[1], rel: match[2], results: match[3], cursor: match[4] };
  }
  assert.deepEqual(Object.keys(parts), ['previous', 'next'], header);
  return parts;
}

describe('Sentry test server', () => {
  let server: SentryTestServer;

  async function call(path: string, init: RequestInit & { token?: string | null } = {}): Promise<Answer> {
    const { token = DEMO.tokens.full, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (token !== null) headers.set('Authorization', `Bearer ${token}`);
    const response = await fetch(path.startsWith('http') ? path : server.url + path, { ...rest, headers });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  /** A GET that keeps what arrived when the connection closes or falls silent for `patienceMs`. */
  function rawGet(path: string, patienceMs = 5_000): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer; complete: boolean; gaveUp: boolean }> {
    return new Promise((resolve, reject) => {
      const req = request(server.url + path, { headers: { Authorization: `Bearer ${DEMO.tokens.full}` } }, (res) => {
        const chunks: Buffer[] = [];
        let gaveUp = false;
        const timer = setTimeout(() => {
          gaveUp = true;
          res.destroy();
        }, patienceMs);
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', () => undefined);
        res.on('close', () => {
          clearTimeout(timer);
          resolve({ headers: res.headers, body: Buffer.concat(chunks), complete: res.complete, gaveUp });
        });
      });
      req.on('error', reject);
      req.end();
    });
  }

  before(async () => {
    server = await startSentryTestServer();
  });
  after(() => server.close());
  beforeEach(() => server.reset());

  describe('pagination', () => {
    it('pages the default issue query (is:unresolved) 25 at a time to the last page, Link as Sentry writes it', async () => {
      const seen: string[] = [];
      let path = `/api/0/organizations/${ORG}/issues/?project=${API.id}&limit=25`;
      const pages: Array<Record<string, LinkPart>> = [];
      for (let guard = 0; guard < 10; guard++) {
        const answer = await call(path);
        assert.equal(answer.status, 200);
        const issues = list(answer);
        seen.push(...issues.map((i) => String(i.id)));
        for (const issue of issues) assert.equal(issue.status, 'unresolved');
        const link = parseLink(answer.headers.get('link'));
        pages.push(link);
        if (link.next.results === 'false') break;
        path = link.next.url;
      }
      assert.equal(pages.length, 3);
      assert.equal(seen.length, DEMO.counts.apiServerUnresolved);
      assert.equal(new Set(seen).size, seen.length);
      assert.equal(seen[0], DEMO.issues.outOfStock.id, 'newest lastSeen first');
      assert.deepEqual(
        pages.map((p) => [p.previous.cursor, p.previous.results, p.next.cursor, p.next.results]),
        [
          ['0:0:1', 'false', '0:25:0', 'true'],
          ['0:0:1', 'true', '0:50:0', 'true'],
          ['0:25:1', 'true', '0:75:0', 'false'],
        ],
      );
      assert.equal(
        pages[0].next.url,
        `${server.url}/api/0/organizations/${ORG}/issues/?project=${API.id}&limit=25&cursor=0:25:0`,
      );
    });

    it('starts the link query with "?&cursor=" when there was no other parameter, and answers past the end with an empty page', async () => {
      const first = await call('/api/0/organizations/');
      const link = parseLink(first.headers.get('link'));
      assert.equal(link.next.url, `${server.url}/api/0/organizations/?&cursor=0:100:0`);
      assert.equal(link.next.results, 'false');
      const past = await call('/api/0/organizations/?cursor=0:500:0');
      assert.deepEqual(list(past), []);
      assert.equal(parseLink(past.headers.get('link')).previous.results, 'true');
    });

    it('pages an issue\'s 36 events newest first with per_page, summary items shaped like Sentry\'s list summaries', async () => {
      const fixture = JSON.parse(readFileSync(ownFixture('api', 'issue-events.json'), 'utf8')) as Array<Record<string, Json>>;
      const ids: string[] = [];
      const dates: string[] = [];
      let path = `/api/0/organizations/${ORG}/issues/${DEMO.issues.outOfStock.id}/events/?per_page=10`;
      for (let guard = 0; guard < 10 && path; guard++) {
        const answer = await call(path);
        const events = list(answer);
        for (const event of events) {
          assert.deepEqual(Object.keys(event).sort(), Object.keys(fixture[0]).sort());
          ids.push(String(event.eventID));
          dates.push(String(event.dateCreated));
        }
        const next = parseLink(answer.headers.get('link')).next;
        path = next.results === 'true' ? next.url : '';
      }
      assert.equal(ids.length, DEMO.issues.outOfStock.eventCount);
      assert.equal(ids[0], DEMO.issues.outOfStock.latestEventId);
      assert.deepEqual([...dates].sort().reverse(), dates);
    });

    it('serves whole API-form events with full=true on the legacy /api/0/issues/ route', async () => {
      const answer = await call(`/api/0/issues/${DEMO.issues.outOfStock.id}/events/?full=true&per_page=2`);
      const [event] = list(answer);
      assert.ok(Array.isArray(event.entries));
      assert.ok(parseLink(answer.headers.get('link')).next.url.startsWith(`${server.url}/api/0/issues/`));
    });

    it('rejects a bad cursor or per_page the way Sentry does', async () => {
      const bad = await call(`/api/0/organizations/${ORG}/projects/?cursor=abc`);
      assert.equal(bad.status, 400);
      assert.deepEqual(json(bad), { detail: 'Invalid cursor parameter.' });
      const big = await call(`/api/0/organizations/${ORG}/projects/?per_page=101`);
      assert.deepEqual([big.status, json(big)], [400, { detail: 'Invalid per_page value. Cannot exceed 100.' }]);
    });
  });

  describe('auth', () => {
    it('answers 401 without a header, for an unknown token, 403 with an RFC 6750 challenge for a missing scope', async () => {
      const none = await call('/api/0/organizations/', { token: null });
      assert.deepEqual([none.status, json(none)], [401, { detail: 'Authentication credentials were not provided.' }]);
      const unknown = await call('/api/0/organizations/', { token: 'nope' });
      assert.deepEqual([unknown.status, json(unknown)], [401, { detail: 'Invalid token' }]);
      const scoped = await call(`/api/0/organizations/${ORG}/issues/`, { token: DEMO.tokens.withoutEventRead });
      assert.deepEqual([scoped.status, json(scoped)], [403, { detail: 'You do not have permission to perform this action.' }]);
      assert.equal(scoped.headers.get('www-authenticate'), 'Bearer error="insufficient_scope", scope="event:read"');
      const orgToken = await call('/api/0/organizations/', { token: DEMO.tokens.orgCi });
      assert.equal(orgToken.status, 403);
      assert.ok(DEMO.tokens.orgCi.startsWith('sntrys_'));
    });

    it('puts the rate-limit headers on every answer, errors included', async () => {
      for (const answer of [await call('/api/0/organizations/'), await call('/api/0/organizations/', { token: 'nope' })]) {
        assert.equal(answer.headers.get('x-sentry-rate-limit-limit'), '40');
        assert.match(answer.headers.get('x-sentry-rate-limit-remaining') ?? '', /^\d+$/);
        assert.match(answer.headers.get('x-sentry-rate-limit-reset') ?? '', /^\d{10}$/);
      }
    });
  });

  describe('faults', () => {
    it('answers 500 with an errorId, once by default, only on matching paths', async () => {
      server.inject({ match: '/projects/', status: 500 });
      assert.equal((await call('/api/0/organizations/')).status, 200);
      const failed = await call(`/api/0/organizations/${ORG}/projects/`);
      assert.equal(failed.status, 500);
      const body = object(failed);
      assert.equal(body.detail, 'Internal Error');
      assert.match(String(body.errorId), /^[0-9a-f]{32}$/);
      assert.equal((await call(`/api/0/organizations/${ORG}/projects/`)).status, 200);
    });

    it('rate-limits with a JSON string body, X-Sentry-Rate-Limit-Reset and Retry-After only when asked', async () => {
      server.inject({ rateLimit: { resetInSeconds: 7 }, times: 2 });
      const before = Math.floor(Date.now() / 1000);
      const limited = await call('/api/0/organizations/');
      assert.equal(limited.status, 429);
      assert.equal(json(limited), 'You are attempting to use this endpoint too frequently. Limit is 40 requests in 1 seconds');
      const reset = Number(limited.headers.get('x-sentry-rate-limit-reset'));
      assert.ok(reset >= before + 7 && reset <= before + 8, String(reset));
      assert.equal(limited.headers.get('retry-after'), null);
      assert.equal((await call('/api/0/organizations/')).status, 429);
      assert.equal((await call('/api/0/organizations/')).status, 200);
      server.inject({ rateLimit: { retryAfterSeconds: 3 } });
      assert.equal((await call('/api/0/organizations/')).headers.get('retry-after'), '3');
    });

    it('serves a sign-in HTML page, a cut-off JSON body, and a custom body', async () => {
      server.inject({ html: true });
      const html = await call('/api/0/organizations/');
      assert.equal(html.status, 200);
      assert.match(html.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(html.text, /^<!DOCTYPE html>.*Sign in/s);
      server.inject({ malformedJson: true });
      const cut = await call('/api/0/organizations/');
      assert.equal(cut.headers.get('content-type'), 'application/json');
      assert.throws(() => JSON.parse(cut.text), SyntaxError);
      server.inject({ status: 503, body: '{"detail":"maintenance"}' });
      const custom = await call('/api/0/organizations/');
      assert.deepEqual([custom.status, json(custom)], [503, { detail: 'maintenance' }]);
    });

    it('delays an answer, and a client that gives up does not hurt the server', async () => {
      server.inject({ delayMs: 150 });
      const started = Date.now();
      assert.equal((await call('/api/0/organizations/')).status, 200);
      assert.ok(Date.now() - started >= 140);
      server.inject({ delayMs: 5_000 });
      await assert.rejects(call('/api/0/organizations/', { signal: AbortSignal.timeout(50) }));
      assert.equal((await call('/api/0/organizations/')).status, 200);
    });

    it('points Link URLs at a foreign origin via Fault.linkOrigin or Fault.headers, and via the linkOrigin option', async () => {
      server.inject({ linkOrigin: 'http://evil.example.test' });
      const viaFault = parseLink((await call(`/api/0/organizations/${ORG}/projects/`)).headers.get('link'));
      assert.equal(viaFault.next.url, `http://evil.example.test/api/0/organizations/${ORG}/projects/?&cursor=0:100:0`);
      server.inject({ headers: { Link: '<http://evil.example.test/x/?&cursor=0:1:0>; rel="next"; results="true"; cursor="0:1:0"' } });
      assert.match((await call('/api/0/organizations/')).headers.get('link') ?? '', /evil\.example\.test/);
      const other = await startSentryTestServer({ linkOrigin: 'http://evil.example.test' });
      try {
        const answer = await call(`${other.url}/api/0/organizations/`);
        assert.match(parseLink(answer.headers.get('link')).next.url, /^http:\/\/evil\.example\.test\//);
      } finally {
        await other.close();
      }
    });

    it('echoes the Authorization header into a body and headers when asked (a server that leaks credentials)', async () => {
      server.inject({ status: 400, body: '{"detail":"bad {authorization}"}', headers: { 'X-Sentry-Error': 'was {authorization}' }, echoAuthorization: true });
      const answer = await call('/api/0/organizations/');
      assert.deepEqual(json(answer), { detail: `bad Bearer ${DEMO.tokens.full}` });
      assert.equal(answer.headers.get('x-sentry-error'), `was Bearer ${DEMO.tokens.full}`);
    });

    it('compresses, damages, cuts off and stalls bodies, always announcing the whole length', async () => {
      server.inject({ encoding: 'gzip' });
      const gzipped = await rawGet('/api/0/organizations/');
      assert.equal(gzipped.headers['content-encoding'], 'gzip');
      assert.deepEqual(JSON.parse(gunzipSync(gzipped.body).toString('utf8')).length, 2);

      server.inject({ encoding: 'deflate', corruptEncoding: true });
      const damaged = await rawGet('/api/0/organizations/');
      assert.throws(() => inflateSync(damaged.body));

      server.inject({ closeAfterBytes: 12 });
      const cut = await rawGet('/api/0/organizations/');
      assert.deepEqual([cut.body.length, cut.complete], [12, false]);
      assert.ok(Number(cut.headers['content-length']) > 12);

      server.inject({ stallAfterBytes: 7 });
      const stalled = await rawGet('/api/0/organizations/', 300);
      assert.deepEqual([stalled.body.length, stalled.complete, stalled.gaveUp], [7, false, true]);
      assert.equal((await call('/api/0/organizations/')).status, 200, 'the server carries on');
    });

    it('reads the body faults from the control API\'s JSON, refusing an encoding it cannot make', () => {
      assert.deepEqual(faultFromJson({ encoding: 'gzip', corruptEncoding: true, stallAfterBytes: 3, closeAfterBytes: 4, echoAuthorization: true }), {
        encoding: 'gzip',
        corruptEncoding: true,
        stallAfterBytes: 3,
        closeAfterBytes: 4,
        echoAuthorization: true,
      });
      assert.throws(() => faultFromJson({ encoding: 'br' }), /encoding/);
      assert.throws(() => faultFromJson({ stallAfterBytes: '3' }), /stallAfterBytes/);
    });
  });

  describe('control API', () => {
    it('injects faults (times "Infinity"), lists requests and resets over HTTP without auth', async () => {
      const post = (path: string, body: unknown): Promise<Response> =>
        fetch(server.url + path, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
      assert.equal((await post('/__control/faults', { match: '/issues/', status: 404, times: 'Infinity' })).status, 200);
      for (let i = 0; i < 3; i++) assert.equal((await call(`/api/0/organizations/${ORG}/issues/`)).status, 404);
      const bad = await post('/__control/faults', { status: 'x' });
      assert.equal(bad.status, 400);
      const requests = (await (await fetch(`${server.url}/__control/requests`)).json()) as Array<Record<string, Json>>;
      assert.equal(requests.length, 3);
      assert.equal(requests[0].path, `/api/0/organizations/${ORG}/issues/`);
      assert.equal(requests[0].authorization, `Bearer ${DEMO.tokens.full}`);
      assert.equal((await post('/__control/reset', {})).status, 200);
      assert.equal((await call(`/api/0/organizations/${ORG}/issues/`)).status, 200);
      assert.equal(server.requests.length, 1);
      assert.deepEqual(server.requests[0].query, {});
    });
  });

  describe('stacktrace-link', () => {
    const link = (project: string, query: string): Promise<Answer> =>
      call(`/api/0/projects/${ORG}/${project}/stacktrace-link/?${query}`);

    it('maps a frame through worker\'s code mapping, and says when the file is not in the repository', async () => {
      const found = object(await link('worker', `file=${encodeURIComponent(DEMO.frames.node.filename)}&platform=node&lineNo=11`));
      assert.equal(found.error, null);
      assert.equal(found.sourcePath, DEMO.frames.node.localFile);
      assert.equal(found.sourceUrl, `https://github.com/demo/shop/blob/main/${DEMO.frames.node.localFile}`);
      const config = found.config as Record<string, Json>;
      assert.deepEqual([config.stackRoot, config.sourceRoot, config.repoName], ['/var/task/', 'worker/', 'demo/shop']);
      const missing = object(await link('worker', 'file=/var/task/src/gone.js'));
      assert.deepEqual([missing.error, missing.sourceUrl, missing.sourcePath], ['file_not_found', null, 'worker/src/gone.js']);
      const mismatch = object(await link('worker', 'file=app:///src/queue/retry.js'));
      assert.equal(mismatch.error, 'stack_root_mismatch');
    });

    it('answers no_code_mappings_for_project elsewhere, and 400 without file', async () => {
      const none = object(await link('api-server', 'file=api/orders/service.py'));
      assert.deepEqual(none, { config: null, sourceUrl: null, integrations: [], error: 'no_code_mappings_for_project' });
      const noFile = await link('worker', 'absPath=/var/task/src/index.js');
      assert.deepEqual([noFile.status, json(noFile)], [400, { detail: 'Filepath is required' }]);
    });
  });

  describe('issues and events', () => {
    const issues = async (query: string): Promise<Array<Record<string, Json>>> =>
      list(await call(`/api/0/organizations/${ORG}/issues/?project=${API.id}&limit=100&${query}`));

    it('filters with Sentry search syntax and sorts', async () => {
      assert.equal((await issues('query=')).length, DEMO.counts.apiServerIssues);
      assert.equal((await issues('query=is:resolved')).length, DEMO.counts.apiServerResolved);
      assert.equal((await issues('query=is:ignored')).length, DEMO.counts.apiServerIgnored);
      assert.equal((await issues(`query=${encodeURIComponent('!is:unresolved')}`)).length, 8);
      for (const issue of await issues('query=level:warning')) assert.equal(issue.level, 'warning');
      const found = await issues(`query=${encodeURIComponent('is:unresolved OUTOFSTOCK')}`);
      assert.deepEqual(found.map((i) => i.id), [DEMO.issues.outOfStock.id]);
      const staging = await issues(`query=${encodeURIComponent('environment:staging release:api-server@1.4.*')}`);
      assert.ok(staging.some((i) => i.id === DEMO.issues.outOfStock.id));
      const byFreq = await issues('query=&sort=freq');
      const counts = byFreq.map((i) => Number(i.count));
      assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
      const byUsers = (await issues('query=&sort=user')).map((i) => Number(i.userCount));
      assert.deepEqual(byUsers, [...byUsers].sort((a, b) => b - a));
      const bad = await call(`/api/0/organizations/${ORG}/issues/?query=${encodeURIComponent('title:"open')}`);
      assert.equal(bad.status, 400);
    });

    it('resolves short ids, event ids and latest / oldest / recommended', async () => {
      const short = object(await call(`/api/0/organizations/${ORG}/shortids/${DEMO.issues.legacyBilling.shortId.toLowerCase()}/`));
      assert.deepEqual([short.groupId, short.projectSlug, short.organizationSlug], [DEMO.issues.legacyBilling.id, 'api-server', ORG]);
      const byEvent = object(await call(`/api/0/organizations/${ORG}/eventids/${DEMO.issues.cartPrice.latestEventId}/`));
      assert.deepEqual([byEvent.groupId, byEvent.projectSlug], [DEMO.issues.cartPrice.id, 'web-frontend']);
      const base = `/api/0/organizations/${ORG}/issues/${DEMO.issues.legacyBilling.id}/events`;
      const latest = object(await call(`${base}/latest/`));
      const recommended = object(await call(`${base}/recommended/`));
      const oldest = object(await call(`${base}/oldest/`));
      assert.equal(latest.eventID, DEMO.issues.legacyBilling.latestEventId);
      assert.equal(recommended.eventID, DEMO.issues.legacyBilling.recommendedEventId);
      assert.deepEqual([latest.nextEventID, oldest.previousEventID], [null, null]);
      assert.equal(recommended.nextEventID, latest.eventID);
      const bulk = object(await call(`/api/0/groups/${DEMO.issues.redisBulk.id}/events/oldest/`));
      assert.equal(bulk.previousEventID, null);
      assert.equal((await call(`${base}/0123456789abcdef0123456789abcdef/`)).status, 404);
    });

    it('updates an issue with PUT (event:write), and reset() undoes it', async () => {
      const path = `/api/0/organizations/${ORG}/issues/${DEMO.issues.refundCurrency.id}/`;
      const put = (body: unknown, token: string = DEMO.tokens.full): Promise<Answer> =>
        call(path, { method: 'PUT', body: JSON.stringify(body), token, headers: { 'Content-Type': 'application/json' } });
      assert.equal((await put({ status: 'resolved' }, DEMO.tokens.withoutEventRead)).status, 403);
      const updated = object(await put({ status: 'ignored', isBookmarked: true, assignedTo: 'omar@demo.test' }));
      assert.deepEqual([updated.status, updated.substatus, updated.isBookmarked], ['ignored', 'archived_forever', true]);
      assert.deepEqual(updated.assignedTo, { type: 'user', id: '2', name: 'Omar Haddad', email: 'omar@demo.test' });
      const invalid = await put({ status: 'bogus' });
      assert.deepEqual([invalid.status, json(invalid)], [400, { status: ['"bogus" is not a valid choice.'] }]);
      assert.equal(object(await call(path)).status, 'ignored');
      server.reset();
      assert.equal(object(await call(path)).status, 'unresolved');
    });

    it('advertises region URLs and answers 404 for organizations another region serves', async () => {
      const region = await startSentryTestServer({ servesOrgs: [DEMO.organizations.acme.slug] });
      const control = await startSentryTestServer({ servesOrgs: [ORG], regionUrls: { [DEMO.organizations.acme.slug]: region.url } });
      try {
        const orgs = list(await call(`${control.url}/api/0/organizations/`));
        const links = Object.fromEntries(orgs.map((o) => [String(o.slug), (o.links as Record<string, Json>).regionUrl]));
        assert.deepEqual(links, { [ORG]: control.url, [DEMO.organizations.acme.slug]: region.url });
        assert.equal((await call(`${control.url}/api/0/organizations/acme/projects/`)).status, 404);
        assert.equal((await call(`${region.url}/api/0/organizations/acme/projects/`)).status, 200);
        assert.equal((await call(`${region.url}/api/0/issues/${DEMO.issues.outOfStock.id}/`)).status, 404);
      } finally {
        await Promise.all([region.close(), control.close()]);
      }
    });
  });

  describe('main.ts', () => {
    it('prints one JSON line with url and token, serves, and stops on SIGTERM', async function () {
      this.timeout(10_000);
      const child = spawn(process.execPath, [join(ROOT, 'out', 'test', 'server', 'main.js'), '--port', '0'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      try {
        const line = await new Promise<string>((resolve, reject) => {
          createInterface({ input: child.stdout }).once('line', resolve);
          child.once('exit', () => reject(new Error('main.js exited before printing')));
        });
        const info = JSON.parse(line) as { url: string; token: string };
        assert.equal(info.token, 'demo-token');
        assert.match(info.url, /^http:\/\/127\.0\.0\.1:\d+$/);
        assert.equal((await call(`${info.url}/api/0/organizations/`)).status, 200);
      } finally {
        child.kill('SIGTERM');
      }
      assert.equal(await exited, 0);
    });
  });
});

withSharedFixtures("the project's own event summaries match Sentry's", (test) =>
  test("test/fixtures/api/issue-events.json has the keys of Sentry's OpenAPI list example", () => {
    const keys = (file: string) => Object.keys((JSON.parse(readFileSync(file, 'utf8')) as Array<Record<string, unknown>>)[0]).sort();
    assert.deepEqual(keys(ownFixture('api', 'issue-events.json')), keys(sharedFixture('api-issue-events-list.openapi.json')));
  }),
);
