import * as assert from 'node:assert/strict';
import { SentryClient } from '../../../src/sentry/api/client';
import { CancelledError, RateLimitError, SentryApiError } from '../../../src/sentry/http/errors';
import type { RateLimitNotice } from '../../../src/sentry/http/transport';
import { formatUntil } from '../../../src/sentry/http/rateLimit';
import { SentryTestServer, startSentryTestServer } from '../../server/sentryTestServer';

const TOKEN = 'demo-token';
const DAY_S = 24 * 3600;

async function rateLimited(promise: Promise<unknown>): Promise<RateLimitError> {
  const error = await promise.then(
    () => assert.fail('expected a rate limit'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof RateLimitError, String(error));
  return error;
}

function localDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The message names the end in local time, with the date when that is not today. */
function assertSaysUntil(error: RateLimitError, until: Date): void {
  assert.match(error.message, /rate limited until (\d{4}-\d{2}-\d{2} )?\d{2}:\d{2}/);
  assert.ok(error.message.includes(`rate limited until ${formatUntil(until)}`), error.message);
  if (localDate(until) !== localDate(new Date())) assert.ok(error.message.includes(localDate(until)), error.message);
}

describe('SentryClient: rate-limit waits are bounded (issue 6, point 6)', () => {
  let server: SentryTestServer;

  before(async () => {
    server = await startSentryTestServer({ port: 0 });
  });
  after(() => server.close());
  beforeEach(() => server.reset());

  const organizationRequests = () => server.requests.filter((r) => r.path === '/api/0/organizations/').length;

  it('fails at once on a Retry-After of a day, saying until when, and carries the time', async () => {
    const client = new SentryClient({ baseUrl: server.url, token: TOKEN });
    server.inject({ match: '/organizations/', rateLimit: { retryAfterSeconds: DAY_S } });
    const started = Date.now();
    const error = await rateLimited(client.listOrganizations());
    assert.ok(Date.now() - started < 10_000, 'no wait');
    assert.equal(organizationRequests(), 1, 'not sent again');
    assert.ok(error.until instanceof Date);
    const expected = started + DAY_S * 1000;
    assert.ok(Math.abs((error.until?.getTime() ?? 0) - expected) < 5_000, String(error.until));
    assert.ok(Math.abs((error.retryAfterSeconds ?? 0) - DAY_S) < 5);
    assertSaysUntil(error, error.until);
  });

  it('reads a Retry-After given as an HTTP date', async () => {
    const client = new SentryClient({ baseUrl: server.url, token: TOKEN });
    const at = new Date(Math.floor(Date.now() / 1000) * 1000 + 2 * DAY_S * 1000);
    server.inject({ match: '/organizations/', status: 429, headers: { 'Retry-After': at.toUTCString() } });
    const error = await rateLimited(client.listOrganizations());
    assert.ok(Math.abs((error.until?.getTime() ?? 0) - at.getTime()) < 1_000, `${String(error.until)} vs ${at.toISOString()}`);
    assertSaysUntil(error, at);
  });

  it('never hands a month (beyond setTimeout\'s range) to a timer, even with no cap set, and does not resend', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const uncapped = new SentryClient({ baseUrl: server.url, token: TOKEN, maxRateLimitWaitMs: Number.POSITIVE_INFINITY });
      server.inject({ match: '/organizations/', rateLimit: { retryAfterSeconds: 30 * DAY_S } });
      const started = Date.now();
      const error = await rateLimited(uncapped.listOrganizations());
      assert.ok(Date.now() - started < 10_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(organizationRequests(), 1, 'a month-long wait did not turn into an immediate resend');
      assert.deepEqual(warnings.map((w) => w.name), [], 'no TimeoutOverflowWarning');
      assertSaysUntil(error, error.until ?? new Date(0));
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('holds the endpoint back for at most the cap, so a later Retry asks Sentry again', async () => {
    const notices: RateLimitNotice[] = [];
    const client = new SentryClient({ baseUrl: server.url, token: TOKEN, maxRateLimitWaitMs: 400, onRateLimitWait: (n) => notices.push(n) });
    server.inject({ match: '/organizations/', rateLimit: { retryAfterSeconds: DAY_S } });
    await rateLimited(client.listOrganizations());
    const started = Date.now();
    const orgs = await client.listOrganizations({}, { refresh: true });
    assert.equal(orgs.items.length, 2);
    assert.ok(Date.now() - started < 5_000);
    assert.equal(organizationRequests(), 2);
    assert.deepEqual(notices, [{ endpoint: 'organizations', waitSeconds: 1 }], 'the retry waited out the cap, not the day');
  });

  it('a request cancelled while it waits out a 429 leaves no wait behind', async () => {
    server.inject({ match: '/organizations/', rateLimit: { retryAfterSeconds: 50 } });
    const controller = new AbortController();
    const notices: RateLimitNotice[] = [];
    const waiting = new SentryClient({ baseUrl: server.url, token: TOKEN, onRateLimitWait: (n) => notices.push(n) });
    setTimeout(() => controller.abort(), 150);
    const started = Date.now();
    await assert.rejects(waiting.listOrganizations({}, { signal: controller.signal }), CancelledError);
    assert.ok(Date.now() - started < 10_000, 'the wait itself was cancelled');
    assert.equal(notices.length, 1);
    const again = Date.now();
    const orgs = await waiting.listOrganizations({}, { refresh: true });
    assert.equal(orgs.items.length, 2);
    assert.ok(Date.now() - again < 10_000, 'the next request did not wait for the cancelled one');
    assert.equal(notices.length, 1, 'and was not held back at all');
    assert.equal(organizationRequests(), 2);
  });

  it('a request cancelled while the 429 arrives records no wait', async () => {
    const notices: RateLimitNotice[] = [];
    const client = new SentryClient({ baseUrl: server.url, token: TOKEN, onRateLimitWait: (n) => notices.push(n) });
    server.inject({ match: '/organizations/', rateLimit: { retryAfterSeconds: 50 }, stallAfterBytes: 10 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    await assert.rejects(client.listOrganizations({}, { signal: controller.signal }), CancelledError);
    const again = Date.now();
    await client.listOrganizations({}, { refresh: true });
    assert.ok(Date.now() - again < 10_000);
    assert.deepEqual(notices, []);
  });

  it('a second 429 after the one wait fails with the time, holding back for at most the cap', async () => {
    const notices: RateLimitNotice[] = [];
    const client = new SentryClient({ baseUrl: server.url, token: TOKEN, maxRateLimitWaitMs: 300, onRateLimitWait: (n) => notices.push(n) });
    server.inject({ match: '/organizations/', rateLimit: { retryAfterSeconds: 0 } });
    server.inject({ match: '/organizations/', rateLimit: { retryAfterSeconds: DAY_S } });
    const error = await rateLimited(client.listOrganizations());
    assert.equal(organizationRequests(), 2);
    assertSaysUntil(error, error.until ?? new Date(0));
    const started = Date.now();
    await client.listOrganizations({}, { refresh: true });
    assert.ok(Date.now() - started < 5_000);
    assert.equal(notices.at(-1)?.waitSeconds, 1);
  });

  it('says so in plain words when nothing says when', async () => {
    const client = new SentryClient({ baseUrl: server.url, token: TOKEN });
    server.inject({ match: '/organizations/', status: 429, body: '"Slow down"', headers: { 'X-Sentry-Rate-Limit-Reset': 'never' } });
    const error = await rateLimited(client.listOrganizations());
    assert.equal(error.until, undefined);
    assert.match(error.message, /rate limiting these requests \(429\)\. Try again in a little while\./);
    assert.ok(error instanceof SentryApiError);
  });
});
