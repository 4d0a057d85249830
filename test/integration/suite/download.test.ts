import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { SentryExplorerApi } from '../../../src/extension';
import type { DownloadSummary } from '../../../src/sentry/download/downloadTypes';
import { DEMO } from '../../fixtures/demo/demoConstants';
import { redisBulkEvents } from '../../fixtures/demo/workerIssues';
import { replaceCommand } from './commandStubs';
import { closePanels, currentHeader, issueActionsIn, paintedPanel } from './panelHelpers';
import { child, extensionApi, injectFault, issueByShortId, resetServer, serverRequests } from './helpers';
import { answerQuickPicks, replaceInWindow, watchNotifications, watchProgress } from './windowStubs';

const ORG = DEMO.organizations.demo;
const BULK = DEMO.issues.redisBulk;
const SMALL = DEMO.issues.outOfStock;

/** WORKER-3's events as the server serves them, newest first. */
function servedBulkEventIds(): string[] {
  const events = redisBulkEvents();
  return Array.from({ length: events.length }, (_, i) => events.at(i).eventID);
}

function readNdjson(file: string): Array<Record<string, unknown>> {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('Sentry: Download Issue Events… (issue 10)', function () {
  this.timeout(120_000);
  let api: SentryExplorerApi;
  let dir: string;
  let restores: Array<() => void>;

  before(async () => {
    api = await extensionApi();
    await resetServer();
    await vscode.commands.executeCommand('sentry.refresh');
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentry-download-it-'));
    restores = [];
  });
  afterEach(async () => {
    for (const restore of restores.reverse()) restore();
    fs.rmSync(dir, { recursive: true, force: true });
    await resetServer();
  });

  it('from an issue row: save dialog, options picker, a progress notification with counts, the file on disk, and a closing message', async () => {
    const org = await child(api, undefined, ORG.name);
    const project = await child(api, org, DEMO.projects.worker.name);
    const issue = await issueByShortId(api, project, BULK.shortId);
    const target = path.join(dir, 'worker-3.ndjson');
    const dialogs: string[] = [];
    restores.push(
      replaceInWindow('showSaveDialog', (async (options?: vscode.SaveDialogOptions) => {
        dialogs.push(`save:${options?.defaultUri?.path.split('/').pop() ?? ''}`);
        return vscode.Uri.file(target);
      }) as typeof vscode.window.showSaveDialog),
      answerQuickPicks((items) => {
        dialogs.push(`pick:${items.map((i) => `${i.label}=${i.description ?? ''}`).join('|')}`);
        return items[0];
      }),
    );
    const progress = watchProgress();
    const notes = watchNotifications();
    restores.push(progress.restore, notes.restore);

    const summary = await vscode.commands.executeCommand<DownloadSummary>('sentry.downloadIssueEvents', issue);

    assert.strictEqual(dialogs[0], `save:${BULK.shortId}-events.ndjson`);
    assert.match(dialogs[1], /^pick:\$\(cloud-download\) Download=worker-3\.ndjson\|Format=NDJSON, one event a line\|Date range=whole history \(.+ to .+\)\|Environment=all\|Open when done=no$/);
    assert.strictEqual(summary.outcome, 'complete');
    assert.deepStrictEqual(progress.titles, [`Downloading the events of ${BULK.shortId}`]);
    assert.ok(progress.messages.some((m) => /^[\d,]+ of 5,000 events · [\d,]+\/s/.test(m)), progress.messages.join('\n'));
    assert.ok(progress.messages.some((m) => / · about \d+ (s|min) left$/.test(m)), 'shows the time left');
    const written = readNdjson(target);
    assert.deepStrictEqual(written.map((e) => e.eventID), servedBulkEventIds());
    assert.deepStrictEqual(fs.readdirSync(dir), ['worker-3.ndjson']);
    const closing = notes.shown.find((n) => /Saved/.test(n.text));
    assert.ok(closing, notes.shown.map((n) => n.text).join('\n'));
    assert.strictEqual(closing.kind, 'info');
    assert.match(closing.text, /^Sentry: Saved all 5,000 events of WORKER-3 to worker-3\.ndjson \(\d+ (s|min)\)\.$/);
    assert.deepStrictEqual(closing.buttons, ['Open File']);
    const eventRequests = (await serverRequests()).filter((r) => r.path.endsWith(`/issues/${BULK.id}/events/`));
    assert.ok(eventRequests.length >= 50, `${eventRequests.length} requests: 100 events a page, windows in parallel`);
  });

  it('cancel from the progress notification: nothing left at the target, and says how far it got', async () => {
    await injectFault({ match: `/issues/${BULK.id}/events/?full=true`, delayMs: 150, times: Infinity });
    const progress = watchProgress();
    const notes = watchNotifications();
    restores.push(progress.restore, notes.restore);
    const target = path.join(dir, 'cancelled.ndjson');
    const running = vscode.commands.executeCommand<DownloadSummary>('sentry.downloadIssueEvents', { org: ORG.slug, issueId: BULK.id, targetPath: target });
    const started = Date.now();
    while (!progress.messages.some((m) => /^[1-9][\d,]* of 5,000 events/.test(m))) {
      assert.ok(Date.now() - started < 30_000, 'no progress within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    progress.cancel();
    const summary = await running;
    assert.strictEqual(summary.outcome, 'cancelled');
    assert.ok(summary.written > 0 && summary.written < 5000, String(summary.written));
    assert.deepStrictEqual(fs.readdirSync(dir), [], 'no file at the target, no temporary file');
    const closing = notes.shown.find((n) => /cancelled/.test(n.text));
    assert.ok(closing);
    assert.match(closing.text, /^Sentry: Download of WORKER-3 cancelled after [\d,]+ events; no file was written\.$/);
  });

  it('from the palette: an issue typed by short id, a JSON array, and a window the server refuses explained without its link syntax', async () => {
    restores.push(
      replaceInWindow('showInputBox', (async () => BULK.shortId) as typeof vscode.window.showInputBox),
      replaceInWindow('showSaveDialog', (async () => vscode.Uri.file(path.join(dir, 'bulk.json'))) as typeof vscode.window.showSaveDialog),
      answerQuickPicks((items) => items[0]),
    );
    const notes = watchNotifications();
    restores.push(notes.restore);
    await injectFault({ match: `/issues/${BULK.id}/events/?full=true`, status: 400, body: '{"detail": "Range refused, see [details](command:workbench.action.quit)"}' });
    const summary = await vscode.commands.executeCommand<DownloadSummary>('sentry.downloadIssueEvents');
    assert.strictEqual(summary.outcome, 'complete');
    assert.deepStrictEqual(summary.windows.filter((w) => w.state === 'refused').length, 1);
    const written = JSON.parse(fs.readFileSync(path.join(dir, 'bulk.json'), 'utf8')) as Array<{ eventID: string }>;
    assert.strictEqual(written.length, summary.written);
    assert.ok(written.length > 4000 && written.length < 5000, String(written.length));
    const served = servedBulkEventIds();
    assert.deepStrictEqual(written.map((e) => e.eventID), served.filter((id) => written.some((e) => e.eventID === id)), 'in the server\'s order');
    const closing = notes.shown.find((n) => /Saved/.test(n.text));
    assert.ok(closing, notes.shown.map((n) => n.text).join('\n'));
    assert.strictEqual(closing.kind, 'warning');
    assert.match(closing.text, /^Sentry: Saved [\d,]+ of 5,000 events of WORKER-3 to bulk\.json \(\d+ (s|min)\)\. Sentry refused the events from \S+ to \S+: "Range refused, see \[details\] \(command:/);
    assert.doesNotMatch(closing.text, /\]\(command:/, 'no clickable command link');
  });

  /** The editor tabs open on `file`. */
  function tabsOf(file: string): vscode.Tab[] {
    return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.fsPath === file);
  }

  it('"Open when done", chosen in the options picker, without Open Event File in the extension: the file opens in an editor once every event is in it', async () => {
    restores.push(replaceCommand('sentry.openEventFile', 'absent'));
    restores.push(() => void vscode.commands.executeCommand('workbench.action.closeAllEditors'));
    const target = path.join(dir, 'open-in-editor.ndjson');
    const shown: string[] = [];
    restores.push(
      replaceInWindow('showSaveDialog', (async () => vscode.Uri.file(target)) as typeof vscode.window.showSaveDialog),
      answerQuickPicks((items) => {
        const open = items.find((item) => item.label === 'Open when done');
        shown.push(open?.description ?? 'missing');
        return open?.description === 'no' ? open : items[0];
      }),
    );
    const summary = await vscode.commands.executeCommand<DownloadSummary>('sentry.downloadIssueEvents', { org: ORG.slug, issueId: SMALL.id });
    assert.deepStrictEqual(shown, ['no', 'yes'], 'off at first, on once picked');
    assert.strictEqual(summary.outcome, 'complete');
    assert.strictEqual(summary.written, SMALL.eventCount);
    assert.strictEqual(tabsOf(target).length, 1, 'an editor on the file');
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === target);
    assert.ok(editor, 'visible');
    assert.strictEqual(editor.document.lineCount, SMALL.eventCount + 1, 'every event, one a line, as on disk');
  });

  it('"Open when done" with Open Event File in the extension: the file goes to it as a Uri, no editor opens; a download that stops short opens nothing', async () => {
    const handed: unknown[] = [];
    restores.push(replaceCommand('sentry.openEventFile', (...args) => handed.push(args)));
    const target = path.join(dir, 'open-in-panel.ndjson');
    const summary = await vscode.commands.executeCommand<DownloadSummary>('sentry.downloadIssueEvents', {
      org: ORG.slug,
      issueId: SMALL.id,
      targetPath: target,
      openWhenDone: true,
    });
    assert.strictEqual(summary.outcome, 'complete');
    assert.strictEqual(handed.length, 1);
    const [uri] = handed[0] as unknown[];
    assert.ok(uri instanceof vscode.Uri, 'a vscode.Uri');
    assert.strictEqual(uri.fsPath, target);
    assert.strictEqual(readNdjson(target).length, SMALL.eventCount, 'the file was complete when handed over');
    assert.strictEqual(tabsOf(target).length, 0, 'no editor of its own');

    await injectFault({ match: `/issues/${SMALL.id}/events/?full=true`, status: 500, times: Infinity });
    const failed = await vscode.commands.executeCommand<DownloadSummary>('sentry.downloadIssueEvents', {
      org: ORG.slug,
      issueId: SMALL.id,
      targetPath: path.join(dir, 'stopped.ndjson'),
      openWhenDone: true,
    });
    assert.strictEqual(failed.outcome, 'partial');
    assert.strictEqual(handed.length, 1, 'nothing more opened');
  });

  it("from the event panel's Download Events… button: the panel's issue, every event on disk", async () => {
    const refund = DEMO.issues.refundCurrency;
    const target = path.join(dir, 'refund.ndjson');
    restores.push(
      replaceInWindow('showSaveDialog', (async () => vscode.Uri.file(target)) as typeof vscode.window.showSaveDialog),
      answerQuickPicks((items) => items[0]),
    );
    const panel = await paintedPanel(api, await vscode.commands.executeCommand('sentry.openEvent', { org: ORG.slug, issueId: refund.id, which: 'latest' }));
    assert.ok(issueActionsIn(currentHeader(panel)).includes('downloadEvents'), 'the header offers the download');

    const summary = (await panel.handleMessage({ type: 'issueAction', action: 'downloadEvents' })) as DownloadSummary;

    assert.strictEqual(summary.outcome, 'complete');
    const written = readNdjson(target);
    assert.strictEqual(written.length, refund.eventCount);
    assert.ok(written.every((event) => event.groupID === refund.id), 'only the panel issue\'s events');
    await closePanels(api);
  });

  it('is on the issue rows\' context menu and in the palette when signed in', () => {
    const ext = vscode.extensions.getExtension('sentry-explorer.sentry-explorer')!;
    const menus = ext.packageJSON.contributes.menus as Record<string, Array<{ command: string; when?: string }>>;
    assert.ok(menus['view/item/context'].some((m) => m.command === 'sentry.downloadIssueEvents' && /viewItem =~ \/\^issue\//.test(m.when ?? '')));
    assert.ok(menus.commandPalette.some((m) => m.command === 'sentry.downloadIssueEvents' && m.when === 'sentry.authState == signedIn'));
  });
});
