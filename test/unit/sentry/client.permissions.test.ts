import * as assert from 'node:assert/strict';
import { SentryClient } from '../../../src/sentry/api/client';
import { PermissionError } from '../../../src/sentry/http/errors';
import { scopesFromChallenge, scopesNamedIn } from '../../../src/sentry/http/scopes';
import { checkToken } from '../../../src/sentry/api/tokenCheck';
import { DEMO } from '../../fixtures/demo';
import { SentryTestServer, startSentryTestServer } from '../../server/sentryTestServer';

const ORG = DEMO.organizations.demo.slug;

async function forbidden(promise: Promise<unknown>): Promise<PermissionError> {
  const error = await promise.then(
    () => assert.fail('expected a 403'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof PermissionError, String(error));
  return error;
}

describe('SentryClient: a 403 names the scope the server says is missing, and only that (issue 6, point 15)', () => {
  let server: SentryTestServer;
  let client: SentryClient;

  before(async () => {
    server = await startSentryTestServer({ port: 0 });
  });
  after(() => server.close());
  beforeEach(() => {
    server.reset();
    client = new SentryClient({ baseUrl: server.url, token: 'demo-token' });
  });

  it('takes the scope from the WWW-Authenticate challenge first', async () => {
    server.inject({
      match: '/issues/',
      status: 403,
      headers: { 'WWW-Authenticate': 'Bearer error="insufficient_scope", scope="event:admin"' },
      body: JSON.stringify({ detail: 'Needs project:write here' }),
    });
    const error = await forbidden(client.listIssues(ORG));
    assert.equal(error.missingScope, 'event:admin');
    assert.match(error.message, /needs the "event:admin" scope\. Sentry said: "Needs project:write here"\./);
  });

  it('lists every scope a challenge accepts', async () => {
    server.inject({ match: '/issues/', status: 403, headers: { 'WWW-Authenticate': 'Bearer error="insufficient_scope", scope="event:write event:admin"' } });
    const error = await forbidden(client.listIssues(ORG));
    assert.equal(error.missingScope, 'event:write');
    assert.match(error.message, /needs one of these scopes: event:write, event:admin\./);
  });

  it('else the scope the detail names, not the endpoint\'s usual one', async () => {
    server.inject({ match: '/issues/', status: 403, body: JSON.stringify({ detail: 'This token lacks the project:releases scope.' }) });
    const error = await forbidden(client.listIssues(ORG));
    assert.equal(error.missingScope, 'project:releases');
    assert.match(error.message, /needs the "project:releases" scope/);
    assert.doesNotMatch(error.message, /event:read/);
  });

  it('else guesses no scope: says what Sentry said and what browsing needs', async () => {
    server.inject({ match: '/issues/', status: 403 });
    const error = await forbidden(client.listIssues(ORG));
    assert.equal(error.missingScope, undefined);
    assert.match(error.message, /refused this request \(403\)\. Sentry said: "You do not have permission to perform this action\."/);
    assert.match(error.message, /Browsing needs a token with the org:read, project:read and event:read scopes/);
    assert.doesNotMatch(error.message, /needs the "/);
  });

  it('says Sentry gave no reason when it gave none, and ignores a challenge scope that is not a scope', async () => {
    server.inject({ match: '/issues/', status: 403, body: '', headers: { 'WWW-Authenticate': 'Bearer scope="[run](command:workbench.action.terminal.new)"' } });
    const error = await forbidden(client.listIssues(ORG));
    assert.equal(error.missingScope, undefined);
    assert.match(error.message, /refused this request \(403\)\. Sentry gave no reason\./);
    assert.doesNotMatch(error.message, /command:/);
  });

  it('Sign In\'s check repeats the server\'s words instead of a guessed scope', async () => {
    server.inject({ match: '/projects/', status: 403 });
    const result = await checkToken(server.url, 'demo-token');
    assert.ok(!result.ok);
    assert.doesNotMatch(result.message, /lacks the/);
    assert.match(result.message, /You do not have permission to perform this action/);
  });
});

describe('scopes', () => {
  it('reads the scopes of an RFC 6750 challenge, each a scope token', () => {
    assert.deepEqual(scopesFromChallenge('Bearer error="insufficient_scope", scope="event:read"'), ['event:read']);
    assert.deepEqual(scopesFromChallenge('Bearer realm="sentry", scope="org:read  project:read"'), ['org:read', 'project:read']);
    assert.deepEqual(scopesFromChallenge('Bearer scope="x y:z:w <img>"'), []);
    assert.deepEqual(scopesFromChallenge(null), []);
  });

  it('finds Sentry scope names in free text, each once', () => {
    assert.deepEqual(scopesNamedIn('Missing scope org:ci; needs org:ci or project:releases (see https://x)'), ['org:ci', 'project:releases']);
    assert.deepEqual(scopesNamedIn('You do not have permission to perform this action.'), []);
    assert.deepEqual(scopesNamedIn(undefined), []);
  });
});
