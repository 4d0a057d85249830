import * as assert from 'node:assert/strict';
import { SentryClient } from '../../../src/sentry/api/client';
import { CancelledError, ResponseReadError, SentryApiError, TimeoutError } from '../../../src/sentry/http/errors';
import { DEMO } from '../../fixtures/demo';
import { SentryTestServer, startSentryTestServer } from '../../server/sentryTestServer';

const TOKEN = 'demo-token';

async function failure(promise: Promise<unknown>): Promise<SentryApiError> {
  const error = await promise.then(
    () => assert.fail('expected the request to fail'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof SentryApiError, String(error));
  return error;
}

describe('SentryClient: an answer cut off, stalled or damaged says so (issue 6, point 7)', () => {
  let server: SentryTestServer;

  before(async () => {
    server = await startSentryTestServer({ port: 0 });
  });
  after(() => server.close());
  beforeEach(() => server.reset());

  it('a body that stops mid-way, connection open, fails after the idle timeout, not the 30 s one', async () => {
    const client = new SentryClient({ baseUrl: server.url, token: TOKEN, timeoutMs: 30_000, bodyIdleTimeoutMs: 300 });
    server.inject({ match: '/organizations/', stallAfterBytes: 40 });
    const started = Date.now();
    const error = await failure(client.listOrganizations());
    const took = Date.now() - started;
    assert.ok(error instanceof ResponseReadError, `${error.name}: ${error.message}`);
    assert.equal(error.reason, 'stalled');
    assert.equal(error.status, 200);
    assert.match(error.message, /stopped sending before the answer was complete/);
    assert.match(error.message, /40 of \d+ bytes arrived/);
    assert.doesNotMatch(error.message, /did not answer|Could not reach/);
    assert.ok(took >= 250 && took < 15_000, `took ${took} ms`);
  });

  it('a Content-Length larger than what arrives, then a close, fails after the idle timeout saying the connection was closed', async () => {
    const client = new SentryClient({ baseUrl: server.url, token: TOKEN, timeoutMs: 30_000, bodyIdleTimeoutMs: 300 });
    server.inject({ match: '/organizations/', closeAfterBytes: 25 });
    const started = Date.now();
    const error = await failure(client.listOrganizations());
    assert.ok(error instanceof ResponseReadError, `${error.name}: ${error.message}`);
    assert.match(error.message, /stopped sending before the answer was complete/);
    assert.match(error.message, /\(25 of \d+ bytes arrived\)/);
    assert.match(error.message, /closed the connection/);
    assert.doesNotMatch(error.message, /did not answer|Could not reach/);
    assert.ok(Date.now() - started < 15_000, 'not left to the 30 s timeout');
  });

  it('a chunked answer whose connection closes before its last chunk says the server closed the connection, at once', async () => {
    const client = new SentryClient({ baseUrl: server.url, token: TOKEN, timeoutMs: 30_000, bodyIdleTimeoutMs: 20_000 });
    server.inject({ match: '/organizations/', closeAfterBytes: 25, chunked: true });
    const started = Date.now();
    const error = await failure(client.listOrganizations());
    assert.ok(error instanceof ResponseReadError, `${error.name}: ${error.message}`);
    assert.equal(error.reason, 'closed');
    assert.match(error.message, /closed the connection before the answer was complete \(25 bytes arrived\)/);
    assert.ok(Date.now() - started < 10_000, 'not left to an idle or overall timeout');
  });

  it('an error answer cut off part-way is reported the same way', async () => {
    const client = new SentryClient({ baseUrl: server.url, token: TOKEN, bodyIdleTimeoutMs: 300 });
    server.inject({ match: '/issues/', status: 500, closeAfterBytes: 5 });
    const error = await failure(client.listIssues(DEMO.organizations.demo.slug));
    assert.ok(error instanceof ResponseReadError);
    assert.equal(error.status, 500);
    assert.match(error.message, /stopped sending before the answer was complete/);
  });

  for (const encoding of ['gzip', 'deflate'] as const) {
    it(`reads a ${encoding} answer, and says a corrupt ${encoding} body could not be read (not that the host is unreachable)`, async () => {
      const client = new SentryClient({ baseUrl: server.url, token: TOKEN });
      server.inject({ match: '/organizations/', encoding });
      assert.equal((await client.listOrganizations()).items.length, 2);

      server.inject({ match: '/organizations/', encoding, corruptEncoding: true });
      const error = await failure(client.listOrganizations({}, { refresh: true }));
      assert.ok(error instanceof ResponseReadError, `${error.name}: ${error.message}`);
      assert.equal(error.reason, 'undecodable');
      assert.match(error.message, /could not be read: decompression failed/);
      assert.match(error.message, new RegExp(`\\(${encoding}: `));
      assert.doesNotMatch(error.message, /Could not reach|unreachable/);
    });
  }

  it('a stall longer than the whole-exchange timeout says the answer began but did not finish', async () => {
    const client = new SentryClient({ baseUrl: server.url, token: TOKEN, timeoutMs: 400, bodyIdleTimeoutMs: 20_000 });
    server.inject({ match: '/organizations/', stallAfterBytes: 10 });
    const error = await failure(client.listOrganizations());
    assert.ok(error instanceof TimeoutError, `${error.name}: ${error.message}`);
    assert.match(error.message, /began to answer but had not finished after 1 second\./);
  });

  it('cancelling while a body stalls is a cancellation, not a failure of the server', async () => {
    const client = new SentryClient({ baseUrl: server.url, token: TOKEN, bodyIdleTimeoutMs: 20_000 });
    server.inject({ match: '/organizations/', stallAfterBytes: 10 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const started = Date.now();
    await assert.rejects(client.listOrganizations({}, { signal: controller.signal }), CancelledError);
    assert.ok(Date.now() - started < 10_000);
  });

  it('the connection after a failed answer does not poison the next request', async () => {
    const client = new SentryClient({ baseUrl: server.url, token: TOKEN, bodyIdleTimeoutMs: 300 });
    server.inject({ match: '/organizations/', stallAfterBytes: 10 });
    await failure(client.listOrganizations());
    assert.equal((await client.listOrganizations({}, { refresh: true })).items.length, 2);
  });
});
