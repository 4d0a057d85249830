import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SentryExplorerApi } from '../../../src/extension';
import type { EventRef } from '../../../src/model/refs';
import { DEMO, eventSeed } from '../../fixtures/demo/demoConstants';
import { eventIdFor } from '../../fixtures/demo/ids';
import { shareIdOf } from '../../server/publicRoutes';
import { child, extensionApi, labelOf, resetServer, serverRequests } from './helpers';
import { selected, sleep, useEnvironmentToken, waitForEventRowOf } from './paletteHelpers';
import { closePanels, waitForPanelOf } from './panelHelpers';
import { spyOnNotifications, waitFor } from './uiSpies';
import { replaceInWindow } from './windowStubs';

const ORG = DEMO.organizations.demo.slug;
const server = () => process.env.SENTRY_EXPLORER_TEST_SERVER!;

describe('Sentry: Open Issue or Event… and vscode:// links', () => {
  let api: SentryExplorerApi;

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
  // Revealing rows expands them in the view (which would load them again after every refresh) and makes
  // their project current (counted after every sign-in): later suites start without either.
  after(async () => {
    await vscode.commands.executeCommand('workbench.actions.treeView.sentryExplorer.tree.collapseAll');
    await api.currentProject.forget();
  });

  it('opens a short id: the issue revealed in its project, its latest event open in the tree and the panel', async () => {
    const issue = DEMO.issues.refundCurrency;
    const opened = await vscode.commands.executeCommand<boolean>('sentry.openIssueOrEvent', issue.shortId.toLowerCase());
    assert.strictEqual(opened, true);
    const row = await waitForEventRowOf(api, { org: ORG, issueId: issue.id }, issue.latestEventId, 'the latest event of the short id\'s issue');
    assert.strictEqual(labelOf(row), 'Latest event');
    await waitForPanelOf(api, { org: ORG, project: issue.project, eventId: issue.latestEventId, shortId: issue.shortId }, 'the latest event in its panel');
    const requests = (await serverRequests()).map((r) => r.path);
    assert.ok(requests.includes(`/api/0/organizations/${ORG}/shortids/${issue.shortId}/`), requests.join(', '));
  });

  it('Open Event from the palette with no event selected asks what Open Issue or Event asks, and opens the answer', async () => {
    const issue = DEMO.issues.refundCurrency;
    await api.treeView.reveal(await child(api, undefined, DEMO.organizations.demo.name), { select: true, focus: false });
    const asked: Array<string | undefined> = [];
    const restore = replaceInWindow('showInputBox', (async (options?: vscode.InputBoxOptions) => {
      asked.push(options?.title);
      return issue.shortId;
    }) as typeof vscode.window.showInputBox);
    try {
      const opened = await vscode.commands.executeCommand<{ key: string } | undefined>('sentry.openEvent');
      assert.deepStrictEqual(asked, ['Sentry: Open Issue or Event']);
      const panel = await waitForPanelOf(api, { org: ORG, project: issue.project, eventId: issue.latestEventId, shortId: issue.shortId }, 'the short id\'s latest event in its panel');
      assert.strictEqual(opened?.key, panel.key);
    } finally {
      restore();
    }
  });

  it('opens a pasted link to one event (an alert e-mail\'s): its row when it is on a loaded page, else a row made for it', async () => {
    const issue = DEMO.issues.outOfStock;
    const linkTo = (eventId: string) =>
      `${server()}/organizations/${ORG}/issues/${issue.id}/events/${eventId}/?referrer=alert_email&alert_type=email&alert_rule_id=7&notification_uuid=abc#exception`;
    const onFirstPage = eventIdOf(issue.id, 7);
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('sentry.openIssueOrEvent', linkTo(onFirstPage)), true);
    const listed = await waitForEventRowOf(api, { org: ORG, issueId: issue.id }, onFirstPage, 'the linked event on the first page, selected');
    assert.strictEqual(listed.getTreeItem().contextValue, 'event');
    await waitForPanelOf(api, { org: ORG, project: issue.project, eventId: onFirstPage, shortId: issue.shortId }, 'the linked event in its panel');

    const older = eventIdOf(issue.id, 30);
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('sentry.openIssueOrEvent', linkTo(older)), true);
    const made = await waitForEventRowOf(api, { org: ORG, issueId: issue.id }, older, 'the older linked event, selected');
    assert.strictEqual(labelOf(made), `Event ${older.slice(0, 12)}`, 'a row for that event, above the issue\'s pages');
    assert.strictEqual((await api.tree.getChildren(made.parent))[0], made);
    const children = await api.tree.getChildren(made);
    assert.ok(children.some((c) => c.getTreeItem().contextValue?.startsWith('exception')));
    await waitForPanelOf(api, { org: ORG, project: issue.project, eventId: older, shortId: issue.shortId }, 'the older linked event in its panel');
    assert.strictEqual(api.panels.all().length, 2, 'one panel per event');
  });

  it('an issue outside its project\'s loaded list (resolved, under is:unresolved) is added above the list, marked opened', async () => {
    const resolved = await firstResolvedApiServerIssue();
    const opened = await vscode.commands.executeCommand<boolean>('sentry.openIssueOrEvent', `${server()}/organizations/${ORG}/issues/${resolved.id}/`);
    assert.strictEqual(opened, true);
    await waitFor(() => {
      const parent = selected(api)?.parent?.ref;
      return labelOf(selected(api)!) === 'Latest event' && parent !== undefined && 'issueId' in parent && parent.issueId === resolved.id;
    }, 'the resolved issue\'s latest event selected', 20_000);
    const issueRow = selected(api)!.parent!;
    assert.match(String(issueRow.getTreeItem().description), /^opened · resolved · /);
    const project = issueRow.parent!;
    assert.deepStrictEqual(project.ref, { org: ORG, project: DEMO.projects.apiServer.slug });
    const rows = await api.tree.getChildren(project);
    assert.strictEqual(rows[0], issueRow, 'at the top of its project');
    const latest = selected(api)!.ref as EventRef;
    await waitForPanelOf(api, { org: ORG, project: DEMO.projects.apiServer.slug, eventId: latest.eventId, shortId: resolved.shortId }, 'its latest event in its panel');
  });

  it('opens a published issue\'s share link and a bare event id', async () => {
    const cart = DEMO.issues.cartPrice;
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('sentry.openIssueOrEvent', `${server()}/share/issue/${shareIdOf(cart.id)}/`), true);
    await waitForEventRowOf(api, { org: ORG, issueId: cart.id }, cart.latestEventId, 'the shared issue\'s latest event');
    await waitForPanelOf(api, { org: ORG, project: cart.project, eventId: cart.latestEventId, shortId: cart.shortId }, 'the shared issue\'s latest event in its panel');
    const payment = DEMO.issues.paymentCaptured;
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('sentry.openIssueOrEvent', payment.latestEventId), true);
    await waitForEventRowOf(api, { org: ORG, issueId: payment.id }, payment.latestEventId, 'the event id\'s issue, that event open');
    await waitForPanelOf(api, { org: ORG, project: payment.project, eventId: payment.latestEventId, shortId: payment.shortId }, 'that event in its panel');
  });

  it('a link to another Sentry says so, offers Sign In there, and sends nothing anywhere', async () => {
    const spy = spyOnNotifications();
    try {
      await resetServer();
      const link = 'https://sentry.other-company.example/organizations/their-org/issues/12345/?referrer=slack';
      const opened = await vscode.commands.executeCommand<boolean>('sentry.openIssueOrEvent', link);
      assert.strictEqual(opened, false);
      const warning = spy.calls.find((c) => c.kind === 'showWarningMessage');
      assert.ok(warning, 'a warning');
      assert.match(warning.text, /This link is on sentry\.other-company\.example, but you are signed in to 127\.0\.0\.1:\d+/);
      assert.match(warning.text, /nothing was sent to sentry\.other-company\.example/);
      const paths = (await serverRequests()).map((r) => r.path);
      assert.ok(paths.every((p) => p === '/api/0/organizations/'), `only the signed-in server's organizations were read: ${paths.join(', ')}`);
      assert.strictEqual(api.panels.all().length, 0, 'no event panel opened');
    } finally {
      spy.restore();
      await vscode.commands.executeCommand('notifications.clearAll');
    }
  });

  it('a vscode:// link reaches the URI handler and opens the same way', async () => {
    const issue = DEMO.issues.sendEmailRecipient;
    const calls: vscode.Uri[] = [];
    const handler = api.uriHandler;
    const original = handler.handleUri.bind(handler);
    handler.handleUri = (uri: vscode.Uri) => {
      calls.push(uri);
      return original(uri);
    };
    try {
      const link = `${server()}/organizations/${ORG}/issues/${issue.id}/?referrer=bookmarklet`;
      const uri = vscode.Uri.parse(`${vscode.env.uriScheme}://sentry-explorer.sentry-explorer/open?url=${encodeURIComponent(link)}`);
      // Desktop VS Code hands a vscode:// URI to the OS, which hands it back; in a browser (code-server) the
      // same link is the callback URL asExternalUri gives, opened in a new tab, as a bookmarklet would.
      const external = await vscode.env.asExternalUri(uri);
      console.log(`      (${uri.toString(true)} → ${external.toString(true)})`);
      const accepted = await vscode.env.openExternal(external);
      const started = Date.now();
      while (calls.length === 0 && Date.now() - started < 15_000) await sleep(100);
      assert.strictEqual(calls.length, 1, `openExternal(${external.toString(true)}) answered ${accepted} but never reached the handler`);
      assert.strictEqual(new URLSearchParams(calls[0].query).get('url'), link);
      await waitForEventRowOf(api, { org: ORG, issueId: issue.id }, issue.latestEventId, 'the linked issue\'s latest event');
      await waitForPanelOf(api, { org: ORG, project: issue.project, eventId: issue.latestEventId, shortId: issue.shortId }, 'the linked issue\'s latest event in its panel');
    } finally {
      handler.handleUri = original;
    }
  });

  it('the URI handler takes ?issue= and ?event= with their organization and project', async () => {
    const issue = DEMO.issues.retryGiveUp;
    await api.uriHandler.handleUri(vscode.Uri.parse(`${vscode.env.uriScheme}://sentry-explorer.sentry-explorer/open?issue=${issue.shortId}&org=${ORG}`));
    await waitForEventRowOf(api, { org: ORG, issueId: issue.id }, issue.latestEventId, 'the ?issue= issue');
    await waitForPanelOf(api, { org: ORG, project: issue.project, eventId: issue.latestEventId, shortId: issue.shortId }, 'the ?issue= issue\'s latest event in its panel');
    const other = DEMO.issues.captureWatchdog;
    await api.uriHandler.handleUri(vscode.Uri.parse(`${vscode.env.uriScheme}://sentry-explorer.sentry-explorer/open?event=${other.latestEventId}&org=${ORG}&project=${other.project}`));
    await waitForEventRowOf(api, { org: ORG, issueId: other.id }, other.latestEventId, 'the ?event= event');
    await waitForPanelOf(api, { org: ORG, project: other.project, eventId: other.latestEventId, shortId: other.shortId }, 'the ?event= event in its panel');
  });

  async function firstResolvedApiServerIssue(): Promise<{ id: string; shortId: string }> {
    const response = await fetch(`${server()}/api/0/organizations/${ORG}/issues/?project=${DEMO.projects.apiServer.id}&query=is%3Aresolved`, {
      headers: { Authorization: `Bearer ${DEMO.tokens.full}` },
    });
    const issues = (await response.json()) as Array<{ id: string; shortId: string }>;
    assert.ok(issues.length > 0);
    return issues[0];
  }
});

/** The id of an issue's n-th newest event, as the demo data names it. */
function eventIdOf(issueId: string, index: number): string {
  return eventIdFor(eventSeed(issueId, index));
}
