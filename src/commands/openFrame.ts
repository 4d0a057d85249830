import * as vscode from 'vscode';
import type { Session } from '../auth/session';
import type { ContextDocuments } from '../editor/contextDocuments';
import type { FrameClicks } from '../editor/frameClicks';
import type { FrameDecorations } from '../editor/frameDecorations';
import type { FrameJump } from '../editor/jumpProgress';
import { pickTiedFile } from '../editor/tiedFilePicker';
import type { WorkspaceFiles } from '../editor/workspaceFiles';
import type { Frame } from '../sentry/eventModel';
import { LineLocation, PathMapping, locateLine, substituteWorkspaceFolder } from '../source';
import { EventSource, FrameNode } from '../views/nodes/frameNode';
import { readSettings } from '../views/settings';
import { untrustedText } from '../views/untrustedText';

export type OpenFrameResult =
  | { kind: 'file'; path: string; line: number; column: number; location: LineLocation; method: string; evidence?: string }
  | { kind: 'context'; uri: string; reason: string }
  /** The user cancelled while the file index was being built, or closed the choice among tied files: nothing opened. */
  | { kind: 'cancelled' };

export interface OpenFrameDeps {
  session: Session;
  files: WorkspaceFiles;
  decorations: FrameDecorations;
  contextDocuments: ContextDocuments;
  clicks: FrameClicks;
}

/** Enough for the user to search a large tie by typing part of a folder name. */
const MAX_LISTED_CHOICES = 5000;

/**
 * Opens the local file a frame points at, on the line that raised (found again if the file has
 * drifted since the event), or the frame's captured context when no local file matches. When
 * several files match equally well the user chooses, and the choice is remembered.
 */
export async function openFrame(target: FrameNode | { frame: Frame; source?: EventSource }, deps: OpenFrameDeps, jump?: FrameJump): Promise<OpenFrameResult> {
  const frame = target.frame;
  const source = target.source ?? {};
  const index = await deps.files.indexForJump(jump);
  if (!index) return { kind: 'cancelled' };
  const resolution = await deps.clicks.resolverFor(deps.session.client).resolve(
    frame,
    {
      org: source.org,
      project: source.project,
      projectId: source.projectId ?? source.event?.projectId,
      platform: source.event?.platform,
      siblings: source.siblings,
    },
    { index, mappings: userMappings(deps.files.folders), rememberedChoices: deps.clicks.choices.all(), maxChoices: MAX_LISTED_CHOICES },
  );
  // Cancelled while slow (the progress notification's Cancel): nothing opens, nothing is said.
  if (jump?.cancelled) return { kind: 'cancelled' };

  if (!resolution.found) {
    const shown = await showContext(frame, resolution.reason, deps);
    void offerPathMapping(frame, deps.files);
    return shown;
  }
  let path: string;
  let evidence: string | undefined;
  if (resolution.ambiguous) {
    jump?.end();
    const chosen = await pickTiedFile(resolution);
    if (chosen === undefined) return { kind: 'cancelled' };
    await deps.clicks.choices.remember(resolution, chosen);
    path = chosen;
    evidence = 'your choice';
  } else {
    path = resolution.path;
    evidence = resolution.evidence;
  }

  const containment = await deps.files.containment().check(path);
  if (!containment.inside) {
    void vscode.window.showWarningMessage(`Sentry: ${untrustedText(containment.reason)} Showing the code Sentry captured instead.`);
    return showContext(frame, containment.reason, deps);
  }

  if (jump?.cancelled) return { kind: 'cancelled' };
  const uri = vscode.Uri.file(path);
  const document = await vscode.workspace.openTextDocument(uri);
  const location = locateLine(deps.clicks.lines.of(document.getText()), frame);
  const line = Math.min(Math.max(location.line, 1), document.lineCount) - 1;
  const column = Math.max((location.column ?? 1) - 1, 0);
  const position = new vscode.Position(line, Math.min(column, document.lineAt(line).text.length));
  const editor = await vscode.window.showTextDocument(document, { preview: false, selection: new vscode.Range(position, position) });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  deps.decorations.mark(editor, line, source.exceptionLabel);
  if (location.message) {
    const show = location.status === 'moved' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
    void show(`Sentry: ${untrustedText(vscode.workspace.asRelativePath(uri))}: ${location.message}`);
  }
  return { kind: 'file', path, line: line + 1, column: position.character + 1, location, method: resolution.method, evidence };
}

async function showContext(frame: Frame, reason: string, deps: OpenFrameDeps): Promise<OpenFrameResult> {
  const { uri } = await deps.contextDocuments.show(frame, reason);
  return { kind: 'context', uri: uri.toString(), reason };
}

function userMappings(folders: Array<{ name: string; path: string }>): PathMapping[] {
  const mappings: PathMapping[] = [];
  for (const [from, to] of Object.entries(readSettings().pathMappings)) {
    if (typeof to !== 'string' || !from) continue;
    const local = substituteWorkspaceFolder(to, folders);
    if (local) mappings.push({ from, to: local });
  }
  return mappings;
}

async function offerPathMapping(frame: Frame, files: WorkspaceFiles): Promise<void> {
  const framePath = frame.absPath || frame.filename;
  if (!framePath || files.folders.length === 0) return;
  const choice = await vscode.window.showInformationMessage(
    `Sentry: no local file matches ${untrustedText(framePath)}. Showing the code Sentry captured instead.`,
    'Add Path Mapping…',
  );
  if (choice !== 'Add Path Mapping…') return;
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
  const config = vscode.workspace.getConfiguration('sentry');
  const mappings = { ...config.get<Record<string, string>>('pathMappings', {}), [from]: folder[0].fsPath };
  await config.update('pathMappings', mappings, vscode.ConfigurationTarget.Workspace);
  void vscode.window.showInformationMessage(`Sentry: frames under ${untrustedText(from)} now open from ${untrustedText(folder[0].fsPath)}. Click the frame again.`);
}
