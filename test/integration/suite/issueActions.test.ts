import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SentryExplorerApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/views/nodes/treeNode';
import { DEMO } from '../../fixtures/demo/demoConstants';
import type { EventDetailPanel } from '../../../src/views/eventDetail/eventDetailPanel';
import { child, EXTENSION_ID, extensionApi, injectFault, issueByShortId, resetServer, serverRequests } from './helpers';
import { useEnvironmentToken } from './paletteHelpers';
import { closePanels, currentHeader, headersSince, issueActionsIn, paintedPanel, sentMark } from './panelHelpers';
import { spyOnNotifications, waitFor } from './uiSpies';

const ORG = DEMO.organizations.demo;
const server = () => process.env.SENTRY_EXPLORER_TEST_SERVER!;

/** The panel of an issue's latest event, painted. */
async function latestEventPanel(api: SentryExplorerApi, issueId: string): Promise<EventDetailPanel> {
  return paintedPanel(api, await vscode.commands.executeCommand('sentry.openEvent', { org: ORG.slug, issueId, which: 'latest' }));
}

/** What Sentry itself now says about an issue (read past the extension, with the full token). */
async function sentryIssue(issueId: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${server()}/api/0/organizations/${ORG.slug}/issues/${issueId}/`, { headers: { Authorization: `Bearer ${DEMO.tokens.full}` } });
  return (await response.json()) as Record<string, unknown>;
}

describe('issue actions from the tree: the row changes at once, Sentry too', () => {
  let api: SentryExplorerApi;

  async function row(shortId: string): Promise<TreeNode> {
    const org = await child(api, undefined, ORG.name);
    const project = await child(api, org, DEMO.projects.apiServer.name);
    return issueByShortId(api, project, shortId);
  }

  /** Every state the row was drawn in while `action` ran (the tree re-renders exactly the rows a change touches). */
  async function statesWhile(target: TreeNode, action: () => Thenable<unknown>): Promise<{ result: unknown; states: string[] }> {
    const states: string[] = [];
    const listener = api.tree.onDidChangeTreeData((changed) => {
      const rows = Array.isArray(changed) ? changed : changed ? [changed] : [];
      if (rows.includes(target)) states.push(String(target.getTreeItem().contextValue));
    });
    try {
      return { result: await action(), states };
    } finally {
      listener.dispose();
    }
  }

  before(async () => {
    api = await extensionApi();
    await resetServer();
    await useEnvironmentToken(api);
    await vscode.commands.executeCommand('sentry.refresh');
  });
  afterEach(async () => {
    closePanels(api);
    await resetServer();
  });
  after(async () => {
    await resetServer();
    await vscode.commands.executeCommand('sentry.refresh');
  });

  it('Resolve: the row shows it resolved before Sentry answers, and Sentry has it resolved', async () => {
    const issue = DEMO.issues.duplicateUser;
    const target = await row(issue.shortId);
    assert.strictEqual(target.getTreeItem().contextValue, 'issue.unresolved.unbookmarked.unassigned');
    const { result, states } = await statesWhile(target, () => vscode.commands.executeCommand('sentry.resolveIssue', target));
    assert.strictEqual(result, true);
    assert.strictEqual(states[0], 'issue.resolved.unbookmarked.unassigned', `the first redraw is already resolved: ${states.join(' → ')}`);
    const item = target.getTreeItem();
    assert.strictEqual(item.contextValue, 'issue.resolved.unbookmarked.unassigned');
    assert.match(String(item.description), /^resolved · /);
    assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, 'pass');
    assert.strictEqual((await sentryIssue(issue.id)).status, 'resolved');
    const put = (await serverRequests()).find((r) => r.method === 'PUT');
    assert.strictEqual(put?.path, `/api/0/organizations/${ORG.slug}/issues/${issue.id}/`);

    await vscode.commands.executeCommand('sentry.unresolveIssue', target);
    assert.strictEqual(target.getTreeItem().contextValue, 'issue.unresolved.unbookmarked.unassigned');
    assert.strictEqual((await sentryIssue(issue.id)).status, 'unresolved');
  });

  it('Ignore for an hour, given as an argument (no picker): "ignored until …"', async () => {
    const issue = DEMO.issues.webhookSignature;
    const target = await row(issue.shortId);
    assert.strictEqual(await vscode.commands.executeCommand('sentry.ignoreIssue', target, { ignore: { forDuration: 60 } }), true);
    assert.strictEqual(target.getTreeItem().contextValue, 'issue.ignored.unbookmarked.unassigned');
    // An hour from now may be tomorrow, shown with its date.
    assert.match(String(target.getTreeItem().description), /^ignored until ([A-Z][a-z]{2} \d\d?, )?\d\d?:\d\d/);
    const details = (await sentryIssue(issue.id)).statusDetails as Record<string, unknown>;
    assert.ok(typeof details.ignoreUntil === 'string', JSON.stringify(details));
    await vscode.commands.executeCommand('sentry.unresolveIssue', { org: ORG.slug, issueId: issue.id });
  });

  it('Ignore until N more events and Resolve in Next Release, from a ref with the choice inside', async () => {
    const issue = DEMO.issues.legacyBilling;
    const target = await row(issue.shortId);
    assert.strictEqual(await vscode.commands.executeCommand('sentry.ignoreIssue', { org: ORG.slug, issueId: issue.id, ignore: { untilCount: 100 } }), true);
    assert.match(String(target.getTreeItem().description), /^ignored until 100 more events · /);
    assert.strictEqual(await vscode.commands.executeCommand('sentry.resolveIssueInNextRelease', target), true);
    assert.match(String(target.getTreeItem().description), /^resolved in the next release · /);
    assert.strictEqual(((await sentryIssue(issue.id)).statusDetails as Record<string, unknown>).inNextRelease, true);
  });

  it('Assign to a person, to me, then unassign; Bookmark and remove it', async () => {
    const issue = DEMO.issues.refundCurrency;
    const target = await row(issue.shortId);
    await vscode.commands.executeCommand('sentry.assignIssue', target, { assignTo: 'user:2' });
    assert.match(String(target.getTreeItem().description), / · → Omar Haddad · /);
    assert.strictEqual(target.getTreeItem().contextValue, 'issue.unresolved.unbookmarked.assigned');
    await vscode.commands.executeCommand('sentry.assignIssueToMe', target);
    assert.match(String(target.getTreeItem().description), / · → Jane Doe · /);
    assert.deepStrictEqual((await sentryIssue(issue.id)).assignedTo, { type: 'user', id: '1', name: 'Jane Doe', email: 'jane@demo.test' });
    await vscode.commands.executeCommand('sentry.assignIssue', target, { assignTo: null });
    assert.ok(!/→/.test(String(target.getTreeItem().description)));
    assert.strictEqual((await sentryIssue(issue.id)).assignedTo, null);

    await vscode.commands.executeCommand('sentry.bookmarkIssue', target);
    assert.strictEqual(target.getTreeItem().contextValue, 'issue.unresolved.bookmarked.unassigned');
    assert.match(String(target.getTreeItem().description), /^★ · /);
    await vscode.commands.executeCommand('sentry.unbookmarkIssue', target);
    assert.strictEqual(target.getTreeItem().contextValue, 'issue.unresolved.unbookmarked.unassigned');
  });

  it("Resolve in the event panel: its header and the tree row show it resolved before Sentry answers; Unresolve brings both back", async () => {
    const issue = DEMO.issues.outOfStock;
    const target = await row(issue.shortId);
    assert.strictEqual(target.getTreeItem().contextValue, 'issue.unresolved.unbookmarked.assigned');
    const panel = await latestEventPanel(api, issue.id);
    const before = currentHeader(panel);
    assert.deepStrictEqual(issueActionsIn(before), ['resolve', 'resolveInNextRelease', 'ignore', 'assign', 'bookmark', 'downloadEvents'], 'what applies to an unresolved issue assigned to Jane Doe');
    assert.match(before, /<span class="issue-assignee" title="Assigned to Jane Doe">/);

    // Sentry answers slowly: what the panel and the row show meanwhile is the store's optimistic change.
    await injectFault({ match: `/organizations/${ORG.slug}/issues/${issue.id}/`, delayMs: 1500 });
    const mark = sentMark(panel);
    let answered = false;
    const { result, states } = await statesWhile(target, async () => {
      const acting = panel.handleMessage({ type: 'issueAction', action: 'resolve' }).finally(() => (answered = true));
      await waitFor(() => headersSince(panel, mark).length > 0, 'the panel header to change');
      const shown = headersSince(panel, mark)[0];
      assert.ok(!answered, 'the header changed before Sentry answered');
      assert.match(shown, /<span class="badge issue-status">resolved<\/span>/);
      assert.deepStrictEqual(issueActionsIn(shown), ['unresolve', 'assign', 'bookmark', 'downloadEvents']);
      assert.strictEqual(target.getTreeItem().contextValue, 'issue.resolved.unbookmarked.assigned', 'the row at the same time');
      return acting;
    });
    assert.strictEqual(result, true);
    assert.ok(states.every((state) => state === 'issue.resolved.unbookmarked.assigned'), states.join(' → '));
    assert.match(currentHeader(panel), /<span class="badge issue-status">resolved<\/span>/);
    assert.match(String(target.getTreeItem().description), /^resolved · /);
    assert.strictEqual((await sentryIssue(issue.id)).status, 'resolved');
    const put = (await serverRequests()).find((r) => r.method === 'PUT');
    assert.strictEqual(put?.path, `/api/0/organizations/${ORG.slug}/issues/${issue.id}/`, 'the panel\'s issue, nothing the page named');

    assert.strictEqual(await panel.handleMessage({ type: 'issueAction', action: 'unresolve' }), true);
    assert.deepStrictEqual(issueActionsIn(currentHeader(panel)), ['resolve', 'resolveInNextRelease', 'ignore', 'assign', 'bookmark', 'downloadEvents']);
    assert.strictEqual(target.getTreeItem().contextValue, 'issue.unresolved.unbookmarked.assigned');
    assert.strictEqual((await sentryIssue(issue.id)).status, 'unresolved');
  });

  it('the panel header follows an action taken in the tree; a button that no longer applies does nothing', async () => {
    const issue = DEMO.issues.outOfStock;
    const target = await row(issue.shortId);
    const panel = await latestEventPanel(api, issue.id);
    assert.strictEqual(await vscode.commands.executeCommand('sentry.bookmarkIssue', target), true);
    const bookmarked = currentHeader(panel);
    assert.deepStrictEqual(issueActionsIn(bookmarked), ['resolve', 'resolveInNextRelease', 'ignore', 'assign', 'unbookmark', 'downloadEvents']);
    assert.match(bookmarked, /class="issue-bookmarked"/);

    await resetServer();
    const mark = sentMark(panel);
    assert.strictEqual(await panel.handleMessage({ type: 'issueAction', action: 'bookmark' }), undefined, 'already bookmarked');
    assert.ok(!(await serverRequests()).some((r) => r.method === 'PUT'), 'nothing sent to Sentry');
    assert.strictEqual(headersSince(panel, mark).length, 1, 'the header is sent again (the page re-enables its buttons)');

    assert.strictEqual(await panel.handleMessage({ type: 'issueAction', action: 'unbookmark' }), true);
    assert.strictEqual(target.getTreeItem().contextValue, 'issue.unresolved.unbookmarked.assigned');
    assert.ok(!/class="issue-bookmarked"/.test(currentHeader(panel)));
    assert.strictEqual((await sentryIssue(issue.id)).isBookmarked, false);
  });

  it("after a Refresh, an open panel's header shows the issue as Sentry has it now, without painting the panel again", async () => {
    const issue = DEMO.issues.outOfStock;
    const target = await row(issue.shortId);
    assert.strictEqual(target.getTreeItem().contextValue, 'issue.unresolved.unbookmarked.assigned');
    const panel = await latestEventPanel(api, issue.id);
    const before = currentHeader(panel);
    assert.match(before, /<span class="issue-assignee" title="Assigned to Jane Doe">/);
    assert.ok(!/class="issue-bookmarked"/.test(before));
    try {
      // Someone else bookmarks and unassigns it in Sentry: the extension hears nothing of it.
      const changed = await fetch(`${server()}/api/0/organizations/${ORG.slug}/issues/${issue.id}/`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${DEMO.tokens.full}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ isBookmarked: true, assignedTo: '' }),
      });
      assert.ok(changed.ok, `the server took the change: ${changed.status}`);
      assert.strictEqual(currentHeader(panel), before, 'nothing changes before the Refresh');

      const mark = sentMark(panel);
      await vscode.commands.executeCommand('sentry.refresh');
      // The tree reads the project's issues again (what VS Code does for a project left expanded).
      const reloaded = await row(issue.shortId);
      assert.strictEqual(reloaded.getTreeItem().contextValue, 'issue.unresolved.bookmarked.unassigned');
      await waitFor(() => headersSince(panel, mark).length > 0, 'the panel header to change');
      const header = currentHeader(panel);
      assert.match(header, /class="issue-bookmarked"/);
      assert.ok(!/class="issue-assignee"/.test(header), header);
      assert.deepStrictEqual(issueActionsIn(header), ['resolve', 'resolveInNextRelease', 'ignore', 'assignToMe', 'assign', 'unbookmark', 'downloadEvents']);
      const since = panel.sent.slice(panel.sent.indexOf(mark as (typeof panel.sent)[number]) + 1);
      assert.deepStrictEqual([...new Set(since.map((message) => message.type))], ['header'], 'only the header is sent again');
    } finally {
      await resetServer();
      await vscode.commands.executeCommand('sentry.refresh');
      await row(issue.shortId);
    }
  });

  it('a wrong choice says what it takes and changes nothing', async () => {
    const spy = spyOnNotifications();
    try {
      const issue = DEMO.issues.discountDivision;
      const target = await row(issue.shortId);
      const before = target.getTreeItem().contextValue;
      void vscode.commands.executeCommand('sentry.ignoreIssue', target, { ignore: { forDuration: -1 } });
      await waitFor(() => spy.calls.some((c) => c.kind === 'showErrorMessage'), 'the error');
      assert.match(spy.calls.find((c) => c.kind === 'showErrorMessage')!.text, /not one Sentry takes/);
      assert.ok(!(await serverRequests()).some((r) => r.method === 'PUT'));
      assert.strictEqual(target.getTreeItem().contextValue, before);
    } finally {
      spy.restore();
      await vscode.commands.executeCommand('notifications.clearAll');
    }
  });

  it('the context menu offers only what applies to the row\'s state', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { menus: Record<string, Array<{ command: string; when?: string }>> } };
    const entries = manifest.contributes.menus['view/item/context'];
    const offered = (contextValue: string) =>
      [
        ...new Set(
          entries
            .filter((entry) => {
              const match = /viewItem =~ \/(.+)\/$/.exec(entry.when ?? '');
              return match && new RegExp(match[1]).test(contextValue) && /^sentry\.(resolve|unresolve|ignore|assign|bookmark|unbookmark)/.test(entry.command);
            })
            .map((entry) => entry.command),
        ),
      ].sort();
    assert.deepStrictEqual(offered('issue.unresolved.unbookmarked.unassigned'), [
      'sentry.assignIssue',
      'sentry.assignIssueToMe',
      'sentry.bookmarkIssue',
      'sentry.ignoreIssue',
      'sentry.resolveIssue',
      'sentry.resolveIssueInNextRelease',
    ]);
    assert.deepStrictEqual(offered('issue.resolved.bookmarked.assigned'), ['sentry.assignIssue', 'sentry.unbookmarkIssue', 'sentry.unresolveIssue']);
    assert.deepStrictEqual(offered('issue.ignored.unbookmarked.assigned'), [
      'sentry.assignIssue',
      'sentry.bookmarkIssue',
      'sentry.resolveIssue',
      'sentry.resolveIssueInNextRelease',
      'sentry.unresolveIssue',
    ]);
  });
});

describe('an issue action Sentry refuses (a token without event:write)', () => {
  let api: SentryExplorerApi;

  before(async () => {
    api = await extensionApi();
    await resetServer();
    process.env.SENTRY_AUTH_TOKEN = DEMO.tokens.readOnly;
    await useEnvironmentToken(api);
    await vscode.commands.executeCommand('sentry.refresh');
  });
  after(async () => {
    process.env.SENTRY_AUTH_TOKEN = DEMO.tokens.full;
    await vscode.commands.executeCommand('sentry.refresh');
    await resetServer();
  });

  it('Resolve in the event panel: the header and the row show it resolved, then both roll back, with the message', async () => {
    const spy = spyOnNotifications();
    try {
      const issue = DEMO.issues.refundCurrency;
      const org = await child(api, undefined, ORG.name);
      const project = await child(api, org, DEMO.projects.apiServer.name);
      const target = await issueByShortId(api, project, issue.shortId);
      const panel = await latestEventPanel(api, issue.id);
      assert.deepStrictEqual(issueActionsIn(currentHeader(panel)), ['resolve', 'resolveInNextRelease', 'ignore', 'assignToMe', 'assign', 'bookmark', 'downloadEvents']);
      const states: string[] = [];
      const listener = api.tree.onDidChangeTreeData((changed) => {
        const rows = Array.isArray(changed) ? changed : changed ? [changed] : [];
        if (rows.includes(target)) states.push(String(target.getTreeItem().contextValue));
      });
      const mark = sentMark(panel);
      const resolved = await panel.handleMessage({ type: 'issueAction', action: 'resolve' });
      listener.dispose();
      assert.strictEqual(resolved, false);
      const headers = headersSince(panel, mark);
      assert.match(headers[0], /<span class="badge issue-status">resolved<\/span>/, 'shown resolved first');
      assert.deepStrictEqual(issueActionsIn(headers[0]), ['unresolve', 'assignToMe', 'assign', 'bookmark', 'downloadEvents']);
      assert.match(headers[1], /<span class="badge issue-status">unresolved<\/span>/, 'then rolled back');
      assert.match(currentHeader(panel), /<span class="badge issue-status">unresolved<\/span>/);
      assert.deepStrictEqual(issueActionsIn(currentHeader(panel)), ['resolve', 'resolveInNextRelease', 'ignore', 'assignToMe', 'assign', 'bookmark', 'downloadEvents']);
      assert.deepStrictEqual(states, ['issue.resolved.unbookmarked.unassigned', 'issue.unresolved.unbookmarked.unassigned'], 'the row: resolved, then rolled back');
      await waitFor(() => spy.calls.some((c) => c.kind === 'showErrorMessage'), 'the refusal message');
      const messages = spy.calls.filter((c) => c.kind === 'showErrorMessage');
      assert.strictEqual(messages.length, 1, messages.map((m) => m.text).join(' | '));
      assert.match(messages[0].text, /Sentry refused to change API-SERVER-2 \(403\)/);
      assert.match(messages[0].text, /event:write/);
      assert.strictEqual((await sentryIssue(issue.id)).status, 'unresolved', 'Sentry did not change');
    } finally {
      spy.restore();
      closePanels(api);
      await vscode.commands.executeCommand('notifications.clearAll');
    }
  });

  it('the row shows the change, then rolls back, with a message naming event:write and how to get a token with it', async () => {
    const spy = spyOnNotifications();
    try {
      const org = await child(api, undefined, ORG.name);
      const project = await child(api, org, DEMO.projects.apiServer.name);
      const target = await issueByShortId(api, project, DEMO.issues.refundCurrency.shortId);
      const states: string[] = [];
      const listener = api.tree.onDidChangeTreeData((changed) => {
        const rows = Array.isArray(changed) ? changed : changed ? [changed] : [];
        if (rows.includes(target)) states.push(String(target.getTreeItem().contextValue));
      });
      const resolved = await vscode.commands.executeCommand('sentry.resolveIssue', target);
      listener.dispose();
      assert.strictEqual(resolved, false);
      assert.deepStrictEqual(states, ['issue.resolved.unbookmarked.unassigned', 'issue.unresolved.unbookmarked.unassigned'], 'shown resolved, then rolled back');
      assert.strictEqual(target.getTreeItem().contextValue, 'issue.unresolved.unbookmarked.unassigned');
      await waitFor(() => spy.calls.some((c) => c.kind === 'showErrorMessage'), 'the refusal message');
      const message = spy.calls.find((c) => c.kind === 'showErrorMessage')!.text;
      assert.match(message, /Sentry refused to change API-SERVER-2 \(403\)/);
      assert.match(message, /event:write/);
      assert.match(message, /Create a User Auth Token with org:read, project:read, event:read and event:write \(User Settings → User Auth Tokens\)/);
      assert.ok(!message.includes(DEMO.tokens.readOnly), 'the token itself is never shown');
      assert.strictEqual((await sentryIssue(DEMO.issues.refundCurrency.id)).status, 'unresolved', 'Sentry did not change');
    } finally {
      spy.restore();
      await vscode.commands.executeCommand('notifications.clearAll');
    }
  });
});
