import * as vscode from 'vscode';
import type { Session } from '../auth/session';
import type { ContextDocuments } from '../editor/contextDocuments';
import type { FrameDecorations } from '../editor/frameDecorations';
import type { WorkspaceFiles } from '../editor/workspaceFiles';
import type { Frame } from '../sentry/eventModel';
import { FrameResolver, LineLocation, PathMapping, locateLine, substituteWorkspaceFolder } from '../source';
import type { CodeMappingLookup } from '../source';
import { EventSource, FrameNode } from '../views/nodes/frameNode';
import { readSettings } from '../views/settings';

export type OpenFrameResult =
  | { kind: 'file'; path: string; line: number; column: number; location: LineLocation; method: string }
  | { kind: 'context'; uri: string; reason: string };

export interface OpenFrameDeps {
  session: Session;
  files: WorkspaceFiles;
  decorations: FrameDecorations;
  contextDocuments: ContextDocuments;
  codeMappings: CodeMappingCache;
}

/**
 * Opens the local file a frame points at, on the line that raised (found again if the file has
 * drifted since the event), or the frame's captured context when no local file matches.
 */
export async function openFrame(target: FrameNode | { frame: Frame; source?: EventSource }, deps: OpenFrameDeps): Promise<OpenFrameResult> {
  const frame = target.frame;
  const source = target.source ?? {};
  const index = await deps.files.getIndex();
  const resolver = new FrameResolver(index, { mappings: userMappings(deps.files.folders) });
  const siblingPaths = (source.siblings ?? [])
    .filter((f) => f !== frame)
    .map((f) => resolver.resolve(f))
    .flatMap((r) => (r.found && !r.ambiguous ? [r.path] : []));
  const resolution = await resolver.resolveAsync(frame, { siblingPaths, codeMappingLookup: deps.codeMappings.lookupFor(deps.session, source) });

  if (!resolution.found || resolution.ambiguous) {
    const { uri } = await deps.contextDocuments.show(frame, resolution.reason);
    void offerPathMapping(frame, deps.files);
    return { kind: 'context', uri: uri.toString(), reason: resolution.reason };
  }

  const uri = vscode.Uri.file(resolution.path);
  const document = await vscode.workspace.openTextDocument(uri);
  const location = locateLine(document.getText(), frame);
  const line = Math.min(Math.max(location.line, 1), document.lineCount) - 1;
  const column = Math.max((location.column ?? 1) - 1, 0);
  const position = new vscode.Position(line, Math.min(column, document.lineAt(line).text.length));
  const editor = await vscode.window.showTextDocument(document, { preview: false, selection: new vscode.Range(position, position) });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  deps.decorations.mark(editor, line, source.exceptionLabel);
  if (location.message) {
    const show = location.status === 'moved' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
    void show(`Sentry: ${vscode.workspace.asRelativePath(uri)}: ${location.message}`);
  }
  return { kind: 'file', path: resolution.path, line: line + 1, column: position.character + 1, location, method: resolution.method };
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

/**
 * Sentry's code mappings (the `stacktrace-link` endpoint), asked only when no user mapping
 * matched; a project that has none is remembered and not asked again.
 */
export class CodeMappingCache {
  private readonly projectsWithout = new Set<string>();

  lookupFor(session: Session, source: EventSource): CodeMappingLookup | undefined {
    const client = session.client;
    const { org, project } = source;
    if (!client || !org || !project || this.projectsWithout.has(`${org}/${project}`)) return undefined;
    return async (frame) => {
      const file = frame.filename || frame.absPath;
      if (!file) return undefined;
      const signal = AbortSignal.timeout(4000);
      const link = await client.getStacktraceLink(
        org,
        project,
        { file, absPath: frame.absPath, module: frame.module, package: frame.package, platform: frame.platform ?? source.event?.platform, lineNo: frame.lineNo },
        { signal },
      );
      if (link.error === 'no_code_mappings_for_project') this.projectsWithout.add(`${org}/${project}`);
      return link.sourcePath;
    };
  }
}

async function offerPathMapping(frame: Frame, files: WorkspaceFiles): Promise<void> {
  const framePath = frame.absPath || frame.filename;
  if (!framePath || files.folders.length === 0) return;
  const choice = await vscode.window.showInformationMessage(
    `Sentry: no local file matches ${framePath}. Showing the code Sentry captured instead.`,
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
  void vscode.window.showInformationMessage(`Sentry: frames under ${from} now open from ${folder[0].fsPath}. Click the frame again.`);
}
