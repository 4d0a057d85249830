import * as assert from 'node:assert/strict';
import type { Issue } from '../../../src/sentry/api/types';
import type { SentryEvent } from '../../../src/sentry/event/eventModel';
import { RowIndex, rerenderIssueRows } from '../../../src/model/rowIndex';
import { EventLoaded, IssueRemoved, IssueUpdated, SentryStore, issueListKey } from '../../../src/model/store';
import { issueKey } from '../../../src/model/refs';

function issue(id: string, fields: Partial<Issue> = {}): Issue {
  return { id, shortId: `P-${id}`, title: `Issue ${id}`, culprit: '', level: 'error', status: 'unresolved', count: 1, userCount: 1, ...fields };
}

function event(eventId: string): SentryEvent {
  return { eventId, title: 'x', tags: [], exceptions: [], threads: [], breadcrumbs: [], contexts: {}, extra: {}, form: 'api', hasDetail: true, problems: [] };
}

describe('SentryStore (no VS Code)', () => {
  it('keys issues by organization and id, events by organization, project and id', () => {
    const store = new SentryStore();
    const a = store.putIssue('demo', issue('1'));
    store.putIssue('other', issue('1', { title: 'elsewhere' }));
    assert.deepEqual(a, { org: 'demo', issueId: '1' });
    assert.equal(store.issue(a)?.title, 'Issue 1');
    assert.equal(store.issue({ org: 'other', issueId: '1' })?.title, 'elsewhere');
    const ref = { org: 'demo', project: 'api', eventId: 'abc' };
    store.putEvent(ref, event('abc'));
    assert.equal(store.event(ref)?.eventId, 'abc');
    assert.equal(store.event({ ...ref, project: 'web' }), undefined);
  });

  it('tells of an issue change only when something changed, with what was there before', () => {
    const store = new SentryStore();
    const updates: IssueUpdated[] = [];
    store.onDidUpdateIssue((u) => updates.push(u));
    const ref = store.putIssue('demo', issue('1'));
    store.putIssue('demo', issue('1'));
    assert.equal(updates.length, 0, 'first sight and an identical copy are not changes');
    store.putIssue('demo', issue('1', { count: 2 }));
    store.patchIssue(ref, { status: 'resolved' });
    assert.deepEqual(updates.map((u) => [u.previous?.count, u.issue.count, u.issue.status]), [[1, 2, 'unresolved'], [2, 2, 'resolved']]);
    assert.equal(store.patchIssue({ org: 'demo', issueId: 'nope' }, { status: 'resolved' }), undefined);
  });

  it('tells of an issue read again after a clear (a Refresh) when it differs from what it held before', () => {
    const store = new SentryStore();
    const updates: IssueUpdated[] = [];
    store.onDidUpdateIssue((u) => updates.push(u));
    const ref = store.putIssue('demo', issue('1', { assignedTo: 'Jane' }));
    store.putIssue('demo', issue('2'));
    store.putIssue('demo', issue('3'));
    store.clear();
    assert.equal(store.issue(ref), undefined, 'gone from the store');
    store.putIssue('demo', issue('1', { status: 'resolved', isBookmarked: true }));
    store.putIssue('demo', issue('2'));
    assert.deepEqual(updates.map((u) => [u.ref.issueId, u.previous?.status, u.previous?.assignedTo, u.issue.status, u.issue.isBookmarked]), [['1', 'unresolved', 'Jane', 'resolved', true]], 'the changed one only');
    store.clear();
    store.clear();
    store.putIssue('demo', issue('3', { count: 9 }));
    assert.deepEqual(updates.slice(1).map((u) => [u.ref.issueId, u.previous?.count, u.issue.count]), [['3', 1, 9]], 'still known after two clears');
    store.putIssue('demo', issue('1', { status: 'resolved', isBookmarked: true }));
    assert.equal(updates.length, 2, 'read again the same after a second clear: no change');
  });

  it('tells of events loaded and issues removed from a list; a subscription can be stopped', () => {
    const store = new SentryStore();
    const loaded: EventLoaded[] = [];
    const removed: IssueRemoved[] = [];
    const sub = store.onDidLoadEvent((e) => loaded.push(e));
    store.onDidRemoveIssue((r) => removed.push(r));
    store.putEvent({ org: 'o', project: 'p', eventId: 'e1' }, event('e1'));
    sub.dispose();
    store.putEvent({ org: 'o', project: 'p', eventId: 'e2' }, event('e2'));
    const list = issueListKey({ org: 'o', project: 'p' }, 'is:unresolved', 'date');
    store.removeIssueFromList({ org: 'o', issueId: '1' }, list);
    assert.deepEqual(loaded.map((e) => e.ref.eventId), ['e1']);
    assert.deepEqual(removed, [{ ref: { org: 'o', issueId: '1' }, list }]);
  });

  it("changing an issue's status re-renders exactly the rows showing that issue", () => {
    const store = new SentryStore();
    const a = store.putIssue('demo', issue('1'));
    const b = store.putIssue('demo', issue('2'));
    const rows = new RowIndex<string>();
    rows.add(issueKey(a), 'a in its project');
    const searchRow = rows.add(issueKey(a), 'a in search results');
    rows.add(issueKey(b), 'b in its project');
    const rendered: string[][] = [];
    rerenderIssueRows(store, rows, (shown) => rendered.push(shown));
    store.patchIssue(a, { status: 'resolved' });
    assert.deepEqual(rendered, [['a in its project', 'a in search results']]);
    searchRow.dispose();
    store.patchIssue(a, { status: 'unresolved' });
    store.patchIssue({ org: 'demo', issueId: '3' }, { status: 'resolved' });
    assert.deepEqual(rendered[1], ['a in its project'], 'a row taken out is not re-rendered');
    assert.equal(rendered.length, 2, 'an issue no row shows re-renders nothing');
  });
});
