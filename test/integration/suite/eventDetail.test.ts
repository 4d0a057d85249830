import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { OpenFrameResult } from '../../../src/editor/frameOpener';
import type { SentryExplorerApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/views/nodes/treeNode';
import { DEMO, eventSeed } from '../../fixtures/demo/demoConstants';
import { manyFramesEvent } from '../../fixtures/events/largeEvents';
import { parseEvent } from '../../../src/sentry/event/eventParser';
import { eventIdFor } from '../../fixtures/demo/ids';
import { child, childrenOf, extensionApi, injectFault, issueByShortId, labelOf, resetServer, serverRequests } from './helpers';
import { issueItems, issueSearchRequests } from './paletteHelpers';
import { bodyOf, clickRow, closePanels, frameRefIn, issueActionsIn, paintedPanel } from './panelHelpers';
import { spyOnNotifications, waitFor } from './uiSpies';

type IssueKey = keyof typeof DEMO.issues;

describe('event detail panel: a Sentry event in the real VS Code', () => {
  let api: SentryExplorerApi;

  before(async () => {
    api = await extensionApi();
    await resetServer();
    await vscode.commands.executeCommand('sentry.refresh');
  });

  afterEach(() => closePanels(api));

  async function issueNode(key: IssueKey): Promise<TreeNode> {
    const issue = DEMO.issues[key];
    const org = await child(api, undefined, DEMO.organizations.demo.name);
    const project = await child(api, org, issue.project);
    return issueByShortId(api, project, issue.shortId);
  }

  /** Clicks the issue's first event row (the newest event) and waits for its panel to paint. */
  async function openLatestFromList(key: IssueKey) {
    const rows = await childrenOf(api, await issueNode(key));
    const eventRow = rows[3];
    assert.strictEqual(eventRow.getTreeItem().contextValue, 'event', rows.map(labelOf).join(' | '));
    return paintedPanel(api, await clickRow<{ key: string }>(eventRow));
  }

  it("clicking an event row opens its panel: the exception, the frames and a frame's variables, escaped", async () => {
    const panel = await openLatestFromList('outOfStock');
    const body = bodyOf(panel);
    assert.match(body, /<span class="exc-type">OutOfStockError<\/span>/);
    assert.match(body, /<span class="fn">reserve_stock<\/span>/);
    assert.match(body, /Local variables \(\d+\)/);
    assert.ok(body.includes('&lt;sqlalchemy.orm.session.Session object at 0x7f3a2c1d5e10&gt;'), 'the variable session, escaped');
    assert.ok(!body.includes('<sqlalchemy'), 'no unescaped markup from the event');
    assert.match(body, new RegExp(`${DEMO.issues.outOfStock.shortId}`), 'the issue in the header');
    assert.match(panel.webviewPanel.title, /^OutOfStockError: /);
    assert.strictEqual(panel.lastPaint?.first, true, 'the page in VS Code painted it and said so');
  });

  it('one panel per event: opening it again reveals the same panel', async () => {
    const first = await openLatestFromList('outOfStock');
    const ref = { org: DEMO.organizations.demo.slug, project: 'api-server', eventId: DEMO.issues.outOfStock.latestEventId, issueId: DEMO.issues.outOfStock.id };
    const again = await vscode.commands.executeCommand<{ key: string }>('sentry.openEvent', ref);
    assert.strictEqual(again?.key, first.key);
    assert.strictEqual(api.panels.all().length, 1);
  });

  it("an issue's latest event by {org, issueId, which}, and the Latest event row's click", async () => {
    const issue = DEMO.issues.duplicateUser;
    const byWhich = await paintedPanel(api, await vscode.commands.executeCommand('sentry.openEvent', { org: DEMO.organizations.demo.slug, issueId: issue.id, which: 'latest' }));
    assert.strictEqual(byWhich.shownEvent?.eventId, issue.latestEventId);
    assert.match(bodyOf(byWhich), /Exceptions \(chain of 2\)/);
    const latestRow = await child(api, await issueNode('duplicateUser'), 'Latest event');
    assert.strictEqual((await clickRow<{ key: string }>(latestRow))?.key, byWhich.key);
  });

  it('a frame clicked in the panel opens the local file at its line (the message the page sends)', async () => {
    const panel = await openLatestFromList('outOfStock');
    const frame = frameRefIn(bodyOf(panel), DEMO.frames.exact.function);
    const result = (await panel.handleMessage({ type: 'openFrame', frame })) as OpenFrameResult;
    assert.ok(result.kind === 'file' && result.path.endsWith(path.join(...DEMO.frames.exact.localFile.split('/'))), JSON.stringify(result));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor opened');
    assert.strictEqual(editor.selection.active.line + 1, DEMO.frames.exact.localLine);
    assert.strictEqual(api.decorations.markedLine(editor.document.uri), DEMO.frames.exact.localLine - 1, 'the line is marked as from the tree');
  });

  it('a frame clicked in the panel finds a moved line and says so, as from the tree', async () => {
    const spy = spyOnNotifications();
    try {
      const panel = await openLatestFromList('refundCurrency');
      const result = (await panel.handleMessage({ type: 'openFrame', frame: frameRefIn(bodyOf(panel), DEMO.frames.moved.function) })) as OpenFrameResult;
      assert.ok(result.kind === 'file' && result.location.status === 'moved', JSON.stringify(result));
      assert.strictEqual(vscode.window.activeTextEditor?.selection.active.line, DEMO.frames.moved.localLine - 1);
      await waitFor(() => spy.calls.some((c) => /line moved from 16 to 23/.test(c.text)), 'the drift notice');
    } finally {
      spy.restore();
    }
  });

  it('folded parts arrive on request; a forged or foreign message changes nothing', async () => {
    const panel = await openLatestFromList('outOfStock');
    const library = frameRefIn(bodyOf(panel), DEMO.frames.library.function);
    await panel.handleMessage({ type: 'requestFragment', requestId: 41, fragment: { kind: 'frameBody', frame: library } });
    const answer = panel.sent[panel.sent.length - 1];
    assert.ok(answer.type === 'fragment' && answer.requestId === 41, JSON.stringify(answer).slice(0, 200));
    assert.match(answer.html, /class="code"/, 'the library frame body with its context lines');
    const before = panel.sent.length;
    await resetServer();
    for (const forged of [{ type: 'openExternal', url: 'https://evil.example' }, { type: 'openFrame', frame: { stack: { kind: 'file', path: '/etc/passwd' }, frame: 0 } }, { type: 'runCommand', command: 'workbench.action.quit' }, 'ready']) {
      assert.strictEqual(await panel.handleMessage(forged), undefined, JSON.stringify(forged));
    }
    assert.strictEqual(panel.sent.length, before, 'nothing sent back');
    assert.deepStrictEqual(await serverRequests(), []);
  });

  it("a tag click searches issues with key:value: Search Issues opens on that query and searches the event's organization at once", async () => {
    const panel = await openLatestFromList('outOfStock');
    const event = panel.shownEvent!;
    const tag = event.tags.findIndex((t) => t.key === 'environment');
    assert.ok(tag >= 0, 'the event has an environment tag');
    const query = `environment:${event.tags[tag].value}`;
    const before = api.search.active;
    await resetServer();
    try {
      assert.strictEqual(await panel.handleMessage({ type: 'searchIssues', tag }), query);
      await waitFor(() => api.search.active !== undefined && api.search.active !== before, 'the search quick pick');
      const picker = api.search.active!;
      assert.strictEqual(picker.value, query, 'the tag is in the search box');
      assert.match(String(picker.title), /^Search Issues in all projects of Demo Org$/);
      const items = await issueItems(picker, `results for ${query}`);
      assert.ok(items.length > 0 && items.every((item) => /^[A-Z]+(-[A-Z]+)*-[0-9A-Z]+ {2}\S/.test(item.label)), items.map((i) => i.label).join(' | '));
      const sent = await issueSearchRequests(DEMO.organizations.demo.slug);
      assert.strictEqual(sent.length, 1, 'searched once, without a keystroke');
      assert.deepStrictEqual(sent[0].query.query, [query]);
      assert.deepStrictEqual(sent[0].query.project, ['-1'], "every project of the event's organization");
      assert.deepStrictEqual(api.tree.filters.get(DEMO.organizations.demo.slug, 'api-server').query, 'is:unresolved', 'the tree is not filtered');
    } finally {
      api.search.active?.hide();
    }
  });

  it('Copy as Markdown from the panel and from the event row', async () => {
    const panel = await openLatestFromList('outOfStock');
    const fromPanel = (await panel.handleMessage({ type: 'copyMarkdown' })) as string;
    assert.match(fromPanel, /^## OutOfStockError: /);
    assert.match(fromPanel, /\n\*\*reserve\\_stock\*\* in `api\/orders\/service\.py:24`\n/);
    assert.strictEqual(await vscode.env.clipboard.readText(), fromPanel);
    const rows = await childrenOf(api, await issueNode('outOfStock'));
    await vscode.env.clipboard.writeText('');
    const fromRow = await vscode.commands.executeCommand<string>('sentry.copyEventAsMarkdown', rows[3]);
    assert.strictEqual(fromRow, fromPanel);
    assert.strictEqual(await vscode.env.clipboard.readText(), fromPanel);
  });

  it("the header follows the issue in the store (its status), keeping the rest of the page", async () => {
    const panel = await openLatestFromList('outOfStock');
    const issueRef = { org: DEMO.organizations.demo.slug, issueId: DEMO.issues.outOfStock.id };
    const shows = panel.sent.filter((m) => m.type === 'show').length;
    try {
      api.data.store.patchIssue(issueRef, { status: 'resolved' });
      const header = panel.sent[panel.sent.length - 1];
      assert.ok(header.type === 'header', header.type);
      assert.match(header.html, /<span class="badge issue-status">resolved<\/span>/);
      assert.deepStrictEqual(issueActionsIn(header.html), ['unresolve', 'assign', 'bookmark', 'downloadEvents'], 'the actions that apply to it now');
      assert.strictEqual(panel.sent.filter((m) => m.type === 'show').length, shows, 'the body was not sent again');
    } finally {
      api.data.store.patchIssue(issueRef, { status: 'unresolved' });
    }
  });

  it("an event at hand is painted from the page's first HTML, without the ready/show round trip; a page made again gets a body only when it changed", async () => {
    const issue = DEMO.issues.outOfStock;
    const issueRef = { org: DEMO.organizations.demo.slug, issueId: issue.id };
    await openLatestFromList('outOfStock');
    closePanels(api);
    const ref = { ...issueRef, project: issue.project, eventId: issue.latestEventId };
    assert.ok(api.data.store.event(ref)?.hasDetail, 'the event is in the store');
    const panel = await paintedPanel(api, await vscode.commands.executeCommand<{ key: string }>('sentry.openEvent', ref));
    const html = panel.webviewPanel.webview.html;
    assert.match(html, /<main id="event-detail" aria-live="polite" data-render-id="1">/);
    assert.ok(html.includes(bodyOf(panel)), 'the body is in the HTML');
    assert.strictEqual(panel.lastPaint?.renderId, 1, 'the page reported the body of its HTML painted');
    // The page says ready before painted: its ready was answered with nothing, as is a page made again from the same HTML.
    assert.strictEqual(panel.sent.length, 0, 'the body was not sent: the page has it');
    await panel.handleMessage({ type: 'ready' });
    assert.strictEqual(panel.sent.length, 0, 'nor to the page made again');
    try {
      api.data.store.patchIssue(issueRef, { status: 'resolved' });
      await panel.handleMessage({ type: 'ready' });
      const show = panel.sent[panel.sent.length - 1];
      assert.ok(show.type === 'show' && show.renderId === 2, JSON.stringify(show).slice(0, 200));
      assert.match(show.html, /<span class="badge issue-status">resolved<\/span>/, 'the page made again gets the current header');
    } finally {
      api.data.store.patchIssue(issueRef, { status: 'unresolved' });
    }
  });

  it('an event still loading: the page says Loading and gets its body after ready', async () => {
    const issue = DEMO.issues.outOfStock;
    const ref = { org: DEMO.organizations.demo.slug, project: issue.project, eventId: eventIdFor(eventSeed(issue.id, 20)), issueId: issue.id };
    // Only what a list of events gives: the panel asks Sentry for the event.
    const listed = api.data.store.event(ref);
    if (listed) api.data.store.putEvent(ref, { ...listed, hasDetail: false });
    await injectFault({ match: ref.eventId, delayMs: 600 });
    const panel = await paintedPanel(api, await vscode.commands.executeCommand<{ key: string }>('sentry.openEvent', ref));
    assert.match(panel.webviewPanel.webview.html, /<main id="event-detail" aria-live="polite"><p class="muted">Loading the event…<\/p><\/main>/);
    const show = panel.sent.find((m) => m.type === 'show');
    assert.ok(show && show.type === 'show' && show.renderId === panel.lastPaint?.renderId, 'the body was sent after ready and painted');
    assert.strictEqual(show.html, bodyOf(panel));
    assert.match(show.html, new RegExp(issue.shortId));
  });

  it('a panel closed while its event is still loading goes quietly', async () => {
    const issue = DEMO.issues.paymentCaptured;
    await injectFault({ match: issue.latestEventId, delayMs: 1500 });
    const ref = { org: DEMO.organizations.demo.slug, project: issue.project, eventId: issue.latestEventId, issueId: issue.id };
    const opened = await vscode.commands.executeCommand<{ key: string }>('sentry.openEvent', ref);
    const panel = api.panels.get(opened!.key);
    assert.ok(panel);
    panel.dispose();
    await panel.whenLoaded(); // rejected when the late event was written into the closed webview
    assert.strictEqual(panel.shownEvent, undefined, 'nothing kept for a closed panel');
    assert.strictEqual(api.panels.get(opened!.key), undefined);
  });

  it('Open Event from the palette opens the event selected in the tree', async () => {
    const rows = await childrenOf(api, await issueNode('webhookSignature'));
    await vscode.commands.executeCommand('workbench.view.extension.sentry-explorer');
    await api.treeView.reveal(rows[3], { select: true, focus: true });
    await waitFor(() => api.treeView.selection.length === 1, 'the row to be selected');
    const panel = await paintedPanel(api, await vscode.commands.executeCommand('sentry.openEvent'));
    assert.strictEqual(panel.shownEvent?.eventId, DEMO.issues.webhookSignature.latestEventId);
    assert.match(bodyOf(panel), /Webhook signature mismatch/);
  });
  it('a stack of 5,000 frames: the first HTML holds its first screen, and the page loads the rest of the first page by itself once painted', async () => {
    const ref = { org: 'screen-org', project: 'screen', eventId: 'f'.repeat(32) };
    api.data.store.putEvent(ref, parseEvent(manyFramesEvent(5_000)));
    const panel = await paintedPanel(api, await vscode.commands.executeCommand<{ key: string }>('sentry.openEvent', ref));
    const rows = (html: string) => (html.match(/<details class="frame /g) ?? []).length;
    assert.strictEqual(rows(bodyOf(panel)), 16, 'the first screen');
    assert.match(bodyOf(panel), /class="slot autoload" data-fragment="[^"]*&quot;kind&quot;:&quot;frames&quot;/);
    const rest = () => panel.sent.find((message) => message.type === 'fragment' && message.html.includes('more frames of'));
    await waitFor(() => rest() !== undefined, 'the page to ask for the rest of the first page', 10_000);
    const html = rest()?.html ?? '';
    assert.strictEqual(rows(html), 34, 'the rest ends where the first page ends');
    assert.strictEqual((html.match(/<details class="frame in-app" open>/g) ?? []).length, 5, '10 in-app frames expanded in all');
    assert.match(html, /Show 200 more frames of 4,950/);
  });
});
