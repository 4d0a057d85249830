import type * as vscode from 'vscode';

/** One row of the Sentry tree. A node renders itself and, if it has any, fetches its own children. */
export interface TreeNode {
  readonly id: string;
  readonly parent?: TreeNode;
  getTreeItem(): vscode.TreeItem;
  getChildren?(): Promise<TreeNode[]>;
  /** Forget loaded children so the next expansion fetches them again. */
  reset?(): void;
  /** Stop loading children (the node was collapsed); the next expansion loads them again. */
  cancelLoad?(): void;
}
