import * as assert from 'node:assert/strict';
import { SentryClient } from '../../../src/sentry/api/client';
import type { Issue } from '../../../src/sentry/api/types';
import { PermissionError } from '../../../src/sentry/http/errors';
import { silentLogger } from '../../../src/sentry/http/logger';
import type { IssueRef } from '../../../src/model/refs';
import { RowIndex, rerenderIssueRows } from '../../../src/model/rowIndex';
import { SentryData } from '../../../src/model/sentryData';
import { IssueUpdated, SentryStore } from '../../../src/model/store';
import { issueKey } from '../../../src/model/refs';
import { DEMO } from '../../fixtures/demo';
import { SentryTestServer, startSentryTestServer } from '../../server/sentryTestServer';

const WRITER = 'writer-token-0123456789';
const READER = 'reader-token-0123456789';
const ORG = { org: DEMO.organizations.demo.slug };
const PROJECT = { org: ORG.org, project: DEMO.projects.apiServer.slug };
const OUT_OF_STOCK: IssueRef = { org: ORG.org, issueId: DEMO.issues.outOfStock.id };

describe('SentryData: the store filled from the client, over real HTTP', () => {
  let server: SentryTestServer;

  before(async () => {
    server = await startSentryTestServer({
      port: 0,
      tokens: { [WRITER]: ['org:read', 'project:read', 'event:read', 'event:write'], [READER]: ['org:read', 'project:read', 'event:read'] },
    });
  });
  after(() => server.close());
  beforeEach(() => server.reset());

  function dataWith(token: string): SentryData {
    const client = new SentryClient({ baseUrl: server.url, token });
    return new SentryData(new SentryStore(), () => client, silentLogger);
  }

  async function listed(data: SentryData): Promise<IssueRef[]> {
    await data.listProjects(ORG, undefined);
    return (await data.listIssues(ORG, { project: PROJECT, query: 'is:unresolved', limit: 100 })).items;
  }

  it('lists hold refs; the issues themselves are in the store, keyed by organization and id', async () => {
    const data = dataWith(WRITER);
    const refs = await listed(data);
    assert.ok(refs.length > 25);
    assert.deepEqual(Object.keys(refs[0]).sort(), ['issueId', 'org']);
    assert.equal(data.store.issue(OUT_OF_STOCK)?.shortId, DEMO.issues.outOfStock.shortId);
    const requests = server.requests.length;
    assert.equal((await data.getIssue(OUT_OF_STOCK)).shortId, DEMO.issues.outOfStock.shortId);
    assert.equal(server.requests.length, requests, 'a stored issue costs no request');
  });

  it('gets an issue and an event no list has loaded (opened by URL, say), and stores them', async () => {
    const data = dataWith(WRITER);
    const issue = await data.getIssue(OUT_OF_STOCK);
    assert.equal(issue.shortId, DEMO.issues.outOfStock.shortId);
    const ref = { org: ORG.org, project: PROJECT.project, eventId: DEMO.issues.outOfStock.latestEventId };
    const event = await data.getEvent(ref);
    assert.equal(event.eventId, ref.eventId);
    assert.ok(event.hasDetail);
    assert.ok(server.requests.some((r) => r.path === `/api/0/projects/${ORG.org}/${PROJECT.project}/events/${ref.eventId}/`), 'through its project');
    assert.equal(data.store.event(ref), event);
  });

  it("an issue's pinned and listed events are stored under their own ids, with the issue's project", async () => {
    const data = dataWith(WRITER);
    const latest = await data.getPinnedEvent(OUT_OF_STOCK, 'latest');
    assert.deepEqual(latest, { org: ORG.org, project: PROJECT.project, eventId: DEMO.issues.outOfStock.latestEventId, issueId: OUT_OF_STOCK.issueId });
    const page = await data.listIssueEvents(OUT_OF_STOCK, { perPage: 5 });
    assert.equal(page.items.length, 5);
    assert.ok(page.items.every((ref) => data.store.event(ref)?.hasDetail));
  });

  describe('updateIssue: optimistic, with rollback on refusal', () => {
    it('shows the change at once, then takes Sentry\'s answer; Sentry has it too', async () => {
      const data = dataWith(WRITER);
      await listed(data);
      const seen: IssueUpdated[] = [];
      data.store.onDidUpdateIssue((update) => seen.push(update));
      const pending = data.updateIssue(OUT_OF_STOCK, { status: 'resolved', isBookmarked: true });
      assert.equal(data.store.issue(OUT_OF_STOCK)?.status, 'resolved', 'the store shows it before Sentry answers');
      assert.equal(data.store.issue(OUT_OF_STOCK)?.isBookmarked, true);
      const answered = await pending;
      assert.equal(answered.status, 'resolved');
      assert.equal(seen[0].previous?.status, 'unresolved');
      const put = server.requests.find((r) => r.method === 'PUT');
      assert.ok(put, 'a PUT was sent');
      const fresh = await dataWith(WRITER).getIssue(OUT_OF_STOCK, { refresh: true });
      assert.equal(fresh.status, 'resolved', 'the server changed the issue');
      assert.equal(fresh.isBookmarked, true);
    });

    it('puts back what the store had when Sentry refuses (no event:write), and says why', async () => {
      const data = dataWith(READER);
      await listed(data);
      const before: Issue | undefined = data.store.issue(OUT_OF_STOCK);
      const statuses: string[] = [];
      data.store.onDidUpdateIssue(({ issue }) => statuses.push(issue.status));
      await assert.rejects(data.updateIssue(OUT_OF_STOCK, { status: 'ignored' }), PermissionError);
      assert.deepEqual(statuses, ['ignored', 'unresolved'], 'shown at once, then rolled back');
      assert.deepEqual(data.store.issue(OUT_OF_STOCK), before);
    });

    it('a rollback leaves alone a field a later change has set since', async () => {
      const data = dataWith(READER);
      await listed(data);
      server.inject({ match: '/issues/', delayMs: 300 });
      const refused = data.updateIssue(OUT_OF_STOCK, { isBookmarked: true });
      data.store.patchIssue(OUT_OF_STOCK, { isBookmarked: false, status: 'resolved' });
      await assert.rejects(refused);
      assert.equal(data.store.issue(OUT_OF_STOCK)?.isBookmarked, false);
      assert.equal(data.store.issue(OUT_OF_STOCK)?.status, 'resolved');
    });
  });

  it('a change to an issue re-renders exactly the rows showing it', async () => {
    const data = dataWith(WRITER);
    const [first, second] = await listed(data);
    const rows = new RowIndex<string>();
    rows.add(issueKey(first), 'project list row of the first issue');
    rows.add(issueKey(first), 'search result row of the first issue');
    rows.add(issueKey(second), 'project list row of the second issue');
    const rendered: string[][] = [];
    rerenderIssueRows(data.store, rows, (shown) => rendered.push([...shown].sort()));
    await data.updateIssue(first, { status: 'resolved' });
    assert.ok(rendered.length >= 1);
    for (const batch of rendered) assert.deepEqual(batch, ['project list row of the first issue', 'search result row of the first issue']);
  });
});
