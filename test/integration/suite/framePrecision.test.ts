import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { OpenFrameResult } from '../../../src/editor/frameOpener';
import type { SentryExplorerApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/views/nodes/treeNode';
import { DEMO } from '../../fixtures/demo/demoConstants';
import { FRAME_PRECISION } from '../../fixtures/demo/framePrecisionIssues';
import { child, extensionApi, frameByFunction, issueByShortId, resetServer, serverRequests, workspaceRoot } from './helpers';
import { CLICKABLE_LINK, spyOnNotifications, spyOnQuickPicks, waitFor } from './uiSpies';

describe('frame → file precision (issue 6): hostile frames, tied files, links out of the workspace', () => {
  let api: SentryExplorerApi;

  before(async () => {
    api = await extensionApi();
    await resetServer();
    await vscode.commands.executeCommand('sentry.refresh');
  });

  async function precisionFrame(fn: string): Promise<TreeNode> {
    const org = await child(api, undefined, DEMO.organizations.demo.name);
    const project = await child(api, org, DEMO.projects.webFrontend.name);
    const issue = await issueByShortId(api, project, FRAME_PRECISION.issue.shortId);
    return frameByFunction(api, await child(api, issue, 'Latest event'), fn);
  }

  function activeEditor(): vscode.TextEditor | undefined {
    return vscode.window.activeTextEditor;
  }

  function openFrame(frame: unknown): Thenable<OpenFrameResult | undefined> {
    return vscode.commands.executeCommand<OpenFrameResult>('sentry.openFrame', frame);
  }

  /**
   * Runs quick-input commands until `done` settles: the pick may take a moment to appear in the workbench, and
   * opening the chosen file a few seconds on a loaded machine, so each attempt waits up to 15 s before the next.
   */
  async function driveQuickPick(commands: readonly string[], done: Promise<unknown>): Promise<void> {
    let settled = false;
    void done.then(() => (settled = true), () => (settled = true));
    for (let attempt = 0; attempt < 3 && !settled; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (const command of commands) await vscode.commands.executeCommand(command);
      for (let wait = 0; wait < 150 && !settled; wait++) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('a hostile event\'s frame with no local match shows a notification whose text contains no clickable link', async () => {
    const notifications = spyOnNotifications();
    try {
      const result = await openFrame(await precisionFrame(FRAME_PRECISION.hostileFrame.function));
      assert.strictEqual(result?.kind, 'context', JSON.stringify(result));
      await waitFor(() => notifications.calls.some((call) => /no local file matches/.test(call.text)), 'the "no local file" notification');
      const [shown] = notifications.calls.filter((call) => /no local file matches/.test(call.text));
      assert.ok(!CLICKABLE_LINK.test(shown.text), `a clickable link in: ${shown.text}`);
      assert.doesNotMatch(shown.text, /\]\(/);
      assert.match(shown.text, /Fix this now/, 'the frame path is still there to read');
      assert.strictEqual(vscode.window.activeTextEditor?.document.uri.scheme, 'sentry-frame', 'the captured code is shown instead');
      for (const call of notifications.calls) assert.ok(!CLICKABLE_LINK.test(call.text), `a clickable link in: ${call.text}`);
    } finally {
      notifications.restore();
      await vscode.commands.executeCommand('notifications.clearAll');
    }
  });

  it('the ambiguous-file quick pick appears: cancelling opens nothing and says nothing; the chosen file opens and is remembered', async () => {
    const spec = FRAME_PRECISION.tiedFile;
    const picks = spyOnQuickPicks();
    const notifications = spyOnNotifications();
    try {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const frame = await precisionFrame(spec.function);

      const cancelled = openFrame(frame);
      await waitFor(() => picks.calls.length === 1, 'the quick pick of tied files');
      const labels = picks.calls[0].items.map((item) => item.label);
      assert.deepStrictEqual(labels, [spec.localFile, spec.otherFile], 'both files, in path order');
      assert.ok(picks.calls[0].items.every((item) => /same file name Modal\.tsx · app code/.test(item.description ?? '')));
      assert.match(picks.calls[0].options?.placeHolder ?? '', /2 workspace files match the file name Modal\.tsx equally well/);
      await driveQuickPick(['workbench.action.closeQuickOpen'], Promise.resolve(cancelled));
      assert.deepStrictEqual(await cancelled, { kind: 'cancelled' });
      assert.strictEqual(activeEditor(), undefined, 'nothing opened');
      assert.deepStrictEqual(notifications.calls, [], 'nothing said');

      const chosen = openFrame(frame);
      await waitFor(() => picks.calls.length === 2, 'the quick pick again');
      await driveQuickPick(['workbench.action.quickOpenSelectNext', 'workbench.action.acceptSelectedQuickOpenItem'], Promise.resolve(chosen));
      const result = await chosen;
      const other = path.join(workspaceRoot(), ...spec.otherFile.split('/'));
      assert.ok(result?.kind === 'file' && result.path === other, JSON.stringify(result));
      assert.strictEqual(activeEditor()?.document.uri.fsPath, other);

      const again = await openFrame(frame);
      assert.strictEqual(picks.calls.length, 2, 'no quick pick the second time');
      assert.ok(again?.kind === 'file' && again.path === other, JSON.stringify(again));
      assert.strictEqual(again.evidence, 'your earlier choice for frames under webpack:///');
    } finally {
      picks.restore();
      notifications.restore();
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    }
  });

  it('clicks on frames of a project with Sentry code mappings read its mappings once and ask nothing per frame', async () => {
    const spec = DEMO.frames.node;
    const org = await child(api, undefined, DEMO.organizations.demo.name);
    const project = await child(api, org, DEMO.projects.worker.name);
    const issue = await issueByShortId(api, project, DEMO.issues.sendEmailRecipient.shortId);
    const frame = await frameByFunction(api, await child(api, issue, 'Latest event'), spec.function);
    await resetServer();
    for (let i = 0; i < 3; i++) {
      const result = await openFrame(frame);
      assert.ok(result?.kind === 'file' && result.method === 'codeMapping', JSON.stringify(result));
    }
    const paths = (await serverRequests()).map((request) => request.path);
    assert.ok(paths.filter((path) => path.endsWith('/code-mappings/')).length <= 1, paths.join(', '));
    assert.deepStrictEqual(paths.filter((path) => path.includes('/stacktrace-link/')), []);
  });

  it('a symlink in the workspace that leads outside it is not opened; the captured code is shown with the reason', async () => {
    const outsideDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentry-outside-'));
    const target = path.join(outsideDir, 'leak.ts');
    fs.writeFileSync(target, 'export const secret = "outside the workspace";\n');
    const link = path.join(workspaceRoot(), 'web-frontend', 'src', 'leak.ts');
    fs.symlinkSync(target, link);
    const notifications = spyOnNotifications();
    try {
      const leak = { abs_path: 'webpack:///./src/leak.ts', lineno: 1, in_app: true, context_line: 'export const secret = "outside the workspace";' };
      const frame = { event: { event_id: 'f'.repeat(32), stacktrace: { frames: [leak] } }, frame: { stack: { kind: 'stacktrace' }, frame: 0 } };
      let result: OpenFrameResult | undefined;
      // The file watcher adds the link to the index a moment after it appears.
      for (let attempt = 0; attempt < 40; attempt++) {
        result = await openFrame(frame);
        if (result?.kind === 'context' && /outside every workspace folder/.test(result.reason)) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      assert.ok(result?.kind === 'context' && /was not opened: it is a link to .*leak\.ts, outside every workspace folder/.test(result.reason), JSON.stringify(result));
      assert.strictEqual(vscode.window.activeTextEditor?.document.uri.scheme, 'sentry-frame');
      assert.ok(!vscode.workspace.textDocuments.some((doc) => doc.uri.fsPath === target || doc.uri.fsPath === link), 'the linked file was never opened');
      assert.ok(notifications.calls.some((call) => call.kind === 'showWarningMessage' && /outside every workspace folder/.test(call.text)));
    } finally {
      notifications.restore();
      fs.rmSync(link, { force: true });
      fs.rmSync(outsideDir, { recursive: true, force: true });
    }
  });
});
