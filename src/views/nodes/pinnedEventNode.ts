import * as vscode from 'vscode';
import { COMMANDS } from '../../constants';
import type { EventRef } from '../../model/refs';
import type { PinnedEvent } from '../../model/sentryData';
import { CancelledError } from '../../sentry/http/errors';
import { eventChildren } from './eventChildren';
import { eventHeadline } from './eventNode';
import type { IssueNode } from './issueNode';
import { MessageNode } from './messageNode';
import type { TreeContext } from './treeContext';
import type { TreeNode } from './treeNode';

const TITLES: Record<PinnedEvent, string> = { latest: 'Latest event', oldest: 'Oldest event', recommended: 'Recommended event' };

/** One event of the issue opened by its id (from a link), shown above the issue's event pages. */
export interface OpenedEvent {
  eventId: string;
}

/** Latest / oldest / recommended event of an issue (or one opened by id), fetched when first expanded. */
export class PinnedEventNode implements TreeNode {
  readonly id: string;
  private eventRef?: EventRef;
  private error?: unknown;
  private loading?: { promise: Promise<void>; controller: AbortController };

  constructor(readonly kind: PinnedEvent | OpenedEvent, readonly parent: IssueNode, private readonly context: TreeContext) {
    this.id = typeof kind === 'string' ? `${parent.id}/pinned:${kind}` : `${parent.id}/opened:${kind.eventId}`;
  }

  /** The event once loaded: commands (Open in Browser, Copy Link) act on it. */
  get ref(): EventRef | undefined {
    return this.eventRef;
  }

  getTreeItem(): vscode.TreeItem {
    const kind = this.kind;
    const title = typeof kind === 'string' ? TITLES[kind] : `Event ${kind.eventId.slice(0, 12)}`;
    const item = new vscode.TreeItem(title, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(kind === 'recommended' ? 'star-empty' : typeof kind === 'string' ? 'pinned' : 'target');
    const event = this.eventRef && this.context.store.event(this.eventRef);
    item.description = event ? eventHeadline(event) : undefined;
    item.contextValue = 'event.pinned';
    item.tooltip =
      kind === 'recommended'
        ? 'The event Sentry recommends: the most helpful recent one (with a stack trace and in-app frames)'
        : typeof kind === 'string'
          ? `The ${kind} event of this issue`
          : `Event ${kind.eventId}, opened from a link`;
    // A click opens the event's detail panel (the twistie expands the row); before it is loaded, by which one it is.
    const target =
      this.eventRef ??
      (typeof kind === 'string'
        ? { ...this.parent.ref, which: kind }
        : { org: this.parent.ref.org, project: this.parent.parent.ref.project, eventId: kind.eventId, issueId: this.parent.ref.issueId });
    item.command = { command: COMMANDS.openEvent, title: 'Open Event', arguments: [target, { preserveFocus: true }] };
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    if (!this.eventRef && !this.error) await this.load();
    const event = this.eventRef && this.context.store.event(this.eventRef);
    if (this.error || !this.eventRef || !event) {
      const retry = () => {
        this.error = undefined;
        this.eventRef = undefined;
        this.context.refresh(this);
      };
      return [MessageNode.fromError(this, this.error ?? new CancelledError(), retry)];
    }
    return eventChildren(this, this.eventRef, event, this.context);
  }

  cancelLoad(): void {
    if (!this.loading) return;
    this.loading.controller.abort();
    this.loading = undefined;
    this.context.refresh(this);
  }

  private load(): Promise<void> {
    if (this.context.lifetime.aborted) return Promise.resolve();
    if (this.loading) return this.loading.promise;
    const controller = new AbortController();
    const onTreeReload = () => controller.abort();
    this.context.lifetime.addEventListener('abort', onTreeReload, { once: true });
    const promise = this.context.data
      .getPinnedEvent(this.parent.ref, typeof this.kind === 'string' ? this.kind : this.kind.eventId, { signal: controller.signal })
      .then(
        (ref) => {
          if (controller.signal.aborted) return;
          this.eventRef = ref;
          this.error = undefined;
          this.context.refresh(this);
        },
        (error: unknown) => {
          if (controller.signal.aborted || error instanceof CancelledError) return;
          this.error = error;
          const which = typeof this.kind === 'string' ? `the ${this.kind} event` : `event ${this.kind.eventId}`;
          this.context.logger.warn(`Could not load ${which} of issue ${this.parent.ref.issueId}; the tree shows the error.`, error);
        },
      )
      .finally(() => {
        this.context.lifetime.removeEventListener('abort', onTreeReload);
        if (this.loading?.controller === controller) this.loading = undefined;
      });
    this.loading = { promise, controller };
    return promise;
  }
}
