import * as vscode from 'vscode';
import { CancelledError } from '../../sentry/http/errors';
import type { SentryEvent } from '../../sentry/event/eventModel';
import { eventChildren } from './eventChildren';
import { eventHeadline } from './eventNode';
import type { IssueNode } from './issueNode';
import { MessageNode } from './messageNode';
import type { TreeContext } from './treeContext';
import type { TreeNode } from './treeNode';

export type PinnedKind = 'latest' | 'oldest' | 'recommended';

const TITLES: Record<PinnedKind, string> = { latest: 'Latest event', oldest: 'Oldest event', recommended: 'Recommended event' };

/** Latest / oldest / recommended event of an issue, fetched when first expanded. */
export class PinnedEventNode implements TreeNode {
  readonly id: string;
  private event?: SentryEvent;
  private error?: unknown;
  private loading?: { promise: Promise<void>; controller: AbortController };

  constructor(private readonly kind: PinnedKind, readonly parent: IssueNode, private readonly context: TreeContext) {
    this.id = `${parent.id}/pinned:${kind}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(TITLES[this.kind], vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.kind === 'recommended' ? 'star-empty' : 'pinned');
    item.description = this.event ? eventHeadline(this.event) : undefined;
    item.contextValue = 'event.pinned';
    item.tooltip =
      this.kind === 'recommended' ? "The event Sentry recommends: the most helpful recent one (with a stack trace and in-app frames)" : `The ${this.kind} event of this issue`;
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    if (!this.event && !this.error) await this.load();
    if (this.error || !this.event) {
      const retry = () => {
        this.error = undefined;
        this.context.refresh(this);
      };
      return [this.error ? MessageNode.fromError(this, this.error, retry) : MessageNode.fromError(this, new CancelledError(), retry)];
    }
    return eventChildren(this, this.event, this.context, {
      org: this.parent.orgSlug,
      project: this.parent.projectSlug,
      projectId: this.parent.issue.projectId ?? this.parent.parent.project.id,
      event: this.event,
    });
  }

  cancelLoad(): void {
    if (!this.loading) return;
    this.loading.controller.abort();
    this.loading = undefined;
    this.context.refresh(this);
  }

  get loadedEvent(): SentryEvent | undefined {
    return this.event;
  }

  private load(): Promise<void> {
    const client = this.context.session.client;
    if (!client || this.context.lifetime.aborted) return Promise.resolve();
    if (this.loading) return this.loading.promise;
    const controller = new AbortController();
    const onTreeReload = () => controller.abort();
    this.context.lifetime.addEventListener('abort', onTreeReload, { once: true });
    const promise = client
      .getIssueEvent(this.parent.orgSlug, this.parent.issue.id, this.kind, { signal: controller.signal })
      .then(
        (event) => {
          if (controller.signal.aborted) return;
          this.event = event;
          this.error = undefined;
          this.context.refresh(this);
        },
        (error: unknown) => {
          if (controller.signal.aborted || error instanceof CancelledError) return;
          this.error = error;
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
