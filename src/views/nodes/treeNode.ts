import type * as vscode from 'vscode';
import type { SentryRef } from '../../model/refs';

/** One row of the Sentry tree. A node renders itself and, if it has any, fetches its own children. */
export interface TreeNode {
  readonly id: string;
  readonly parent?: TreeNode;
  /** What the row shows, for commands: they take this ref, never the node's class. */
  readonly ref?: SentryRef;
  getTreeItem(): vscode.TreeItem;
  getChildren?(): Promise<TreeNode[]>;
  /** Forget loaded children so the next expansion fetches them again. */
  reset?(): void;
  /** Stop loading children (the node was collapsed); the next expansion loads them again. */
  cancelLoad?(): void;
  /** The row is gone from the tree: stop following the store. */
  dispose?(): void;
}
