import * as vscode from 'vscode';
import { addPathMapping } from '../config';
import type { Frame } from '../sentry/event/eventModel';
import { untrustedText } from '../views/untrustedText';

const ADD = 'Add Path Mapping…';

/** After a frame with no local file: offers to map its path prefix to a local folder (saved in the workspace's settings). */
export async function offerPathMapping(frame: Frame, hasWorkspaceFolders: boolean): Promise<void> {
  const framePath = frame.absPath || frame.filename;
  if (!framePath || !hasWorkspaceFolders) return;
  const choice = await vscode.window.showInformationMessage(`Sentry: no local file matches ${untrustedText(framePath)}. Showing the code Sentry captured instead.`, ADD);
  if (choice !== ADD) return;
  const slash = Math.max(framePath.lastIndexOf('/'), framePath.lastIndexOf('\\'));
  const from = await vscode.window.showInputBox({
    title: 'Sentry path mapping (1/2)',
    prompt: 'Path prefix as it appears in Sentry frames',
    value: slash > 0 ? framePath.slice(0, slash + 1) : framePath,
    ignoreFocusOut: true,
  });
  if (!from) return;
  const folder = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Map to this folder', title: `Local folder for ${from}` });
  if (!folder?.[0]) return;
  await addPathMapping(from, folder[0].fsPath);
  void vscode.window.showInformationMessage(`Sentry: frames under ${untrustedText(from)} now open from ${untrustedText(folder[0].fsPath)}. Click the frame again.`);
}
