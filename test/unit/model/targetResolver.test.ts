import * as assert from 'node:assert/strict';
import { SentryClient } from '../../../src/sentry/api/client';
import { parseOpenInput } from '../../../src/sentry/api/openInput';
import { NotFoundError } from '../../../src/sentry/http/errors';
import { silentLogger } from '../../../src/sentry/http/logger';
import { SentryData } from '../../../src/model/sentryData';
import { SentryLookups } from '../../../src/model/sentryLookups';
import { SentryStore } from '../../../src/model/store';
import { resolveTarget } from '../../../src/model/targetResolver';
import { DEMO } from '../../fixtures/demo';
import { shareIdOf } from '../../server/publicRoutes';
import { SentryTestServer, startSentryTestServer } from '../../server/sentryTestServer';

const DEMO_ORG = DEMO.organizations.demo.slug;
const ACME = DEMO.organizations.acme.slug;
const OUT_OF_STOCK = DEMO.issues.outOfStock;

describe('resolveTarget: a pasted id or link to its issue and event, over real HTTP', () => {
  let server: SentryTestServer;
  let data: SentryData;
  let lookups: SentryLookups;

  before(async () => {
    server = await startSentryTestServer({ port: 0 });
  });
  after(() => server.close());
  beforeEach(() => {
    server.reset();
    const client = new SentryClient({ baseUrl: server.url, token: DEMO.tokens.full });
    data = new SentryData(new SentryStore(), () => client, silentLogger);
    lookups = new SentryLookups(data, () => client);
  });

  const resolve = (input: string) => {
    const parsed = parseOpenInput(input);
    assert.ok(parsed.ok, input);
    return resolveTarget(parsed.target, { data, lookups });
  };
  const paths = () => server.requests.map((r) => r.path);

  it('a short id, in each organization in turn: a 404 means "not in this one"', async () => {
    const acmeIssue = (await new SentryClient({ baseUrl: server.url, token: DEMO.tokens.full }).listIssues(ACME, { query: '' })).items[0];
    server.reset();
    const resolved = await resolve(acmeIssue.shortId.toLowerCase());
    assert.deepEqual(resolved, { issue: { org: ACME, issueId: acmeIssue.id } });
    assert.deepEqual(paths(), [
      '/api/0/organizations/',
      `/api/0/organizations/${DEMO_ORG}/shortids/${acmeIssue.shortId}/`,
      `/api/0/organizations/${ACME}/shortids/${acmeIssue.shortId}/`,
    ]);
    assert.equal(data.store.issue(resolved.issue)?.shortId, acmeIssue.shortId, 'the look-up\'s issue is stored: no second request for it');
  });

  it('a numeric issue id, and an issue link naming its organization and latest event', async () => {
    assert.deepEqual(await resolve(OUT_OF_STOCK.id), { issue: { org: DEMO_ORG, issueId: OUT_OF_STOCK.id } });
    const link = `${server.url}/organizations/${DEMO_ORG}/issues/${OUT_OF_STOCK.id}/events/latest/?referrer=alert_email&alert_rule_id=7`;
    assert.deepEqual(await resolve(link), { issue: { org: DEMO_ORG, issueId: OUT_OF_STOCK.id }, event: { pinned: 'latest' } });
  });

  it('an event id alone, through /eventids/; with its project, through the project\'s event', async () => {
    const eventId = DEMO.issues.refundCurrency.latestEventId;
    assert.deepEqual(await resolve(eventId), {
      issue: { org: DEMO_ORG, issueId: DEMO.issues.refundCurrency.id },
      event: { eventId, project: DEMO.issues.refundCurrency.project },
    });
    assert.ok(paths().includes(`/api/0/organizations/${DEMO_ORG}/eventids/${eventId}/`));
    server.reset();
    const client = new SentryClient({ baseUrl: server.url, token: DEMO.tokens.full });
    data = new SentryData(new SentryStore(), () => client, silentLogger);
    lookups = new SentryLookups(data, () => client);
    assert.deepEqual(await resolve(`${DEMO.issues.refundCurrency.project}:${eventId}`), {
      issue: { org: DEMO_ORG, issueId: DEMO.issues.refundCurrency.id },
      event: { eventId, project: DEMO.issues.refundCurrency.project },
    });
    assert.ok(paths().includes(`/api/0/projects/${DEMO_ORG}/${DEMO.issues.refundCurrency.project}/events/${eventId}/`));
    assert.ok(!paths().some((p) => p.includes('/eventids/')), 'no look-up when the project is known');
  });

  it('a published issue\'s share link, through /shared/issues/', async () => {
    const resolved = await resolve(`${server.url}/share/issue/${shareIdOf(DEMO.issues.cartPrice.id)}/`);
    assert.deepEqual(resolved, { issue: { org: DEMO_ORG, issueId: DEMO.issues.cartPrice.id } });
  });

  it('nothing found says where it looked, naming the organizations', async () => {
    await assert.rejects(resolve('NOPE-123'), (error: unknown) => {
      assert.ok(error instanceof NotFoundError);
      assert.match(error.message, /no issue NOPE-123 in the organizations this token can see \(demo-org, acme\)/);
      return true;
    });
  });

  it('a named organization is asked first, and its region is used', async () => {
    const region = await startSentryTestServer({ port: 0, servesOrgs: [ACME] });
    const control = await startSentryTestServer({ port: 0, regionUrls: { [ACME]: region.url }, servesOrgs: [DEMO_ORG] });
    try {
      const client = new SentryClient({ baseUrl: control.url, token: DEMO.tokens.full });
      const regional = new SentryData(new SentryStore(), () => client, silentLogger);
      const acmeIssue = (await new SentryClient({ baseUrl: server.url, token: DEMO.tokens.full }).listIssues(ACME, { query: '' })).items[0];
      const parsed = parseOpenInput(`https://acme.sentry.io/issues/${acmeIssue.shortId}/`);
      assert.ok(parsed.ok);
      const resolved = await resolveTarget(parsed.target, { data: regional, lookups: new SentryLookups(regional, () => client) });
      assert.deepEqual(resolved.issue, { org: ACME, issueId: acmeIssue.id });
      assert.deepEqual(region.requests.map((r) => r.path)[0], `/api/0/organizations/${ACME}/shortids/${acmeIssue.shortId}/`, 'the look-up went to the region, first');
      assert.ok(!control.requests.some((r) => r.path.includes('/shortids/')), 'never to the control server');
    } finally {
      await region.close();
      await control.close();
    }
  });
});

describe('SentryLookups: assignees, the current user and issue counts, over real HTTP', () => {
  let server: SentryTestServer;
  let data: SentryData;
  let lookups: SentryLookups;

  before(async () => {
    server = await startSentryTestServer({ port: 0 });
  });
  after(() => server.close());
  beforeEach(() => {
    server.reset();
    const client = new SentryClient({ baseUrl: server.url, token: DEMO.tokens.readOnly });
    data = new SentryData(new SentryStore(), () => client, silentLogger);
    lookups = new SentryLookups(data, () => client);
  });

  it('whom an issue can be assigned to: the project\'s users (org:read) and teams (project:read), no member:read needed', async () => {
    const assignees = await lookups.assignees({ org: DEMO_ORG, issueId: OUT_OF_STOCK.id });
    assert.deepEqual(
      assignees.map((a) => [a.actor, a.name, a.detail]),
      [
        ['user:1', 'Jane Doe', 'jane@demo.test'],
        ['user:2', 'Omar Haddad', 'omar@demo.test'],
        ['user:3', 'Ines Costa', 'ines@demo.test'],
        ['team:11', '#backend', 'Backend'],
      ],
    );
    const users = server.requests.find((r) => r.path === `/api/0/organizations/${DEMO_ORG}/users/`);
    assert.deepEqual(users?.query.project, [DEMO.projects.apiServer.id]);
    assert.ok(server.requests.some((r) => r.path === `/api/0/projects/${DEMO_ORG}/${DEMO.projects.apiServer.slug}/teams/`));
    assert.equal(lookups.knownName('team:11'), '#backend');
  });

  it('the user the token belongs to, from GET /api/0/, asked once', async () => {
    const me = await lookups.currentUser();
    assert.deepEqual(me, { id: '1', name: 'Jane Doe', email: 'jane@demo.test' });
    await lookups.currentUser();
    assert.equal(server.requests.filter((r) => r.path === '/api/0/').length, 1);
  });

  it('an organization token has no user: "Assign to Me" says why it cannot work', async () => {
    const client = new SentryClient({ baseUrl: server.url, token: DEMO.tokens.orgCi });
    const orgData = new SentryData(new SentryStore(), () => client, silentLogger);
    await assert.rejects(new SentryLookups(orgData, () => client).currentUser(), /did not say which user this token belongs to/);
  });

  it('a project\'s unresolved count: one request, limit=1, read from X-Hits', async () => {
    const counted = await lookups.countIssues({ org: DEMO_ORG, project: DEMO.projects.apiServer.slug }, 'is:unresolved');
    assert.deepEqual(counted, { count: DEMO.counts.apiServerUnresolved, atLeast: false });
    const counts = server.requests.filter((r) => r.path === `/api/0/organizations/${DEMO_ORG}/issues/`);
    assert.equal(counts.length, 1);
    assert.deepEqual(counts[0].query.limit, ['1']);
    assert.deepEqual(counts[0].query.project, [DEMO.projects.apiServer.id], 'the project id, read from its organization\'s project list');
  });

  it('a count capped by Sentry (X-Hits = X-Max-Hits) reads as "at least"', async () => {
    server.inject({ match: '/issues/', headers: { 'X-Hits': '1000', 'X-Max-Hits': '1000' } });
    await data.listProjects({ org: DEMO_ORG }, undefined);
    const counted = await lookups.countIssues({ org: DEMO_ORG, project: DEMO.projects.apiServer.slug }, 'is:unresolved');
    assert.deepEqual(counted, { count: 1000, atLeast: true });
  });
});
