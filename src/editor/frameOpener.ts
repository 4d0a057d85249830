import * as vscode from 'vscode';
import type { Session } from '../auth/session';
import { readConfig } from '../config';
import { frameAt, stackAt, stackLabel } from '../model/eventFrames';
import type { EventRef, FrameRef } from '../model/refs';
import type { SentryData } from '../model/sentryData';
import type { Frame, SentryEvent } from '../sentry/event/eventModel';
import { ClickSource, LineLocation, PathMapping, locateLine, substituteWorkspaceFolder } from '../source';
import { untrustedText } from '../views/untrustedText';
import type { ContextDocuments } from './contextDocuments';
import type { FrameClicks } from './frameClicks';
import type { FrameDecorations } from './frameDecorations';
import { offerPathMapping } from './pathMappingOffer';
import { pickTiedFile } from './tiedFilePicker';
import type { WorkspaceFiles } from './workspaceFiles';

export type OpenFrameResult =
  | { kind: 'file'; path: string; line: number; column: number; location: LineLocation; method: string; evidence?: string }
  | { kind: 'context'; uri: string; reason: string }
  /** Several files matched equally well and the user closed the choice: nothing opened. */
  | { kind: 'cancelled' };

export interface FrameOpenerDeps {
  session: Session;
  data: SentryData;
  files: WorkspaceFiles;
  decorations: FrameDecorations;
  contextDocuments: ContextDocuments;
  clicks: FrameClicks;
}

/** Where a frame came from: enough to ask Sentry for code mappings and to label the line. */
interface FrameSource extends ClickSource {
  /** "TypeError: x is undefined", shown after the marked line. */
  label?: string;
}

export interface FrameOpenOptions {
  /** The editor group to open the file in (the detail panel opens frames beside itself); the active one by default. */
  viewColumn?: vscode.ViewColumn;
}

/** Enough for the user to search a large tie by typing part of a folder name. */
const MAX_LISTED_CHOICES = 5000;

/**
 * Opening a frame, for every surface (the tree, the event detail panel, a link): finds the local
 * file through the resolver (user path mappings, the project's Sentry code mappings read once,
 * known prefixes, suffixes), asks the user when files tie, checks the real path stays in the
 * workspace, opens it at the line that raised (found again if the file has drifted) and marks it —
 * or shows the frame's captured code, with an offer to add a path mapping.
 */
export class FrameOpener {
  constructor(private readonly deps: FrameOpenerDeps) {}

  get files(): WorkspaceFiles {
    return this.deps.files;
  }

  /** A frame of an event the store holds (or that Sentry is asked for). */
  async openInEvent(ref: EventRef, frame: FrameRef, options: FrameOpenOptions = {}): Promise<OpenFrameResult> {
    const event = await this.deps.data.getEvent(ref);
    const issue = ref.issueId ? this.deps.data.store.issue({ org: ref.org, issueId: ref.issueId }) : undefined;
    return this.openIn(event, frame, { org: ref.org, project: ref.project, projectId: issue?.projectId ?? event.projectId }, options);
  }

  /** A frame of an event that is not Sentry's to look up (read from a file, sent by a caller): local rules only. */
  openInParsedEvent(event: SentryEvent, frame: FrameRef, options: FrameOpenOptions = {}): Promise<OpenFrameResult> {
    return this.openIn(event, frame, {}, options);
  }

  private openIn(event: SentryEvent, ref: FrameRef, where: ClickSource, options: FrameOpenOptions): Promise<OpenFrameResult> {
    const frame = frameAt(event, ref);
    if (!frame) throw new Error('That frame is not in the event.');
    const label = stackLabel(event, ref.stack);
    return this.open(frame, {
      ...where,
      platform: event.platform,
      siblings: stackAt(event, ref.stack)?.frames,
      label: label === undefined ? undefined : untrustedText(label, 200),
    }, options);
  }

  private async open(frame: Frame, source: FrameSource, options: FrameOpenOptions): Promise<OpenFrameResult> {
    const { files, clicks, decorations } = this.deps;
    const index = await files.getIndex();
    const resolution = await clicks
      .resolverFor(this.deps.session.client)
      .resolve(frame, source, { index, mappings: userMappings(files.folders), rememberedChoices: clicks.choices.all(), maxChoices: MAX_LISTED_CHOICES });

    if (!resolution.found) {
      const shown = await this.showContext(frame, resolution.reason, options);
      void offerPathMapping(frame, files.folders.length > 0);
      return shown;
    }
    let path: string;
    let evidence: string | undefined;
    if (resolution.ambiguous) {
      const chosen = await pickTiedFile(resolution);
      if (chosen === undefined) return { kind: 'cancelled' };
      await clicks.choices.remember(resolution, chosen);
      path = chosen;
      evidence = 'your choice';
    } else {
      path = resolution.path;
      evidence = resolution.evidence;
    }

    const containment = await files.containment().check(path);
    if (!containment.inside) {
      void vscode.window.showWarningMessage(`Sentry: ${untrustedText(containment.reason)} Showing the code Sentry captured instead.`);
      return this.showContext(frame, containment.reason, options);
    }

    const uri = vscode.Uri.file(path);
    const document = await vscode.workspace.openTextDocument(uri);
    const location = locateLine(clicks.lines.of(document.getText()), frame);
    const line = Math.min(Math.max(location.line, 1), document.lineCount) - 1;
    const column = Math.max((location.column ?? 1) - 1, 0);
    const position = new vscode.Position(line, Math.min(column, document.lineAt(line).text.length));
    const editor = await vscode.window.showTextDocument(document, { preview: false, selection: new vscode.Range(position, position), viewColumn: options.viewColumn });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
    decorations.mark(editor, line, source.label);
    if (location.message) {
      const show = location.status === 'moved' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
      void show(`Sentry: ${untrustedText(vscode.workspace.asRelativePath(uri))}: ${location.message}`);
    }
    return { kind: 'file', path, line: line + 1, column: position.character + 1, location, method: resolution.method, evidence };
  }

  private async showContext(frame: Frame, reason: string, options: FrameOpenOptions): Promise<OpenFrameResult> {
    const { uri } = await this.deps.contextDocuments.show(frame, reason, options.viewColumn);
    return { kind: 'context', uri: uri.toString(), reason };
  }
}

function userMappings(folders: Array<{ name: string; path: string }>): PathMapping[] {
  const mappings: PathMapping[] = [];
  for (const [from, to] of Object.entries(readConfig().pathMappings)) {
    const local = substituteWorkspaceFolder(to, folders);
    if (local) mappings.push({ from, to: local });
  }
  return mappings;
}
