import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SentryClient } from '../../../src/sentry/api/client';
import {
  AuthError,
  BadRequestError,
  CancelledError,
  NetworkError,
  NotFoundError,
  NotSentryError,
  PermissionError,
  RateLimitError,
  ServerError,
  TimeoutError,
} from '../../../src/sentry/http/errors';
import type { RateLimitNotice } from '../../../src/sentry/http/transport';
import { DEMO } from '../../fixtures/demo';
import { SentryTestServer, startSentryTestServer } from '../../server/sentryTestServer';

const TOKEN = 'demo-token';

describe('SentryClient over HTTP against the Sentry-shaped server', () => {
  let server: SentryTestServer;
  let client: SentryClient;

  before(async () => {
    server = await startSentryTestServer({ port: 0 });
  });
  after(() => server.close());
  beforeEach(() => {
    server.reset();
    client = new SentryClient({ baseUrl: server.url, token: TOKEN, timeoutMs: 5_000 });
  });

  const requestsTo = (fragment: string) => server.requests.filter((r) => r.path.includes(fragment));

  describe('reading', () => {
    it('lists organizations, projects and issues with Sentry shapes', async () => {
      const orgs = await client.listOrganizations();
      assert.deepEqual(
        orgs.items.map((o) => o.slug),
        [DEMO.organizations.demo.slug, DEMO.organizations.acme.slug],
      );
      const projects = await client.listProjects(DEMO.organizations.demo.slug);
      assert.ok(projects.items.some((p) => p.slug === DEMO.projects.apiServer.slug));
      const issues = await client.listIssues(DEMO.organizations.demo.slug, { project: DEMO.projects.apiServer.id, limit: 5 });
      assert.equal(issues.items.length, 5);
      for (const issue of issues.items) {
        assert.match(issue.shortId, /^API-SERVER-/);
        assert.equal(issue.status, 'unresolved');
        assert.ok(issue.count > 0);
      }
    });

    it('pages through every issue by cursor until results="false", one request per page', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await client.listIssues(DEMO.organizations.demo.slug, { project: DEMO.projects.apiServer.id, limit: 25, query: '', cursor });
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 20);
      assert.equal(new Set(seen).size, seen.length, 'no issue twice');
      assert.equal(seen.length, DEMO.counts.apiServerIssues);
      assert.equal(pages, Math.ceil(DEMO.counts.apiServerIssues / 25));
      assert.equal(requestsTo('/issues/').length, pages);
    });

    it('sends the project, query, sort and limit Sentry expects', async () => {
      await client.listIssues(DEMO.organizations.demo.slug, { project: DEMO.projects.apiServer.id, query: 'level:error', sort: 'freq', limit: 10 });
      const [request] = requestsTo('/issues/');
      assert.equal(request.path, `/api/0/organizations/${DEMO.organizations.demo.slug}/issues/`);
      assert.deepEqual(request.query.project, [DEMO.projects.apiServer.id]);
      assert.deepEqual(request.query.query, ['level:error']);
      assert.deepEqual(request.query.sort, ['freq']);
      assert.deepEqual(request.query.limit, ['10']);
      assert.equal(request.authorization, `Bearer ${TOKEN}`);
    });

    it('encodes every path segment', async () => {
      await assert.rejects(client.getIssue(DEMO.organizations.demo.slug, '../../organizations'), NotFoundError);
      const [request] = server.requests;
      assert.ok(request.path.startsWith(`/api/0/organizations/${DEMO.organizations.demo.slug}/issues/`), request.path);
    });

    it('reads an issue, its events by page, and latest/oldest/recommended', async () => {
      const issueId = DEMO.issues.outOfStock.id;
      const first = await client.listIssueEvents(DEMO.organizations.demo.slug, issueId, { perPage: 10 });
      assert.equal(first.items.length, 10);
      assert.ok(first.nextCursor);
      assert.ok(first.items.every((e) => e.hasDetail && e.exceptions.length > 0));
      const second = await client.listIssueEvents(DEMO.organizations.demo.slug, issueId, { perPage: 10, cursor: first.nextCursor });
      assert.notEqual(second.items[0].eventId, first.items[0].eventId);
      const latest = await client.getIssueEvent(DEMO.organizations.demo.slug, issueId, 'latest');
      assert.equal(latest.eventId, first.items[0].eventId);
      const oldest = await client.getIssueEvent(DEMO.organizations.demo.slug, issueId, 'oldest');
      assert.notEqual(oldest.eventId, latest.eventId);
    });
  });

  describe('errors', () => {
    it('401: AuthError with Sentry\'s detail, reported once per failing request, never the token', async () => {
      const rejected: AuthError[] = [];
      const bad = new SentryClient({ baseUrl: server.url, token: 'secret-bad-token-123', onAuthFailure: (e) => rejected.push(e) });
      const error = await bad.listOrganizations().catch((e: unknown) => e);
      assert.ok(error instanceof AuthError);
      assert.match(error.message, /Invalid token/);
      assert.doesNotMatch(error.message, /secret-bad-token-123/);
      assert.equal(rejected.length, 1);
    });

    it('403: PermissionError naming the missing scope', async () => {
      const limited = new SentryClient({ baseUrl: server.url, token: 'token-without-event-read' });
      const error = await limited.listIssues(DEMO.organizations.demo.slug, {}).catch((e: unknown) => e);
      assert.ok(error instanceof PermissionError);
      assert.equal(error.missingScope, 'event:read');
      assert.match(error.message, /event:read/);
    });

    it('404: NotFoundError', async () => {
      await assert.rejects(client.listProjects('no-such-org'), NotFoundError);
    });

    it('500: ServerError with Sentry\'s error id', async () => {
      server.inject({ match: '/organizations/', status: 500 });
      const error = await client.listOrganizations().catch((e: unknown) => e);
      assert.ok(error instanceof ServerError);
      assert.match(error.errorId ?? '', /^[0-9a-f]{32}$/);
    });

    it('other 4xx: BadRequestError with the detail', async () => {
      server.inject({ match: '/organizations/', status: 400, body: JSON.stringify({ detail: 'Invalid cursor parameter.' }) });
      await assert.rejects(client.listOrganizations(), (e: unknown) => e instanceof BadRequestError && /Invalid cursor/.test(e.message));
    });

    it('an HTML page (wrong URL, login proxy) is NotSentryError saying to check the URL', async () => {
      server.inject({ html: true });
      await assert.rejects(client.listOrganizations(), (e: unknown) => e instanceof NotSentryError && /web page/.test(e.message));
    });

    it('malformed JSON is NotSentryError', async () => {
      server.inject({ malformedJson: true });
      await assert.rejects(client.listOrganizations(), (e: unknown) => e instanceof NotSentryError && /not valid JSON/.test(e.message));
    });

    it('JSON of the wrong shape is NotSentryError', async () => {
      server.inject({ match: '/organizations/', status: 200, body: '{"hello": "world"}' });
      await assert.rejects(client.listOrganizations(), NotSentryError);
    });

    it('a closed port is a NetworkError that names the host', async () => {
      const port = await closedPort();
      const offline = new SentryClient({ baseUrl: `http://127.0.0.1:${port}`, token: TOKEN });
      const error = await offline.listOrganizations().catch((e: unknown) => e);
      assert.ok(error instanceof NetworkError);
      assert.equal(error.code, 'ECONNREFUSED');
      assert.match(error.message, new RegExp(`127.0.0.1:${port}`));
    });

    it('an unknown host is a NetworkError', async () => {
      const nowhere = new SentryClient({ baseUrl: 'https://sentry-explorer-test.invalid', token: TOKEN, timeoutMs: 5_000 });
      await assert.rejects(nowhere.listOrganizations(), (e: unknown) => e instanceof NetworkError || e instanceof TimeoutError);
    });

    it('a slow server is a TimeoutError', async () => {
      server.inject({ delayMs: 1_500 });
      const impatient = new SentryClient({ baseUrl: server.url, token: TOKEN, timeoutMs: 200 });
      await assert.rejects(impatient.listOrganizations(), TimeoutError);
    });
  });

  describe('rate limits', () => {
    it('waits for X-Sentry-Rate-Limit-Reset, says so, and retries exactly once', async () => {
      server.inject({ match: '/organizations/', rateLimit: { resetInSeconds: 1 } });
      const notices: RateLimitNotice[] = [];
      const patient = new SentryClient({ baseUrl: server.url, token: TOKEN, onRateLimitWait: (n) => notices.push(n) });
      const started = Date.now();
      const orgs = await patient.listOrganizations();
      assert.equal(orgs.items.length, 2);
      assert.equal(requestsTo('/organizations/').length, 2);
      assert.equal(notices.length, 1);
      // the reset header is whole epoch seconds, so the wait may be a little under a second
      assert.ok(Date.now() - started >= 200, 'did not retry before the reset');
    });

    it('prefers a proxy\'s Retry-After', async () => {
      server.inject({ rateLimit: { resetInSeconds: 30, retryAfterSeconds: 1 } });
      const started = Date.now();
      const patient = new SentryClient({ baseUrl: server.url, token: TOKEN });
      await patient.listOrganizations();
      const waited = Date.now() - started;
      assert.ok(waited >= 900 && waited < 10_000, `waited ${waited} ms`);
    });

    it('gives up after the one retry with RateLimitError: never a loop', async () => {
      server.inject({ rateLimit: { resetInSeconds: 1 }, times: 5 });
      const error = await client.listOrganizations().catch((e: unknown) => e);
      assert.ok(error instanceof RateLimitError);
      assert.equal(server.requests.length, 2);
    });

    it('does not wait for a reset beyond its limit, and reports when to try again', async () => {
      server.inject({ rateLimit: { resetInSeconds: 120 } });
      const error = await client.listOrganizations().catch((e: unknown) => e);
      assert.ok(error instanceof RateLimitError);
      assert.ok((error.retryAfterSeconds ?? 0) > 100);
      assert.equal(server.requests.length, 1);
      // and the same kind of request is not sent again before the reset
      const again = new AbortController();
      setTimeout(() => again.abort(), 200);
      await assert.rejects(client.listOrganizations({}, { signal: again.signal, refresh: true }), CancelledError);
      assert.equal(server.requests.length, 1);
    });
  });

  describe('cancellation and cache', () => {
    it('aborts a request mid-flight', async () => {
      // The answer would take 30 s; the abort must end the request long before (a loaded machine still has room).
      server.inject({ delayMs: 30_000 });
      const controller = new AbortController();
      const started = Date.now();
      setTimeout(() => controller.abort(), 100);
      await assert.rejects(client.listOrganizations({}, { signal: controller.signal }), CancelledError);
      assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
    });

    it('answers a repeat from the cache, and `refresh` bypasses it', async () => {
      await client.listOrganizations();
      await client.listOrganizations();
      assert.equal(requestsTo('/organizations/').length, 1);
      await client.listOrganizations({}, { refresh: true });
      assert.equal(requestsTo('/organizations/').length, 2);
    });

    it('sends identical concurrent requests once', async () => {
      server.inject({ delayMs: 200 });
      await Promise.all([client.listOrganizations(), client.listOrganizations(), client.listOrganizations()]);
      assert.equal(server.requests.length, 1);
    });

    it('one caller cancelling does not cancel the others sharing the request', async () => {
      server.inject({ delayMs: 300 });
      const controller = new AbortController();
      const cancelled = client.listOrganizations({}, { signal: controller.signal });
      const kept = client.listOrganizations();
      controller.abort();
      await assert.rejects(cancelled, CancelledError);
      assert.equal((await kept).items.length, 2);
    });

    it('expires cached answers after the TTL', async () => {
      const shortLived = new SentryClient({ baseUrl: server.url, token: TOKEN, cacheTtlMs: 50 });
      await shortLived.listOrganizations();
      await new Promise((r) => setTimeout(r, 120));
      await shortLived.listOrganizations();
      assert.equal(server.requests.length, 2);
    });
  });

  describe('the token stays with Sentry', () => {
    let foreign: Recorder;
    before(async () => {
      foreign = await startRecorder();
    });
    after(() => foreign.close());
    beforeEach(() => (foreign.requests.length = 0));

    it('ends the list at a next link that names another origin: no cursor taken, nothing sent there', async () => {
      const link =
        `<${foreign.url}/api/0/organizations/?&cursor=0:0:1>; rel="previous"; results="false"; cursor="0:0:1", ` +
        `<${foreign.url}/api/0/organizations/?&cursor=0:1:0>; rel="next"; results="true"; cursor="0:1:0"`;
      server.inject({ match: '/organizations/', headers: { Link: link } });
      const first = await client.listOrganizations();
      assert.equal(first.items.length, 2);
      assert.equal(first.nextCursor, undefined);
      assert.deepEqual(first.end, { kind: 'foreignLink', origin: foreign.url });
      assert.equal(foreign.requests.length, 0);
      assert.equal(requestsTo('/organizations/').length, 1);
    });

    it('ends an issue list whose server writes its links on another origin (linkOrigin fault)', async () => {
      server.inject({ match: '/issues/', linkOrigin: 'http://evil.example.test' });
      const page = await client.listIssues(DEMO.organizations.demo.slug, { project: DEMO.projects.apiServer.id, limit: 25 });
      assert.equal(page.items.length, 25);
      assert.equal(page.nextCursor, undefined);
      assert.deepEqual(page.end, { kind: 'foreignLink', origin: 'http://evil.example.test' });
    });

    it('says noCursor when the server claims more results but gives no cursor', async () => {
      server.inject({ match: '/issues/', headers: { Link: `<${server.url}/api/0/organizations/demo-org/issues/?limit=25>; rel="next"; results="true"` } });
      const page = await client.listIssues(DEMO.organizations.demo.slug, { project: DEMO.projects.apiServer.id, limit: 25 });
      assert.equal(page.nextCursor, undefined);
      assert.deepEqual(page.end, { kind: 'noCursor' });
    });

    it('does not follow a redirect to another origin', async () => {
      server.inject({ match: '/organizations/', status: 302, headers: { Location: `${foreign.url}/api/0/organizations/` } });
      const error = await client.listOrganizations().catch((e: unknown) => e);
      assert.ok(error instanceof NotSentryError);
      assert.match(error.message, /token was not sent/);
      assert.equal(foreign.requests.length, 0);
    });

    it('follows a redirect within the same server, with the token', async () => {
      server.inject({ match: '/api/0/organizations/', status: 301, headers: { Location: '/api/0/organizations/?moved=1' } });
      const orgs = await client.listOrganizations();
      assert.equal(orgs.items.length, 2);
      assert.equal(server.requests[1].authorization, `Bearer ${TOKEN}`);
    });
  });

  describe('regions', () => {
    it('reaches an organization through its links.regionUrl', async () => {
      const region = await startSentryTestServer({ port: 0, servesOrgs: [DEMO.organizations.acme.slug] });
      const control = await startSentryTestServer({ port: 0, regionUrls: { [DEMO.organizations.acme.slug]: region.url }, servesOrgs: [DEMO.organizations.demo.slug] });
      try {
        const regional = new SentryClient({ baseUrl: control.url, token: TOKEN });
        await regional.listOrganizations();
        const projects = await regional.listProjects(DEMO.organizations.acme.slug);
        assert.ok(projects.items.length > 0);
        assert.equal(region.requests.length, 1);
        assert.equal(region.requests[0].authorization, `Bearer ${TOKEN}`);
        assert.equal(control.requests.filter((r) => r.path.includes(DEMO.organizations.acme.slug)).length, 0);
      } finally {
        await control.close();
        await region.close();
      }
    });

    it('ignores a region URL on sentry.io that is not a sentry.io host', () => {
      const cloud = new SentryClient({ baseUrl: 'https://sentry.io', token: TOKEN });
      const remember = (cloud as unknown as { rememberRegion(o: object): void }).rememberRegion.bind(cloud);
      remember({ slug: 'evil', id: '1', name: 'evil', regionUrl: 'https://evil.example.com' });
      remember({ slug: 'good', id: '2', name: 'good', regionUrl: 'https://de.sentry.io' });
      assert.equal(cloud.orgBase('evil'), 'https://sentry.io');
      assert.equal(cloud.orgBase('good'), 'https://de.sentry.io');
    });
  });
});

interface Recorder {
  url: string;
  requests: Array<{ url?: string; authorization?: string }>;
  close(): Promise<void>;
}

async function startRecorder(): Promise<Recorder> {
  const requests: Recorder['requests'] = [];
  const server = http.createServer((req, res) => {
    requests.push({ url: req.url, authorization: req.headers.authorization });
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('[]');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(() => r())) };
}

async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}
