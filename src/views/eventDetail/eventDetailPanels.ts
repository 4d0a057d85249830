import * as vscode from 'vscode';
import type { Session } from '../../auth/session';
import { onDidChangeConfig } from '../../config';
import { EVENT_PANEL_VIEW_TYPE } from '../../constants';
import type { FrameOpener } from '../../editor/frameOpener';
import type { LocalEventFiles } from '../../model/localEventFiles';
import type { LocalEventRef } from '../../model/localEventRef';
import type { EventRef } from '../../model/refs';
import type { SentryData } from '../../model/sentryData';
import type { OutputLogger } from '../../outputLogger';
import { EventDetailPanel, type PaintTiming } from './eventDetailPanel';
import { fileEventSource, type PanelEventSource, sentryEventSource } from './panelEventSource';

export interface EventDetailPanelsDeps {
  extensionUri: vscode.Uri;
  logger: OutputLogger;
  session: Session;
  data: SentryData;
  frames: FrameOpener;
  localFiles: LocalEventFiles;
}

export interface ShowOptions {
  /** Keep the keyboard where it is (a click in the tree). */
  preserveFocus?: boolean;
}

/**
 * The event detail panels: one per event (a Sentry event by its ref, a file's event by file and
 * position), revealed when it is already open. Panels follow the frame order setting.
 */
export class EventDetailPanels implements vscode.Disposable {
  private readonly panels = new Map<string, EventDetailPanel>();
  private readonly paints = new vscode.EventEmitter<PaintTiming>();
  /** Each time a panel's body was painted (its first paint, and again after a re-render). */
  readonly onDidPaint = this.paints.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly deps: EventDetailPanelsDeps) {
    this.subscriptions = [onDidChangeConfig(['frameOrder'], () => this.panels.forEach((panel) => panel.rerender()))];
  }

  showEvent(ref: EventRef, options: ShowOptions = {}): EventDetailPanel {
    // Its frames are a click away: the workspace index and the project's code mappings are begun now.
    const issue = ref.issueId === undefined ? undefined : this.deps.data.store.issue({ org: ref.org, issueId: ref.issueId });
    this.deps.frames.prepare({ org: ref.org, project: ref.project, projectId: issue?.projectId ?? this.deps.data.store.project(ref)?.id });
    return this.show(this.sourceOf(ref), options);
  }

  showFileEvent(ref: LocalEventRef, options: ShowOptions = {}): EventDetailPanel {
    this.deps.frames.files.startIndexing();
    return this.show(this.sourceOf(ref), options);
  }

  /** What a panel for this event shows and how it acts (also Copy Event as Markdown's way to an event). */
  sourceOf(ref: EventRef | LocalEventRef): PanelEventSource {
    const { session, data, frames, localFiles } = this.deps;
    return 'file' in ref ? fileEventSource(ref, localFiles, frames) : sentryEventSource(ref, { session, data, frames });
  }

  get(key: string): EventDetailPanel | undefined {
    return this.panels.get(key);
  }

  /** The panel the user is looking at, if any. */
  get active(): EventDetailPanel | undefined {
    return [...this.panels.values()].find((panel) => panel.webviewPanel.active);
  }

  all(): EventDetailPanel[] {
    return [...this.panels.values()];
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.paints.dispose();
  }

  private show(source: PanelEventSource, options: ShowOptions): EventDetailPanel {
    const open = this.panels.get(source.key);
    if (open) {
      open.reveal(options.preserveFocus);
      return open;
    }
    const media = vscode.Uri.joinPath(this.deps.extensionUri, 'media');
    const webviewPanel = vscode.window.createWebviewPanel(
      EVENT_PANEL_VIEW_TYPE,
      source.pendingTitle,
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: options.preserveFocus === true },
      // Not kept while hidden: the page asks for its body again when shown (its filter is in its state).
      // Its stylesheet, script and icons are written into the page: it may load no file at all.
      { enableScripts: true, enableFindWidget: true, retainContextWhenHidden: false, localResourceRoots: [] },
    );
    webviewPanel.iconPath = vscode.Uri.joinPath(media, 'sentry.svg');
    const panel = new EventDetailPanel(webviewPanel, source, { extensionUri: this.deps.extensionUri, logger: this.deps.logger, store: this.deps.data.store });
    this.panels.set(source.key, panel);
    panel.onDidPaint((timing) => this.paints.fire(timing));
    panel.onDidDispose(() => {
      if (this.panels.get(source.key) === panel) this.panels.delete(source.key);
    });
    return panel;
  }
}
