import * as assert from 'node:assert/strict';
import { SentryClient } from '../../../src/sentry/api/client';
import { CancelledError, NotFoundError, NotSentryError, ResponseReadError } from '../../../src/sentry/http/errors';
import { HttpTransport } from '../../../src/sentry/http/transport';
import { DEMO } from '../../fixtures/demo';
import { SentryTestServer, startSentryTestServer } from '../../server/sentryTestServer';

const ORG = DEMO.organizations.demo.slug;
const BULK = DEMO.issues.redisBulk;
const EVENTS_PATH = `/issues/${BULK.id}/events/`;

describe('SentryClient: an issue\'s events streamed as the bytes Sentry sent (issue 10)', () => {
  let server: SentryTestServer;
  let client: SentryClient;

  before(async () => {
    server = await startSentryTestServer();
  });
  after(() => server.close());
  beforeEach(() => {
    server.reset();
    client = new SentryClient({ baseUrl: server.url, token: DEMO.tokens.full, bodyIdleTimeoutMs: 300 });
  });

  async function rawPage(): Promise<string> {
    const response = await fetch(`${server.url}/api/0/organizations/${ORG}/issues/${BULK.id}/events/?full=true&per_page=100`, {
      headers: { Authorization: `Bearer ${DEMO.tokens.full}` },
    });
    return response.text();
  }

  it('hands over each event as the exact bytes of the answer, however the body is sent', async () => {
    const raw = await rawPage();
    for (const fault of [undefined, { chunked: true }, { encoding: 'gzip' as const }, { encoding: 'deflate' as const, chunked: true }]) {
      if (fault) server.inject({ match: EVENTS_PATH, ...fault });
      const page = await client.issueEventsPage(ORG, BULK.id);
      assert.equal(page.items.length, 100);
      assert.equal(`[${page.items.map((item) => Buffer.concat(item.pieces).toString('utf8')).join(',')}]`, raw, JSON.stringify(fault));
    }
  });

  it('says a body cut off mid-way or falling silent could not be read (a failure a download retries)', async () => {
    server.inject({ match: EVENTS_PATH, closeAfterBytes: 20_000, chunked: true });
    await assert.rejects(client.issueEventsPage(ORG, BULK.id), (error: unknown) => error instanceof ResponseReadError && error.reason === 'closed');
    server.inject({ match: EVENTS_PATH, closeAfterBytes: 20_000 });
    await assert.rejects(client.issueEventsPage(ORG, BULK.id), (error: unknown) => error instanceof ResponseReadError && /20000 of \d+ bytes arrived/.test(error.message));
    server.inject({ match: EVENTS_PATH, stallAfterBytes: 20_000 });
    const started = Date.now();
    await assert.rejects(client.issueEventsPage(ORG, BULK.id), (error: unknown) => error instanceof ResponseReadError && error.reason === 'stalled');
    assert.ok(Date.now() - started < 5_000, 'the silence limit applies');
    const after = await client.issueEventsPage(ORG, BULK.id);
    assert.equal(after.items.length, 100, 'the next request is not held up by the broken one');
  });

  it('refuses an answer that is not a JSON array of events, saying so in plain words', async () => {
    server.inject({ match: EVENTS_PATH, malformedJson: true });
    await assert.rejects(client.issueEventsPage(ORG, BULK.id), (error: unknown) => {
      assert.ok(error instanceof NotSentryError);
      assert.match(error.message, /^127\.0\.0\.1:\d+ sent a list of events that is not valid JSON: .+ \(at byte \d+\)\. It does not look like Sentry's API\.$/);
      return true;
    });
    server.inject({ match: EVENTS_PATH, html: true });
    await assert.rejects(client.issueEventsPage(ORG, BULK.id), /answered with a web page instead of Sentry's API/);
    server.inject({ match: EVENTS_PATH, status: 200, body: '{"detail":"not a list"}' });
    await assert.rejects(client.issueEventsPage(ORG, BULK.id), /'\{' where a JSON array should begin \(at byte 0\)/);
  });

  it('keeps the transport\'s rules: errors by status, no redirect to another origin, cancellation', async () => {
    server.inject({ match: EVENTS_PATH, status: 404 });
    await assert.rejects(client.issueEventsPage(ORG, BULK.id), NotFoundError);
    server.inject({ match: EVENTS_PATH, status: 302, headers: { Location: 'http://evil.example.test/steal' } });
    await assert.rejects(client.issueEventsPage(ORG, BULK.id), /redirected to http:\/\/evil\.example\.test, which is not the Sentry server you signed in to, so the token was not sent there/);
    server.inject({ match: EVENTS_PATH, delayMs: 2_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await assert.rejects(client.issueEventsPage(ORG, BULK.id, {}, { signal: controller.signal }), CancelledError);
  });
});

describe('HttpTransport.stream (issue 10)', () => {
  let server: SentryTestServer;

  before(async () => {
    server = await startSentryTestServer();
  });
  after(() => server.close());
  beforeEach(() => server.reset());

  function transport(bodyIdleTimeoutMs = 200): HttpTransport {
    return new HttpTransport({
      token: DEMO.tokens.full,
      timeoutMs: 20_000,
      bodyIdleTimeoutMs,
      maxRateLimitWaitMs: 5_000,
      isAllowedOrigin: (origin) => origin === new URL(server.url).origin,
      userAgent: 'test',
    });
  }

  const request = () => ({ url: `${server.url}/api/0/organizations/${ORG}/issues/${BULK.id}/events/?full=true&per_page=100`, endpoint: { name: 'events', scope: 'event:read' } });

  it('hands the body over in pieces as it arrives, and a reader that takes its time is not taken for silence', async () => {
    const pieces: number[] = [];
    const head = await transport(100).stream(request(), async (body, head) => {
      for await (const chunk of body) {
        pieces.push(chunk.length);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      return head;
    });
    assert.ok(pieces.length > 3, `${pieces.length} pieces`);
    assert.equal(head.status, 200);
    assert.match(head.link ?? '', /rel="next"/);
  });

  it('passes the reader\'s own error on as it is, and the next request is not held up', async () => {
    const failure = new Error('the disk is full');
    const t = transport();
    await assert.rejects(
      t.stream(request(), async (body) => {
        for await (const chunk of body) if (chunk.length > 0) throw failure;
        return 0;
      }),
      (error: unknown) => error === failure,
    );
    await assert.rejects(
      t.stream(request(), async () => {
        throw failure;
      }),
      (error: unknown) => error === failure,
    );
    const total = await t.stream(request(), async (body) => {
      let bytes = 0;
      for await (const chunk of body) bytes += chunk.length;
      return bytes;
    });
    assert.ok(total > 100_000, 'the next request reads a whole page');
  });
});
