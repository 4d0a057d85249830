import * as vscode from 'vscode';
import type { SentryEvent } from '../../sentry/eventModel';
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
    const client = this.context.session.client;
    if (!client) return [];
    if (!this.event) {
      try {
        this.event = await client.getIssueEvent(this.parent.orgSlug, this.parent.issue.id, this.kind);
        this.error = undefined;
        this.context.refresh(this);
      } catch (error) {
        this.error = error;
      }
    }
    if (this.error || !this.event) {
      return [MessageNode.fromError(this, this.error, () => {
        this.error = undefined;
        this.context.refresh(this);
      })];
    }
    return eventChildren(this, this.event, this.context, {
      org: this.parent.orgSlug,
      project: this.parent.projectSlug,
      projectId: this.parent.issue.projectId ?? this.parent.parent.project.id,
      event: this.event,
    });
  }

  get loadedEvent(): SentryEvent | undefined {
    return this.event;
  }
}
