import * as vscode from 'vscode';
import type { Session } from '../auth/session';
import { Emitter } from '../model/emitter';
import { frameAt, likelyFirstFrame, stackAt } from '../model/eventFrames';
import { EventRef, eventKey } from '../model/refs';
import type { SentryStore } from '../model/store';
import type { SentryEvent } from '../sentry/event/eventModel';
import type { FrameProject } from '../source';
import type { FrameClicks } from './frameClicks';
import { userMappings } from './userPathMappings';
import type { WorkspaceFiles } from './workspaceFiles';

/** How long an expanded event's details may take to arrive before its warm-up is given up. */
const EVENT_WAIT_MS = 30_000;

export interface FramePreopenerDeps {
  session: Session;
  store: SentryStore;
  files: WorkspaceFiles;
  clicks: FrameClicks;
}

/**
 * An event's frames are on screen: once the file index is ready, the frame a user most likely clicks first
 * (`likelyFirstFrame`) is resolved with local rules only and its file opened in the background, not shown —
 * so the click only shows an open document, and what VS Code does on a language's first document (a language
 * extension activating, its grammar loading) is done before the click. One document per event expanded, no
 * request to Sentry (the event comes from the store, code mappings only if already read), the same real-path
 * check as a click; abandoned when another event is expanded meanwhile (a click on one of its frames just
 * joins it: both open the same document).
 */
export class FramePreopener {
  private generation = 0;
  private lastWarmed?: string;
  private readonly opened = new Emitter<string>();
  /** A file was opened ahead of a click (its path). */
  readonly onDidOpen = this.opened.event;

  constructor(private readonly deps: FramePreopenerDeps) {}

  /** `eventRef`: the expanded row's event, once known (a pinned event learns its id when it loads). */
  warm(project: FrameProject, eventRef: () => EventRef | undefined): void {
    const generation = ++this.generation;
    void this.run(project, eventRef, () => generation !== this.generation).catch(() => undefined);
  }

  private async run(project: FrameProject, eventRef: () => EventRef | undefined, stale: () => boolean): Promise<void> {
    const { files, clicks, session } = this.deps;
    const stored = await this.storedEvent(eventRef, stale);
    if (!stored || stale()) return;
    const key = eventKey(stored.ref);
    if (key === this.lastWarmed) return;
    const target = likelyFirstFrame(stored.event);
    const frame = target && frameAt(stored.event, target);
    if (!target || !frame) return;
    const index = await files.getIndex();
    if (stale()) return;
    const resolution = await clicks
      .resolverFor(session.client)
      .resolve(frame, { ...project, platform: stored.event.platform, siblings: stackAt(stored.event, target.stack)?.frames }, {
        index,
        mappings: userMappings(files.folders),
        rememberedChoices: clicks.choices.all(),
        maxChoices: 1,
        localOnly: true,
      });
    if (stale() || !resolution.found || resolution.ambiguous) return;
    const containment = await files.containment().check(resolution.path);
    if (stale() || !containment.inside) return;
    this.lastWarmed = key;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(resolution.path));
    // The click finds the file's lines split already.
    clicks.lines.of(document.getText());
    this.opened.fire(resolution.path);
  }

  /** The event with its details, from the store only: waits for the tree's own request to bring it. */
  private storedEvent(eventRef: () => EventRef | undefined, stale: () => boolean): Promise<{ ref: EventRef; event: SentryEvent } | undefined> {
    const current = (): { ref: EventRef; event: SentryEvent } | undefined => {
      const ref = eventRef();
      const event = ref && this.deps.store.event(ref);
      return ref && event?.hasDetail ? { ref, event } : undefined;
    };
    const now = current();
    if (now) return Promise.resolve(now);
    return new Promise((resolve) => {
      let settled = false;
      const done = (value: { ref: EventRef; event: SentryEvent } | undefined): void => {
        if (settled) return;
        settled = true;
        listener.dispose();
        clearTimeout(timer);
        resolve(value);
      };
      // Checked once the loader's own callbacks have run: a pinned row learns its event's id just after the store has it.
      const listener = this.deps.store.onDidLoadEvent(() =>
        setImmediate(() => {
          const loaded = stale() ? undefined : current();
          if (loaded || stale()) done(loaded);
        }),
      );
      const timer = setTimeout(() => done(undefined), EVENT_WAIT_MS);
    });
  }
}
