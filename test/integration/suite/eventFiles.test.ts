import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { OpenEventFileResult } from '../../../src/commands/eventFileCommands';
import type { OpenFrameResult } from '../../../src/editor/frameOpener';
import type { SentryExplorerApi } from '../../../src/extension';
import { localEventKey } from '../../../src/model/localEventRef';
import type { TreeNode } from '../../../src/views/nodes/treeNode';
import { DEMO } from '../../fixtures/demo/demoConstants';
import { writeLargeNdjson } from '../../unit/sentry/largeNdjson';
import { childrenOf, extensionApi, frameByFunction, labelOf, resetServer, serverRequests } from './helpers';
import { bodyOf, clickRow, closePanels, frameRefIn } from './panelHelpers';
import { spyOnNotifications, spyOnQuickPicks, waitFor } from './uiSpies';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/events');
const fixture = (name: string) => path.join(FIXTURES, name);

describe('Open Event File: event files browsed offline in the same tree and panel', () => {
  let api: SentryExplorerApi;
  let tmp: string;

  before(async () => {
    api = await extensionApi();
    await resetServer();
    // Rows other suites left expanded would load again with every change to the tree.
    await vscode.commands.executeCommand('workbench.actions.treeView.sentryExplorer.tree.collapseAll');
    await vscode.commands.executeCommand('sentry.refresh');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sentry-event-files-'));
  });

  afterEach(() => {
    closePanels(api);
    for (const file of api.localFiles.paths()) api.localFiles.close(file);
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const openFile = async (file: string) => (await vscode.commands.executeCommand<OpenEventFileResult>('sentry.openEventFile', vscode.Uri.file(file)))!;

  async function localFileRow(file: string): Promise<TreeNode> {
    const [root] = await childrenOf(api);
    assert.strictEqual(labelOf(root), 'Local files', 'the Local files root comes first');
    const row = (await childrenOf(api, root)).find((node) => labelOf(node) === path.basename(file));
    assert.ok(row, `no row for ${path.basename(file)}`);
    return row;
  }

  it('one event in the SDK form: listed under Local files, its first event in the panel, its frames open the local line, offline', async () => {
    await childrenOf(api); // the tree's own rows (the organizations) are loaded before
    await resetServer();
    const file = fixture('store-event.json');
    const result = await openFile(file);
    assert.deepStrictEqual(result.opened.map((o) => [o.path, o.events]), [[file, 1]]);
    const panel = api.panels.get(localEventKey({ file, index: 0 }));
    assert.ok(panel, 'the first event opened in the panel');
    await waitFor(() => panel.lastPaint !== undefined, 'the panel to paint', 20_000);
    assert.match(bodyOf(panel), /<span class="exc-type">OutOfStockError<\/span>/);
    assert.match(bodyOf(panel), /store-event\.json/, 'the header names the file');

    const events = await childrenOf(api, await localFileRow(file));
    assert.strictEqual(events.length, 1);
    assert.match(String(events[0].getTreeItem().description), /^OutOfStockError: SKU-RED-MUG: requested 3, available 1 · error/);
    const exceptions = await childrenOf(api, events[0]);
    assert.deepStrictEqual(exceptions.map(labelOf), ['OutOfStockError', 'KeyError'], 'the raised exception first, as for a live event');
    const frame = await frameByFunction(api, exceptions[0], 'reserve_stock');
    const tooltip = frame.getTreeItem().tooltip;
    assert.ok(tooltip instanceof vscode.MarkdownString && !tooltip.isTrusted);
    assert.match(tooltip.value, /\*\*Variables\*\*\n\nsession = \\<Session at 0x7f2a1c3e5d90\\>/, "the frame's variables, escaped");
    const opened = (await clickRow<OpenFrameResult>(frame))!;
    assert.ok(opened.kind === 'file' && opened.path.endsWith(path.join('api-server', 'api', 'orders', 'service.py')), JSON.stringify(opened));
    assert.strictEqual(vscode.window.activeTextEditor?.selection.active.line, DEMO.frames.exact.localLine - 1);
    assert.deepStrictEqual(await serverRequests(), [], 'nothing was asked of Sentry');
  });

  it("a tag clicked in a file's event asks which organization to search, then opens Search Issues there on key:value", async () => {
    await api.currentProject.forget(); // no project of an earlier suite decides the organization
    const file = fixture('store-event.json');
    await openFile(file);
    const panel = api.panels.get(localEventKey({ file, index: 0 }));
    assert.ok(panel, 'the first event opened in the panel');
    await waitFor(() => panel.lastPaint !== undefined, 'the panel to paint', 20_000);
    assert.ok(!bodyOf(panel).includes('data-issue-action'), 'no issue actions for an event from a file');
    const tag = panel.shownEvent!.tags.findIndex((t) => t.key === 'customer.plan');
    assert.ok(tag >= 0);
    const picks = spyOnQuickPicks();
    const before = api.search.active;
    try {
      let settled = false;
      const searching = panel.handleMessage({ type: 'searchIssues', tag }).finally(() => (settled = true));
      await waitFor(() => picks.calls.length > 0, 'the question which organization to search');
      assert.strictEqual(picks.calls[0].options?.title, 'Search Issues in Which Organization?');
      assert.deepStrictEqual(picks.calls[0].items.map((item) => item.label), [DEMO.organizations.demo.name, DEMO.organizations.acme.name]);
      // The first organization, chosen as a user would (the pick may take a moment to show).
      for (let tries = 0; !settled && tries < 50; tries++) {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      assert.strictEqual(await searching, 'customer.plan:pro');
      await waitFor(() => api.search.active !== undefined && api.search.active !== before, 'the search quick pick');
      assert.strictEqual(api.search.active!.value, 'customer.plan:pro');
      assert.match(String(api.search.active!.title), new RegExp(`all projects of ${DEMO.organizations.demo.name}$`));
    } finally {
      picks.restore();
      api.search.active?.hide();
    }
  });

  it('one event in the API form, and a frame clicked in its panel', async () => {
    await childrenOf(api);
    await resetServer();
    const file = fixture('api-event.json');
    await openFile(file);
    const panel = api.panels.get(localEventKey({ file, index: 0 }))!;
    await waitFor(() => panel.lastPaint !== undefined, 'the panel to paint', 20_000);
    const result = (await panel.handleMessage({ type: 'openFrame', frame: frameRefIn(bodyOf(panel), 'recipientOf') })) as OpenFrameResult;
    assert.ok(result.kind === 'file' && result.path.endsWith(path.join('worker', 'src', 'jobs', 'sendEmail.js')), JSON.stringify(result));
    assert.strictEqual(vscode.window.activeTextEditor?.selection.active.line, 10);
    assert.deepStrictEqual(await serverRequests(), []);
  });

  it('an array of events, as a download writes them: every event a row, each parsed when expanded', async () => {
    const file = fixture('events-array.json');
    const result = await openFile(file);
    assert.strictEqual(result.opened[0].events, 2);
    const events = await childrenOf(api, await localFileRow(file));
    assert.deepStrictEqual(events.map((e) => e.getTreeItem().contextValue), ['localEvent', 'localEvent']);
    const second = await childrenOf(api, events[1]);
    assert.ok(second.length > 0 && second.every((row) => row.getTreeItem().contextValue === 'exception'), second.map(labelOf).join(' | '));
    const markdown = await vscode.commands.executeCommand<string>('sentry.copyEventAsMarkdown', events[1]);
    assert.match(markdown ?? '', /^## /);
    assert.match(markdown ?? '', /events-array\.json|### Exception/);
  });

  it("Sentry's raw JSON download and NDJSON, line by line", async () => {
    const raw = await openFile(fixture('raw-event.json'));
    assert.strictEqual(raw.opened[0].events, 1);
    const file = fixture('events.ndjson');
    const ndjson = await openFile(file);
    assert.strictEqual(ndjson.opened[0].events, 3);
    const rows = await childrenOf(api, await localFileRow(file));
    assert.deepStrictEqual(rows.map((row) => /line (\d)$/.exec(String(row.getTreeItem().description))?.[1]), ['1', '2', '3']);
    const panel = api.panels.get(localEventKey({ file, index: 0 }))!;
    await waitFor(() => panel.lastPaint !== undefined, 'the panel to paint', 20_000);
    const third = await clickRow<{ key: string }>(rows[2]);
    assert.strictEqual(third?.key, localEventKey({ file, index: 2 }));
  });

  it('a cut-off file says what is wrong and names its last line and column; the file is untouched', async () => {
    const spy = spyOnNotifications();
    try {
      const file = fixture('cut-off.json');
      const before = fs.readFileSync(file, 'utf8');
      const lines = before.split('\n');
      const result = await openFile(file);
      assert.deepStrictEqual(result.opened, []);
      assert.strictEqual(result.failed[0].line, lines.length, 'the last line');
      assert.strictEqual(result.failed[0].column, lines[lines.length - 1].length + 1);
      await waitFor(() => spy.calls.some((c) => c.kind === 'showErrorMessage'), 'the error message');
      const shown = spy.calls.find((c) => c.kind === 'showErrorMessage')!.text;
      assert.match(shown, new RegExp(`^Sentry: cut-off\\.json is not valid JSON: .+ at line ${lines.length}, column ${lines[lines.length - 1].length + 1} \\(the file may be cut off\\)\\. The file was not changed\\.$`));
      assert.strictEqual(fs.readFileSync(file, 'utf8'), before);
      assert.deepStrictEqual(api.localFiles.paths(), []);
    } finally {
      spy.restore();
    }
  });

  it('a cut-off NDJSON file opens its whole lines and says which line was skipped', async () => {
    const spy = spyOnNotifications();
    try {
      const file = fixture('cut-off.ndjson');
      const result = await openFile(file);
      assert.strictEqual(result.opened[0].events, 2);
      assert.match(result.opened[0].skipped[0], /^cut-off\.ndjson line 3 is not valid JSON: .+ \(the line is cut off\); it was skipped\.$/);
      const rows = await childrenOf(api, await localFileRow(file));
      assert.match(labelOf(rows[0]), /^cut-off\.ndjson line 3 is not valid JSON/, 'the tree says so above the events');
      await waitFor(() => spy.calls.some((c) => c.kind === 'showWarningMessage' && /2 events opened, 1 part skipped/.test(c.text)), 'the warning');
    } finally {
      spy.restore();
    }
  });

  it('a file that is not an event says what was expected', async () => {
    const result = await openFile(fixture('not-an-event.json'));
    assert.match(result.failed[0].message, /does not look like a Sentry event: expected an event object, a list of events, or \{"events": \[\.\.\.\]\}/);
  });

  it('a 100 MB NDJSON file opens from an index: only the events shown are parsed', async function () {
    this.timeout(120_000);
    const file = path.join(tmp, 'export.ndjson');
    const size = writeLargeNdjson(file, 5_200, 20_000);
    assert.ok(size > 100e6, `${size} bytes`);
    const started = performance.now();
    const result = await openFile(file);
    console.log(`    (opened a ${(size / 1e6).toFixed(0)} MB NDJSON of ${result.opened[0]?.events} events in ${(performance.now() - started).toFixed(0)} ms)`);
    assert.strictEqual(result.opened[0].events, 5_200);
    const rows = await childrenOf(api, await localFileRow(file));
    assert.strictEqual(rows.length, 201, '200 events, then Load more…');
    assert.strictEqual(labelOf(rows[200]), 'Load more…');
    await vscode.commands.executeCommand('sentry.loadMore', rows[200]);
    assert.strictEqual((await childrenOf(api, await localFileRow(file))).length, 401);
    const panel = api.panels.get(localEventKey({ file, index: 0 }));
    assert.ok(panel, 'its first event opened in the panel');
    await panel.whenLoaded();
    const parsed = () => Array.from({ length: 5_200 }, (_, index) => index).filter((index) => api.localFiles.event({ file, index }) !== undefined);
    assert.deepStrictEqual(parsed(), [0], 'only the event the panel shows was parsed');
    const exceptions = await childrenOf(api, rows[5]);
    assert.deepStrictEqual(exceptions.map(labelOf), ['LargeError']);
    assert.deepStrictEqual(parsed(), [0, 5], 'and the one expanded');
  });

  it('signed out, the opened files still show, with a way to sign in', async () => {
    await openFile(fixture('store-event.json'));
    await vscode.commands.executeCommand('sentry.signOut', { ignoreDiscovered: true });
    try {
      assert.deepStrictEqual((await childrenOf(api)).map(labelOf), ['Local files', 'Sign In to Browse Sentry…']);
    } finally {
      await vscode.commands.executeCommand('sentry.useDiscoveredToken');
    }
    assert.strictEqual(api.session.state, 'signedIn');
  });
});
