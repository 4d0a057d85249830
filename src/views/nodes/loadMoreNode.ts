import * as vscode from 'vscode';
import { COMMANDS } from '../../constants';
import type { TreeNode } from './treeNode';

export interface Pageable extends TreeNode {
  loadMore(): Promise<void>;
}

/**
 * The "Load more…" leaf at the end of a paged list; its command appends the next page to its
 * parent. While that page loads it says so (a click then joins the load in flight).
 */
export class LoadMoreNode implements TreeNode {
  readonly id: string;

  constructor(readonly parent: Pageable, private readonly what: string, readonly loading = false) {
    this.id = `${parent.id}/more`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Load more…', vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.tooltip = this.loading ? `Loading the next page of ${this.what}…` : `Load the next page of ${this.what}`;
    item.description = this.loading ? 'Loading…' : undefined;
    item.iconPath = new vscode.ThemeIcon(this.loading ? 'loading~spin' : 'ellipsis');
    item.contextValue = this.loading ? 'loadMore.loading' : 'loadMore';
    item.command = { command: COMMANDS.loadMore, title: 'Load More', arguments: [this] };
    return item;
  }
}
