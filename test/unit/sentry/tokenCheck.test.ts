import * as assert from 'node:assert/strict';
import { checkToken } from '../../../src/sentry/api/tokenCheck';
import { DEFAULT_TOKENS, SentryTestServer, startSentryTestServer } from '../../server/sentryTestServer';

describe('checkToken (what Sign In tells the user)', () => {
  let server: SentryTestServer;
  before(async () => (server = await startSentryTestServer({ port: 0 })));
  after(() => server.close());
  beforeEach(() => server.reset());

  it('accepts a token that can browse, and lists its organizations', async () => {
    const result = await checkToken(server.url, 'demo-token');
    assert.equal(result.ok, true);
    assert.ok(result.ok && result.organizations.length === 2);
  });

  it('says the token was rejected (401)', async () => {
    const result = await checkToken(server.url, 'wrong');
    assert.ok(!result.ok && /rejected the token/.test(result.message), JSON.stringify(result));
  });

  it('names the missing scope', async () => {
    const result = await checkToken(server.url, 'token-without-event-read');
    assert.ok(!result.ok && /lacks the event:read scope/.test(result.message), JSON.stringify(result));
  });

  it('explains that an organization token (sntrys_) cannot read issues, and what to make instead', async () => {
    const orgToken = Object.keys(DEFAULT_TOKENS).find((t) => t.startsWith('sntrys_'));
    assert.ok(orgToken);
    const result = await checkToken(server.url, orgToken);
    assert.ok(!result.ok && /organization auth token/.test(result.message) && /User Auth Token/.test(result.message), JSON.stringify(result));
  });

  it('says when the URL is not a Sentry server', async () => {
    server.inject({ html: true });
    const result = await checkToken(server.url, 'demo-token');
    assert.ok(!result.ok && /web page/.test(result.message));
  });

  it('says when the host cannot be reached', async () => {
    const result = await checkToken('http://127.0.0.1:9', 'demo-token');
    assert.ok(!result.ok && /Could not reach/.test(result.message));
  });
});
