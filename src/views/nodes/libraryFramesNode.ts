import * as vscode from 'vscode';
import type { Frame } from '../../sentry/event/eventModel';
import type { TreeNode } from './treeNode';

type FrameEntry = { frame: Frame; index: number };

/** A run of consecutive library (not in-app) frames, folded until the user expands it. */
export class LibraryFramesNode implements TreeNode {
  readonly id: string;

  constructor(
    private readonly frames: FrameEntry[],
    readonly parent: TreeNode,
    private readonly frameNode: (entry: FrameEntry, parent: TreeNode) => TreeNode,
  ) {
    this.id = `${parent.id}/library:${frames[0].index}`;
  }

  getTreeItem(): vscode.TreeItem {
    const count = this.frames.length;
    const item = new vscode.TreeItem(`${count} library frame${count === 1 ? '' : 's'}`, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('fold');
    item.contextValue = 'libraryFrames';
    item.tooltip = 'Frames outside your application (Sentry marks them not in-app)';
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    return this.frames.map((entry) => this.frameNode(entry, this));
  }
}
