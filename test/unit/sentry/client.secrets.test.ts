import * as assert from 'node:assert/strict';
import { SentryClient } from '../../../src/sentry/api/client';
import { AuthError, BadRequestError, NotFoundError, PermissionError, SentryApiError } from '../../../src/sentry/http/errors';
import { DEMO } from '../../fixtures/demo';
import { SentryTestServer, startSentryTestServer } from '../../server/sentryTestServer';

/** Not shaped like any Sentry token: only its registration by the client can keep it out of messages. */
const TOKEN = 'my-own-secret-token-value-0123456789';
const FOREIGN_USER_TOKEN = `sntryu_${'0123456789abcdef'.repeat(4)}`;

function failureOf(promise: Promise<unknown>): Promise<SentryApiError> {
  return promise.then(
    () => assert.fail('expected the request to fail'),
    (error: unknown) => {
      assert.ok(error instanceof SentryApiError, String(error));
      return error;
    },
  );
}

/** Everything of an error a person or a log could read. */
function readable(error: SentryApiError): string {
  return [error.message, error.detail ?? '', error.stack ?? '', String(error), JSON.stringify(error)].join('\n');
}

describe('SentryClient: no message or detail shows a token, whatever the server echoes (issue 6, point 4)', () => {
  let server: SentryTestServer;
  let client: SentryClient;

  before(async () => {
    server = await startSentryTestServer({ port: 0, tokens: { [TOKEN]: ['org:read', 'project:read', 'event:read'] } });
  });
  after(() => server.close());
  beforeEach(() => {
    server.reset();
    client = new SentryClient({ baseUrl: server.url, token: TOKEN, timeoutMs: 5_000 });
  });

  it('redacts the Authorization header a server echoes into `detail` (401)', async () => {
    server.inject({ status: 401, body: '{"detail": "Invalid token: {authorization} (token {authorization} is unknown)"}', echoAuthorization: true });
    const error = await failureOf(client.listOrganizations());
    assert.ok(error instanceof AuthError);
    assert.equal(server.requests[0].authorization, `Bearer ${TOKEN}`, 'the server did get the token, and echoed it');
    assert.ok(!readable(error).includes(TOKEN), readable(error));
    assert.match(error.message, /Sentry said: "Invalid token: Bearer \[redacted\] \(token Bearer \[redacted\] is unknown\)"/);
  });

  it('redacts the token a server echoes into X-Sentry-Error (a body that is not JSON)', async () => {
    server.inject({ status: 400, body: 'Bad Request', headers: { 'X-Sentry-Error': 'credentials {authorization} refused' }, echoAuthorization: true });
    const error = await failureOf(client.listOrganizations());
    assert.ok(error instanceof BadRequestError);
    assert.ok(!readable(error).includes(TOKEN), readable(error));
    assert.equal(error.detail, 'credentials Bearer [redacted] refused');
  });

  it('redacts the bare token even without "Bearer" before it', async () => {
    server.inject({ status: 404, body: JSON.stringify({ detail: `no resource for ${TOKEN}` }) });
    const error = await failureOf(client.listProjects(DEMO.organizations.demo.slug));
    assert.ok(error instanceof NotFoundError);
    assert.equal(error.detail, 'no resource for [redacted]');
    assert.ok(!readable(error).includes(TOKEN));
  });

  it('redacts a Sentry token that is not ours (sntryu_…) from a detail', async () => {
    server.inject({ status: 403, body: JSON.stringify({ detail: `token ${FOREIGN_USER_TOKEN} belongs to someone else` }) });
    const error = await failureOf(client.listIssues(DEMO.organizations.demo.slug));
    assert.ok(error instanceof PermissionError);
    assert.ok(!readable(error).includes(FOREIGN_USER_TOKEN), readable(error));
    assert.ok(!readable(error).includes('sntryu_'), readable(error));
    assert.match(error.message, /token \[redacted\] belongs to someone else/);
  });

  it('redacts before capping a long detail, so no head of the token survives the cut', async () => {
    const detail = `${'x'.repeat(290)} ${TOKEN}`;
    server.inject({ status: 400, body: JSON.stringify({ detail }) });
    const error = await failureOf(client.listOrganizations());
    assert.ok(!readable(error).includes(TOKEN.slice(0, 9)), error.detail);
  });

  it('redacts in every error, however it was made', () => {
    const error = new BadRequestError(`bad ${TOKEN} and ${FOREIGN_USER_TOKEN}`, 400, `Authorization: Bearer ${TOKEN}`);
    assert.equal(error.message, 'bad [redacted] and [redacted]');
    assert.equal(error.detail, 'Authorization: Bearer [redacted]');
    assert.ok(!(error.stack ?? '').includes(TOKEN));
  });
});
