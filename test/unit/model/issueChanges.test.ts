import * as assert from 'node:assert/strict';
import { SentryClient } from '../../../src/sentry/api/client';
import { BadRequestError, PermissionError } from '../../../src/sentry/http/errors';
import { silentLogger } from '../../../src/sentry/http/logger';
import { issueChange, parseCount, parseDuration, readIgnoreChoice } from '../../../src/model/issueChanges';
import type { IssueRef } from '../../../src/model/refs';
import { SentryData } from '../../../src/model/sentryData';
import { SentryStore } from '../../../src/model/store';
import { issueContextValue, statusText } from '../../../src/views/issueState';
import { DEMO } from '../../fixtures/demo';
import { SentryTestServer, startSentryTestServer } from '../../server/sentryTestServer';

const ORG = DEMO.organizations.demo.slug;
const OUT_OF_STOCK: IssueRef = { org: ORG, issueId: DEMO.issues.outOfStock.id };
const NOW = Date.parse('2026-03-10T12:00:00Z');

describe('issue actions as API changes (no VS Code)', () => {
  it('each action sends what Sentry\'s web UI sends', () => {
    assert.deepEqual(issueChange({ kind: 'resolve' }).update, { status: 'resolved' });
    assert.deepEqual(issueChange({ kind: 'resolveInNextRelease' }).update, { status: 'resolved', statusDetails: { inNextRelease: true } });
    assert.deepEqual(issueChange({ kind: 'unresolve' }).update, { status: 'unresolved', substatus: 'ongoing' });
    assert.deepEqual(issueChange({ kind: 'ignore', ignore: 'forever' }).update, { status: 'ignored', substatus: 'archived_forever', statusDetails: {} });
    assert.deepEqual(issueChange({ kind: 'ignore', ignore: 'untilEscalating' }).update, { status: 'ignored', substatus: 'archived_until_escalating', statusDetails: {} });
    assert.deepEqual(issueChange({ kind: 'ignore', ignore: { forDuration: 60 } }).update, {
      status: 'ignored',
      substatus: 'archived_until_condition_met',
      statusDetails: { ignoreDuration: 60 },
    });
    assert.deepEqual(issueChange({ kind: 'ignore', ignore: { untilCount: 100, window: 60 } }).update.statusDetails, { ignoreCount: 100, ignoreWindow: 60 });
    assert.deepEqual(issueChange({ kind: 'ignore', ignore: { untilUserCount: 5 } }).update.statusDetails, { ignoreUserCount: 5 });
    assert.deepEqual(issueChange({ kind: 'assign', actor: 'user:2', name: 'Omar' }).update, { assignedTo: 'user:2' });
    assert.deepEqual(issueChange({ kind: 'assign', actor: null }).update, { assignedTo: '' });
    assert.deepEqual(issueChange({ kind: 'bookmark', bookmarked: true }).update, { isBookmarked: true });
  });

  it('and says what the issue will look like, in words too', () => {
    const ignored = issueChange({ kind: 'ignore', ignore: { forDuration: 120 } }, NOW);
    assert.equal(ignored.shows.status, 'ignored');
    assert.equal(ignored.shows.ignoredUntil, '2026-03-10T14:00:00.000Z');
    assert.equal(ignored.done, 'ignored for 2 hours');
    assert.equal(issueChange({ kind: 'ignore', ignore: { untilCount: 1, window: 10_080 } }).done, 'ignored until it happens 1 more time within 1 week');
    assert.deepEqual(issueChange({ kind: 'assign', actor: 'team:11', name: '#backend' }).shows, { assignedTo: 'team:11', assignee: '#backend' });
    assert.equal(issueChange({ kind: 'resolveInNextRelease' }).shows.resolvedInNextRelease, true);
  });

  it('reads an ignore choice given by a caller, refusing what Sentry would not take', () => {
    assert.equal(readIgnoreChoice('forever'), 'forever');
    assert.deepEqual(readIgnoreChoice({ forDuration: 60 }), { forDuration: 60 });
    assert.deepEqual(readIgnoreChoice({ untilCount: 100, window: 60 }), { untilCount: 100, window: 60 });
    assert.deepEqual(readIgnoreChoice({ untilUserCount: 3 }), { untilUserCount: 3 });
    for (const bad of [undefined, null, 'always', 60, {}, { forDuration: 0 }, { forDuration: -5 }, { forDuration: 1.5 }, { forDuration: '60' }, { untilCount: 10, window: 20_000 }, { forDuration: 60, untilCount: 3 }, { forDuration: 60, window: 5 }, [60]]) {
      assert.equal(readIgnoreChoice(bad), undefined, JSON.stringify(bad));
    }
    const crafted = Object.create({ forDuration: 60 }) as object;
    assert.equal(readIgnoreChoice(crafted), undefined, 'nothing read from a prototype');
  });

  it('rows carry the flags the menus match, and a status in words', () => {
    const base = { id: '1', shortId: 'A-1', title: 't', culprit: '', level: 'error' as const, count: 1, userCount: 1 };
    assert.equal(issueContextValue({ ...base, status: 'unresolved' }), 'issue.unresolved.unbookmarked.unassigned');
    assert.equal(issueContextValue({ ...base, status: 'resolved', isBookmarked: true, assignedTo: 'user:1' }), 'issue.resolved.bookmarked.assigned');
    assert.equal(issueContextValue({ ...base, status: 'ignored' }), 'issue.ignored.unbookmarked.unassigned');
    assert.equal(issueContextValue({ ...base, status: 'reprocessing' }), 'issue.other.unbookmarked.unassigned');
    assert.equal(statusText({ ...base, status: 'unresolved' }), undefined);
    assert.equal(statusText({ ...base, status: 'resolved', resolvedInNextRelease: true }), 'resolved in the next release');
    assert.equal(statusText({ ...base, status: 'ignored', ignoredUntilCount: 100 }), 'ignored until 100 more events');
    assert.match(statusText({ ...base, status: 'ignored', ignoredUntil: '2026-03-10T12:30:00Z' }, NOW) ?? '', /^ignored until \d\d:\d\d/);
    assert.match(statusText({ ...base, status: 'ignored', ignoredUntil: '2026-03-12T14:00:00Z' }, NOW) ?? '', /^ignored until \S+ \d\d?, \d\d:\d\d/, 'another day is named');
    assert.equal(statusText({ ...base, status: 'ignored', substatus: 'archived_until_escalating' }), 'ignored until it escalates');
  });
});

describe('issue actions through the data service, over real HTTP', () => {
  let server: SentryTestServer;

  before(async () => {
    server = await startSentryTestServer({ port: 0 });
  });
  after(() => server.close());
  beforeEach(() => server.reset());

  function dataWith(token: string): { data: SentryData; client: SentryClient } {
    const client = new SentryClient({ baseUrl: server.url, token });
    return { data: new SentryData(new SentryStore(), () => client, silentLogger), client };
  }

  it('ignore for an hour: shown at once, then Sentry\'s answer with the time it ends', async () => {
    const { data } = dataWith(DEMO.tokens.full);
    await data.getIssue(OUT_OF_STOCK);
    const change = issueChange({ kind: 'ignore', ignore: { forDuration: 60 } });
    const pending = data.updateIssue(OUT_OF_STOCK, change.update, { shows: change.shows });
    assert.equal(data.store.issue(OUT_OF_STOCK)?.status, 'ignored', 'before Sentry answers');
    assert.ok(data.store.issue(OUT_OF_STOCK)?.ignoredUntil);
    const answered = await pending;
    assert.equal(answered.status, 'ignored');
    assert.equal(answered.substatus, 'archived_until_condition_met');
    const until = Date.parse(answered.ignoredUntil ?? '');
    assert.ok(Math.abs(until - (Date.now() + 3_600_000)) < 60_000, answered.ignoredUntil);
  });

  it('assign to a person: the name shows at once; Sentry\'s answer names the actor', async () => {
    const { data } = dataWith(DEMO.tokens.full);
    await data.getIssue(OUT_OF_STOCK);
    const change = issueChange({ kind: 'assign', actor: 'user:2', name: 'Omar Haddad' });
    const pending = data.updateIssue(OUT_OF_STOCK, change.update, { shows: change.shows });
    assert.equal(data.store.issue(OUT_OF_STOCK)?.assignee, 'Omar Haddad');
    const answered = await pending;
    assert.equal(answered.assignedTo, 'user:2');
    assert.equal(answered.assignee, 'Omar Haddad');
    const unassigned = await data.updateIssue(OUT_OF_STOCK, issueChange({ kind: 'assign', actor: null }).update);
    assert.equal(unassigned.assignee, undefined);
  });

  it('a token without event:write: the store rolls back and the error names the scope', async () => {
    const { data } = dataWith(DEMO.tokens.readOnly);
    const before = await data.getIssue(OUT_OF_STOCK);
    const change = issueChange({ kind: 'resolve' });
    await assert.rejects(data.updateIssue(OUT_OF_STOCK, change.update, { shows: change.shows }), (error: unknown) => {
      assert.ok(error instanceof PermissionError);
      assert.equal(error.missingScope, 'event:write');
      return true;
    });
    assert.deepEqual(data.store.issue(OUT_OF_STOCK), before);
  });

  it('Resolve in Next Release on a project without releases: Sentry\'s field error reaches the message', async () => {
    const { data, client } = dataWith(DEMO.tokens.full);
    const acmeIssue = (await client.listIssues(DEMO.organizations.acme.slug, { query: '' })).items[0];
    const ref = { org: DEMO.organizations.acme.slug, issueId: acmeIssue.id };
    await data.getIssue(ref);
    await assert.rejects(data.updateIssue(ref, issueChange({ kind: 'resolveInNextRelease' }).update), (error: unknown) => {
      assert.ok(error instanceof BadRequestError);
      assert.match(error.message, /statusDetails\.inNextRelease: No release data present in the system to form a basis for 'Next Release'/);
      return true;
    });
    assert.equal(data.store.issue(ref)?.status, acmeIssue.status, 'rolled back');
  });

  it('a change drops the cached answers that held the issue\'s old state, and only those', async () => {
    const { data, client } = dataWith(DEMO.tokens.full);
    const project = { org: ORG, project: DEMO.projects.apiServer.slug };
    await data.listProjects({ org: ORG }, undefined);
    await data.listIssues({ org: ORG }, { project, query: 'is:unresolved' });
    await client.getIssue(ORG, OUT_OF_STOCK.issueId);
    await client.listIssueEvents(ORG, OUT_OF_STOCK.issueId, { perPage: 5 });
    await client.listIssues(ORG, { project: DEMO.projects.payments.id, query: '' });
    await data.updateIssue(OUT_OF_STOCK, { status: 'resolved' });
    server.requests.length = 0;

    await data.listIssues({ org: ORG }, { project, query: 'is:unresolved' });
    await client.getIssue(ORG, OUT_OF_STOCK.issueId);
    await client.listIssues(ORG, { project: DEMO.projects.payments.id, query: '' });
    assert.deepEqual(
      server.requests.map((r) => r.path),
      [`/api/0/organizations/${ORG}/issues/`, `/api/0/organizations/${ORG}/issues/${OUT_OF_STOCK.issueId}/`, `/api/0/organizations/${ORG}/issues/`],
      'the lists and the issue are asked again',
    );
    server.requests.length = 0;
    await client.listIssueEvents(ORG, OUT_OF_STOCK.issueId, { perPage: 5 });
    await client.listProjects(ORG);
    assert.deepEqual(server.requests, [], 'its events and the projects stay cached');
  });
});

describe('what a user types for "Ignore For…" and "Until It Happens N More Times…"', () => {
  it('durations with a unit, minutes without', () => {
    assert.equal(parseDuration('45m'), 45);
    assert.equal(parseDuration(' 6h '), 360);
    assert.equal(parseDuration('3 days'), 4320);
    assert.equal(parseDuration('2w'), 20_160);
    assert.equal(parseDuration('90'), 90);
    for (const bad of ['', 'soon', '0m', '-5m', '1.5h', '2y', '9999999']) assert.equal(parseDuration(bad), undefined, bad);
  });

  it('counts, with a window of at most a week', () => {
    assert.deepEqual(parseCount('500'), { untilCount: 500 });
    assert.deepEqual(parseCount('500 in 1h'), { untilCount: 500, window: 60 });
    for (const bad of ['', '0', 'ten', '500 in 2w', '500 in soon']) assert.equal(parseCount(bad), undefined, bad);
  });
});
