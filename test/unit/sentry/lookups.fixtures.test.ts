import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SentryClient } from '../../../src/sentry/api/client';
import { lookUpEventId, lookUpShortId } from '../../../src/sentry/api/lookups';
import { DEMO } from '../../fixtures/demo';
import { SentryTestServer, startSentryTestServer } from '../../server/sentryTestServer';
import { sharedFixture, withSharedFixtures } from '../fixturePaths';

/** Sentry's own look-up answers (its OpenAPI examples), served as the body of a real HTTP answer. */
withSharedFixtures('look-ups read Sentry\'s own short-id and event-id answers', (test) => {
  let server: SentryTestServer;
  let client: SentryClient;

  before(async () => {
    server = await startSentryTestServer({ port: 0 });
    client = new SentryClient({ baseUrl: server.url, token: DEMO.tokens.full });
  });
  after(() => server.close());

  test('the short-id look-up (api-shortid-lookup.openapi.json)', async () => {
    server.inject({ match: '/shortids/', body: readFileSync(sharedFixture('api-shortid-lookup.openapi.json'), 'utf8') });
    const found = await lookUpShortId(client, 'the-interstellar-jurisdiction', 'PUMP-STATION-1');
    assert.equal(found.org, 'the-interstellar-jurisdiction');
    assert.equal(found.project, 'pump-station');
    assert.equal(found.issueId, '1');
    assert.equal(found.issue?.shortId, 'PUMP-STATION-1');
  });

  test('the event-id look-up (api-eventid-lookup.openapi.json)', async () => {
    server.inject({ match: '/eventids/', body: readFileSync(sharedFixture('api-eventid-lookup.openapi.json'), 'utf8') });
    const found = await lookUpEventId(client, 'the-interstellar-jurisdiction', '0123456789abcdef0123456789abcdef');
    assert.equal(found.org, 'the-interstellar-jurisdiction');
    assert.equal(found.project, 'pump-station');
    assert.equal(found.issueId, '1');
    assert.ok(found.event, 'the event it carries is read too');
  });
});
