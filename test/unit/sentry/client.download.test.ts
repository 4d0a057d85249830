import * as assert from 'node:assert/strict';
import { SentryClient } from '../../../src/sentry/api/client';
import { NotFoundError } from '../../../src/sentry/http/errors';
import { readRateLimitHeaders } from '../../../src/sentry/http/rateLimitHeaders';
import { DEMO } from '../../fixtures/demo';
import { SentryTestServer, startSentryTestServer } from '../../server/sentryTestServer';

const ORG = DEMO.organizations.demo.slug;
const BULK = DEMO.issues.redisBulk;

describe('SentryClient: what the download needs (issue 10)', () => {
  let server: SentryTestServer;
  let client: SentryClient;

  before(async () => {
    server = await startSentryTestServer();
  });
  after(() => server.close());
  beforeEach(() => {
    server.reset();
    client = new SentryClient({ baseUrl: server.url, token: DEMO.tokens.full });
  });

  it('reads a page of full events as sent, with start/end, the echoed cursor, and the rate-limit headers; nothing cached', async () => {
    const range = { start: '2026-03-10T00:00:00Z', end: '2026-03-12T00:00:00Z' };
    const first = await client.issueEventsPage(ORG, BULK.id, range);
    assert.equal(first.items.length, 100);
    const events = first.items.map((item) => JSON.parse(Buffer.concat(item.pieces).toString('utf8')) as { eventID: string; dateCreated: string; entries: unknown });
    assert.ok(Array.isArray(events[0].entries), 'full events');
    for (const event of events) assert.ok(event.dateCreated >= range.start.replace('Z', '') && event.dateCreated < range.end);
    assert.deepEqual(
      first.items.map((item) => [item.id, item.time]),
      events.map((event) => [event.eventID, event.dateCreated]),
      'the id and time read from the bytes',
    );
    assert.deepEqual(first.rateLimit && Object.keys(first.rateLimit).sort(), ['concurrentLimit', 'concurrentRemaining', 'limit', 'remaining', 'resetAtMs']);
    const second = await client.issueEventsPage(ORG, BULK.id, { ...range, cursor: first.nextCursor });
    assert.notEqual(second.items[0].id, first.items[0].id);
    await client.issueEventsPage(ORG, BULK.id, range);
    const sent = server.requests.filter((r) => r.path.endsWith('/events/'));
    assert.equal(sent.length, 3, 'the same page asked twice is fetched twice');
    assert.deepEqual(sent[1].query.cursor, [first.nextCursor]);
    assert.deepEqual(sent[0].query.full, ['true']);
    assert.deepEqual(sent[0].query.start, [range.start]);
  });

  it('ends the list, with no cursor, when the next link is on another origin', async () => {
    server.inject({ match: '/events/', linkOrigin: 'https://evil.example.test' });
    const page = await client.issueEventsPage(ORG, BULK.id, {});
    assert.equal(page.nextCursor, undefined);
    assert.deepEqual(page.end, { kind: 'foreignLink', origin: 'https://evil.example.test' });
  });

  it('counts an issue\'s events in a range and environment, and finds an issue by short id', async () => {
    const all = await client.countIssueEvents(ORG, BULK.id, {});
    assert.equal(all, BULK.eventCount);
    const some = await client.countIssueEvents(ORG, BULK.id, { start: '2026-03-10T00:00:00Z', end: '2026-03-12T00:00:00Z', environment: 'production' });
    assert.ok(some !== undefined && some > 0 && some < BULK.eventCount, String(some));
    const issue = await client.getIssueByShortId(ORG, BULK.shortId);
    assert.equal(issue.id, BULK.id);
    await assert.rejects(client.getIssueByShortId(ORG, 'NOPE-1'), NotFoundError);
  });

  it('reads rate-limit headers leniently', () => {
    const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name.toLowerCase()] ?? null });
    assert.equal(readRateLimitHeaders(headers({})), undefined);
    assert.deepEqual(readRateLimitHeaders(headers({ 'x-sentry-rate-limit-remaining': '7', 'x-sentry-rate-limit-reset': '1700000000', 'x-sentry-rate-limit-limit': 'lots' })), {
      limit: undefined,
      remaining: 7,
      resetAtMs: 1_700_000_000_000,
      concurrentLimit: undefined,
      concurrentRemaining: undefined,
    });
  });
});
