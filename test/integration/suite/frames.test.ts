import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { OpenFrameResult } from '../../../src/editor/frameOpener';
import type { SentryExplorerApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/views/nodes/treeNode';
import { DEMO } from '../../fixtures/demo/demoConstants';
import { child, childrenOf, extensionApi, frameByFunction, issueByShortId, labelOf, resetServer, serverRequests, workspaceRoot } from './helpers';
import { waitFor } from './uiSpies';

type IssueKey = keyof typeof DEMO.issues;

describe('events and frames: from a Sentry error to the local line', () => {
  let api: SentryExplorerApi;

  before(async () => {
    api = await extensionApi();
    await resetServer();
    await vscode.commands.executeCommand('sentry.refresh');
  });

  async function issueNode(key: IssueKey): Promise<TreeNode> {
    const issue = DEMO.issues[key];
    const org = await child(api, undefined, DEMO.organizations.demo.name);
    const project = await child(api, org, issue.project);
    return issueByShortId(api, project, issue.shortId);
  }

  async function latestFrame(key: IssueKey, fn: string): Promise<TreeNode> {
    const latest = await child(api, await issueNode(key), 'Latest event');
    return frameByFunction(api, latest, fn);
  }

  async function open(frame: TreeNode): Promise<OpenFrameResult> {
    return (await vscode.commands.executeCommand<OpenFrameResult>('sentry.openFrame', frame))!;
  }

  function activeLine(): number {
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no editor opened');
    return editor.selection.active.line + 1;
  }

  it('an issue expands to latest, oldest, recommended, then its events by page', async () => {
    const issue = await issueNode('outOfStock');
    const rows = await childrenOf(api, issue);
    assert.deepStrictEqual(rows.slice(0, 3).map(labelOf), ['Latest event', 'Oldest event', 'Recommended event']);
    const events = rows.slice(3);
    assert.strictEqual(events.length, 26, '25 events + Load more…');
    assert.strictEqual(labelOf(events[25]), 'Load more…');
    const first = events[0].getTreeItem();
    assert.match(String(first.description), /OutOfStock|Error|:/);
    await vscode.commands.executeCommand('sentry.copyLink', events[0]);
    assert.match(await vscode.env.clipboard.readText(), new RegExp(`/issues/${DEMO.issues.outOfStock.id}/events/${DEMO.issues.outOfStock.latestEventId}/$`));
  });

  it('expanding events costs no request per event (the list carries full events)', async () => {
    const issue = await issueNode('outOfStock');
    const events = (await childrenOf(api, issue)).slice(3, 8);
    await resetServer();
    for (const event of events) {
      for (const exception of await childrenOf(api, event)) await childrenOf(api, exception);
    }
    assert.deepStrictEqual(await serverRequests(), []);
  });

  it('frames: crashing frame first, in-app emphasized, library frames folded', async () => {
    const latest = await child(api, await issueNode('outOfStock'), 'Latest event');
    const [exception] = await childrenOf(api, latest);
    const frames = await childrenOf(api, exception);
    const first = frames[0].getTreeItem();
    assert.strictEqual(first.contextValue, 'frame.inApp', 'the raising in-app frame comes first');
    assert.ok(typeof first.label === 'object' && first.label.highlights?.length, 'in-app frames are emphasized');
    const folded = frames.find((f) => /^\d+ library frames?$/.test(labelOf(f)));
    assert.ok(folded, `a folded library-frames node: ${frames.map(labelOf).join(' | ')}`);
    assert.ok((await childrenOf(api, folded)).every((f) => f.getTreeItem().contextValue === 'frame'));
  });

  it('chained exceptions: the raised one first, its cause after, each with type and value', async () => {
    const latest = await child(api, await issueNode('duplicateUser'), 'Latest event');
    const exceptions = await childrenOf(api, latest);
    assert.deepStrictEqual(exceptions.map(labelOf), ['DuplicateUserError', 'IntegrityError']);
    assert.match(String(exceptions[0].getTreeItem().description), /^raised · a user with email .+ already exists/);
    assert.match(String(exceptions[1].getTreeItem().description), /^cause · \(psycopg.errors.UniqueViolation\)/);
    const causeFrames = await childrenOf(api, exceptions[1]);
    assert.strictEqual(labelOf(causeFrames[0]), '4 library frames', 'the cause was raised inside the database driver');
    assert.deepStrictEqual(causeFrames.slice(1).map(labelOf), ['insert_user', 'create_user']);
  });

  it('threads when the event has no exception: the crashed thread first, expanded', async () => {
    const latest = await child(api, await issueNode('captureWatchdog'), 'Latest event');
    const threads = await childrenOf(api, latest);
    assert.ok(threads.length >= 2, threads.map(labelOf).join(' | '));
    assert.strictEqual(labelOf(threads[0]), 'Thread http-nio-8080-exec-3');
    assert.strictEqual(threads[0].getTreeItem().collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    const frames = await childrenOf(api, threads[0]);
    assert.deepStrictEqual(frames.slice(0, 3).map(labelOf), ['1 library frame', 'withLock', 'capture'], 'the blocked frames first');
  });

  it('a message-only event says there is no stack and shows the message', async () => {
    const latest = await child(api, await issueNode('webhookSignature'), 'Latest event');
    const [only, ...rest] = await childrenOf(api, latest);
    assert.deepStrictEqual(rest, []);
    assert.match(labelOf(only), /^No stack trace\. Message: Webhook signature mismatch/);
  });

  it('frame order flips with the view\'s toggle; library frames can be hidden', async () => {
    const config = () => vscode.workspace.getConfiguration('sentry');
    const frameLabels = async () => {
      const latest = await child(api, await issueNode('outOfStock'), 'Latest event');
      const [exception] = await childrenOf(api, latest);
      return (await childrenOf(api, exception)).map(labelOf);
    };
    const crashFirst = await frameLabels();
    try {
      await vscode.commands.executeCommand('sentry.toggleFrameOrder');
      assert.strictEqual(config().get('frameOrder'), 'callerFirst');
      const callerFirst = await frameLabels();
      assert.deepStrictEqual(callerFirst, [...crashFirst].reverse());
      await config().update('hideLibraryFrames', true, vscode.ConfigurationTarget.Global);
      const hidden = await frameLabels();
      assert.ok(hidden.length > 0 && !hidden.some((l) => /library frame/.test(l)), hidden.join(' | '));
    } finally {
      await config().update('hideLibraryFrames', undefined, vscode.ConfigurationTarget.Global);
      await config().update('frameOrder', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.deepStrictEqual(await frameLabels(), crashFirst);
  });

  it('opens the right file at the right line, and marks it', async () => {
    const spec = DEMO.frames.exact;
    const result = await open(await latestFrame('outOfStock', spec.function));
    assert.strictEqual(result.kind, 'file');
    assert.ok(result.kind === 'file' && result.path.endsWith(path.join(...spec.localFile.split('/'))), JSON.stringify(result));
    assert.strictEqual(result.kind === 'file' && result.location.status, 'exact');
    assert.strictEqual(activeLine(), spec.localLine);
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(api.decorations.markedLine(editor.document.uri), spec.localLine - 1);
    assert.ok(!editor.document.isUntitled && editor.document.uri.scheme === 'file', 'the editable local file');
  });

  it("expanding an event opens its likely first frame's file unseen, asking Sentry nothing; the click then shows it", async () => {
    const spec = DEMO.frames.exact;
    await api.frames.files.getIndex();
    const latest = await child(api, await issueNode(spec.issue), 'Latest event');
    await childrenOf(api, latest);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The view shown first: its Collapse All exists only once the view does.
    await vscode.commands.executeCommand('sentryExplorer.tree.focus');
    await vscode.commands.executeCommand('workbench.actions.treeView.sentryExplorer.tree.collapseAll');
    await resetServer();
    const preopened: string[] = [];
    const listening = api.frames.onDidPreopen((file) => preopened.push(file));
    try {
      await api.treeView.reveal(latest, { expand: true, select: false, focus: false });
      await waitFor(() => preopened.length > 0, 'the likely frame\'s file to open in the background', 20_000);
    } finally {
      listening.dispose();
      // Revealing the row made its project current (the status bar counts it): later suites expect none.
      await api.currentProject.forget();
    }
    assert.deepStrictEqual(preopened, [path.join(workspaceRoot(), ...spec.localFile.split('/'))], 'one file, the raising in-app frame\'s');
    assert.ok(vscode.workspace.textDocuments.some((document) => document.uri.fsPath === preopened[0]), 'the document is open');
    assert.ok(vscode.window.visibleTextEditors.every((editor) => editor.document.uri.fsPath !== preopened[0]), 'but not shown');
    // The status bar counts the project the reveal made current; the event and its frames ask nothing.
    assert.deepStrictEqual((await serverRequests()).filter((request) => /\/events\/|stacktrace-link/.test(request.path)), [], 'nothing asked of Sentry for the event or its frames');
    const result = await open(await frameByFunction(api, latest, spec.function));
    assert.ok(result.kind === 'file' && result.path === preopened[0], JSON.stringify(result));
    assert.strictEqual(activeLine(), spec.localLine);
  });

  it('finds the line again when the code has moved since the event', async () => {
    const spec = DEMO.frames.moved;
    const result = await open(await latestFrame('refundCurrency', spec.function));
    assert.ok(result.kind === 'file' && result.location.status === 'moved', JSON.stringify(result));
    assert.strictEqual(result.location.from, spec.lineNo);
    assert.strictEqual(result.location.to, spec.localLine);
    assert.strictEqual(activeLine(), spec.localLine);
  });

  it('follows an edit made locally after the event, and the edit clears the mark', async () => {
    const spec = DEMO.frames.exact;
    const file = vscode.Uri.file(path.join(workspaceRoot(), ...spec.localFile.split('/')));
    const onDisk = fs.readFileSync(file.fsPath, 'utf8');
    const added = '# added locally\n# after the event\n# was recorded\n';
    await open(await latestFrame('outOfStock', spec.function));
    assert.strictEqual(api.decorations.markedLine(file), spec.localLine - 1, 'marked before the edit');
    const document = await vscode.workspace.openTextDocument(file);
    const insert = new vscode.WorkspaceEdit();
    insert.insert(file, new vscode.Position(0, 0), added);
    assert.ok(await vscode.workspace.applyEdit(insert));
    try {
      // code-server may abort a save (a slow save participant) or save by itself: wait for the file, not for a time.
      await savedAs(document, added + onDisk);
      await waitFor(() => api.decorations.markedLine(file) === undefined, 'the edit to clear the mark');
      const result = await open(await latestFrame('outOfStock', spec.function));
      assert.ok(result.kind === 'file' && result.location.status === 'moved', JSON.stringify(result));
      assert.strictEqual(activeLine(), spec.localLine + 3);
      assert.strictEqual(api.decorations.markedLine(file), spec.localLine + 2);
    } finally {
      const undo = new vscode.WorkspaceEdit();
      undo.delete(file, new vscode.Range(0, 0, 3, 0));
      await vscode.workspace.applyEdit(undo);
      await savedAs(document, onDisk);
    }
    assert.strictEqual(fs.readFileSync(file.fsPath, 'utf8'), onDisk);
  });

  it('says when the local file differs from the code that ran, and opens the recorded line', async () => {
    const spec = DEMO.frames.differs;
    const result = await open(await latestFrame('discountDivision', spec.function));
    assert.ok(result.kind === 'file' && result.location.status === 'differs', JSON.stringify(result));
    assert.strictEqual(activeLine(), spec.lineNo);
  });

  it('opens an unmapped frame as a read-only document of its context', async () => {
    const spec = DEMO.frames.unmapped;
    const recommended = await child(api, await issueNode('legacyBilling'), 'Recommended event');
    const result = await open(await frameByFunction(api, recommended, spec.function));
    assert.strictEqual(result.kind, 'context');
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.scheme, 'sentry-frame');
    assert.match(editor.document.getText(), new RegExp(spec.function));
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /^>/);
  });

  it('a user path mapping (with ${workspaceFolder}) comes first', async () => {
    const config = () => vscode.workspace.getConfiguration('sentry');
    const spec = DEMO.frames.unmapped;
    const folder = path.join(workspaceRoot(), 'api-server', 'api', 'billing');
    const vendored = path.join(folder, 'legacy_billing.py');
    fs.writeFileSync(vendored, '# vendored copy\n');
    try {
      // The file watcher adds the new file to the index a moment after it appears: wait for that, not for a time.
      const index = await api.frames.files.getIndex();
      await waitFor(() => index.has(vendored), 'the new file in the workspace index', 20_000);
      await config().update('pathMappings', { '/srv/app/vendor/': '${workspaceFolder}/api-server/api/billing/' }, vscode.ConfigurationTarget.Global);
      const recommended = await child(api, await issueNode('legacyBilling'), 'Recommended event');
      const result = await open(await frameByFunction(api, recommended, spec.function));
      assert.ok(result.kind === 'file' && result.method === 'mapping' && result.path === vendored, JSON.stringify(result));
    } finally {
      await config().update('pathMappings', undefined, vscode.ConfigurationTarget.Global);
      fs.rmSync(vendored, { force: true });
    }
  });

  it('a hostile frame path never opens a file outside the workspace', async () => {
    const hostile = { in_app: true, context_line: 'root:x:0:0:root:/root:/bin/bash', lineno: 1, function: 'evil' };
    for (const absPath of ['/etc/passwd', '../../../../../../etc/passwd', 'file:///etc/passwd', 'C:\\Windows\\win.ini', 'app:///../../etc/passwd']) {
      const event = { event_id: 'e'.repeat(32), stacktrace: { frames: [{ ...hostile, abs_path: absPath, filename: absPath }] } };
      const result = (await vscode.commands.executeCommand<OpenFrameResult>('sentry.openFrame', { event, frame: { stack: { kind: 'stacktrace' }, frame: 0 } }))!;
      assert.strictEqual(result.kind, 'context', `${absPath}: ${JSON.stringify(result)}`);
    }
  });

  for (const [label, key, spec] of [
    ['a Java frame (package + file name)', 'paymentCaptured', DEMO.frames.java],
    ['a Node frame under /var/task/ (Sentry code mapping)', 'sendEmailRecipient', DEMO.frames.node],
    ['a Node frame under app:///', 'retryGiveUp', DEMO.frames.nodeAppPrefix],
    ['a source-mapped browser frame (webpack:///./)', 'cartPrice', DEMO.frames.browser],
  ] as const) {
    it(`resolves ${label}`, async () => {
      const result = await open(await latestFrame(key, spec.function));
      assert.ok(result.kind === 'file' && result.path.endsWith(path.join(...spec.localFile.split('/'))), JSON.stringify(result));
      assert.strictEqual(activeLine(), spec.localLine);
      if ('colNo' in spec) assert.strictEqual(vscode.window.activeTextEditor!.selection.active.character + 1, spec.colNo);
      if (key === 'sendEmailRecipient') assert.strictEqual(result.method, 'codeMapping', 'found through the project\'s Sentry code mapping');
    });
  }
});

/** Saves until the file on disk holds `text` (a save can be aborted by a slow participant, or done already by auto save). */
async function savedAs(document: vscode.TextDocument, text: string): Promise<void> {
  const onDisk = () => fs.readFileSync(document.uri.fsPath, 'utf8');
  for (let attempt = 0; attempt < 10 && onDisk() !== text; attempt++) {
    await document.save();
    await waitFor(() => onDisk() === text || !document.isDirty, 'the save to end', 5_000).catch(() => undefined);
  }
  await waitFor(() => onDisk() === text, `the file on disk to hold the ${text.length} characters`);
}
