import * as vscode from 'vscode';
import type { Session } from '../auth/session';
import { frameAt, stackAt, stackLabel } from '../model/eventFrames';
import type { EventRef, FrameRef } from '../model/refs';
import type { SentryData } from '../model/sentryData';
import type { Frame, SentryEvent } from '../sentry/event/eventModel';
import { ClickSource, FrameProject, LineLocation, locateLine } from '../source';
import { untrustedText } from '../views/untrustedText';
import type { ContextDocuments } from './contextDocuments';
import type { FrameClicks } from './frameClicks';
import type { FrameDecorations } from './frameDecorations';
import { FramePreopener } from './framePreopener';
import { FrameJump } from './jumpProgress';
import { JumpSteps } from './jumpSteps';
import { offerPathMapping } from './pathMappingOffer';
import { pickTiedFile } from './tiedFilePicker';
import { userMappings } from './userPathMappings';
import type { WorkspaceFiles } from './workspaceFiles';

export type OpenFrameResult =
  | { kind: 'file'; path: string; line: number; column: number; location: LineLocation; method: string; evidence?: string }
  | { kind: 'context'; uri: string; reason: string }
  /** The user cancelled while the jump waited (for the file index), or closed the choice among tied files: nothing opened. */
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
 * or shows the frame's captured code, with an offer to add a path mapping. A jump still going after 300 ms shows
 * cancellable progress ("Indexing N workspace files…" while it waits for the index); a cancelled jump opens
 * nothing and says nothing.
 */
export class FrameOpener {
  private latestSteps?: JumpSteps;
  private readonly preopener: FramePreopener;

  constructor(private readonly deps: FrameOpenerDeps) {
    this.preopener = new FramePreopener({ session: deps.session, store: deps.data.store, files: deps.files, clicks: deps.clicks });
  }

  /** A frame's file was opened unseen, ahead of a click (`prepare` with an event): its path. */
  get onDidPreopen(): FramePreopener['onDidOpen'] {
    return this.preopener.onDidOpen;
  }

  /** The steps of the latest jump and their times (for the performance tests). */
  get lastJumpSteps(): JumpSteps | undefined {
    return this.latestSteps;
  }

  get files(): WorkspaceFiles {
    return this.deps.files;
  }

  /**
   * One of a project's events is on screen (expanded in the tree): begins what a click on its frames needs,
   * in the background — the workspace's file index, the project's Sentry code mappings (read once), and, given
   * the event (`eventRef`, once known), its likely first frame's file opened unseen (`FramePreopener`).
   */
  prepare(project: FrameProject, eventRef?: () => EventRef | undefined): void {
    this.deps.files.startIndexing();
    void this.deps.clicks.resolverFor(this.deps.session.client).prepare(project);
    if (eventRef) this.preopener.warm(project, eventRef);
  }

  /** A frame of an event the store holds (or that Sentry is asked for). */
  openInEvent(ref: EventRef, frame: FrameRef, options: FrameOpenOptions = {}): Promise<OpenFrameResult> {
    return this.jump(async (jump) => {
      const event = await this.deps.data.getEvent(ref);
      jump.steps.mark('event');
      const issue = ref.issueId ? this.deps.data.store.issue({ org: ref.org, issueId: ref.issueId }) : undefined;
      return this.openIn(event, frame, { org: ref.org, project: ref.project, projectId: issue?.projectId ?? event.projectId }, options, jump);
    });
  }

  /** A frame of an event that is not Sentry's to look up (read from a file, sent by a caller): local rules only. */
  openInParsedEvent(event: SentryEvent, frame: FrameRef, options: FrameOpenOptions = {}): Promise<OpenFrameResult> {
    return this.jump((jump) => this.openIn(event, frame, {}, options, jump));
  }

  /** One click, from the click until the file shows or the user is asked to choose: progress past 300 ms. */
  private async jump(run: (jump: FrameJump) => Promise<OpenFrameResult>): Promise<OpenFrameResult> {
    const jump = new FrameJump(() => this.deps.files.waitingText(), this.deps.files.onDidChangeStatus);
    this.latestSteps = jump.steps;
    try {
      return await run(jump);
    } finally {
      jump.end();
    }
  }

  private openIn(event: SentryEvent, ref: FrameRef, where: ClickSource, options: FrameOpenOptions, jump: FrameJump): Promise<OpenFrameResult> {
    const frame = frameAt(event, ref);
    if (!frame) throw new Error('That frame is not in the event.');
    const label = stackLabel(event, ref.stack);
    return this.open(frame, {
      ...where,
      platform: event.platform,
      siblings: stackAt(event, ref.stack)?.frames,
      label: label === undefined ? undefined : untrustedText(label, 200),
    }, options, jump);
  }

  private async open(frame: Frame, source: FrameSource, options: FrameOpenOptions, jump: FrameJump): Promise<OpenFrameResult> {
    const { files, clicks, decorations } = this.deps;
    // Joins the index build in progress (begun when the view showed or the event opened), or starts it.
    const index = await files.indexForJump(jump);
    jump.steps.mark('index');
    if (!index) return { kind: 'cancelled' };
    const resolution = await clicks
      .resolverFor(this.deps.session.client)
      .resolve(frame, source, { index, mappings: userMappings(files.folders), rememberedChoices: clicks.choices.all(), maxChoices: MAX_LISTED_CHOICES });
    jump.steps.mark('resolve');
    // Cancelled while slow (the progress notification's Cancel): nothing opens, nothing is said.
    if (jump.cancelled) return { kind: 'cancelled' };

    if (!resolution.found) {
      const shown = await this.showContext(frame, resolution.reason, options);
      void offerPathMapping(frame, files.folders.length > 0);
      return shown;
    }
    let path: string;
    let evidence: string | undefined;
    if (resolution.ambiguous) {
      jump.end();
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
    jump.steps.mark('containment');
    if (jump.cancelled) return { kind: 'cancelled' };
    if (!containment.inside) {
      void vscode.window.showWarningMessage(`Sentry: ${untrustedText(containment.reason)} Showing the code Sentry captured instead.`);
      return this.showContext(frame, containment.reason, options);
    }

    const uri = vscode.Uri.file(path);
    const document = await vscode.workspace.openTextDocument(uri);
    jump.steps.mark('open');
    const location = locateLine(clicks.lines.of(document.getText()), frame);
    jump.steps.mark('locate');
    const line = Math.min(Math.max(location.line, 1), document.lineCount) - 1;
    const column = Math.max((location.column ?? 1) - 1, 0);
    const position = new vscode.Position(line, Math.min(column, document.lineAt(line).text.length));
    const editor = await vscode.window.showTextDocument(document, { preview: false, selection: new vscode.Range(position, position), viewColumn: options.viewColumn });
    jump.steps.mark('show');
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
    decorations.mark(editor, line, source.label);
    jump.steps.mark('mark');
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
