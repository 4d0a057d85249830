import * as vscode from 'vscode';
import { LocalFileNode } from './localFileNode';
import type { LocalTreeContext } from './localTreeContext';
import type { TreeNode } from './treeNode';

/** The "Local files" root: the event files the user opened, browsed like Sentry's events, offline. */
export class LocalFilesNode implements TreeNode {
  readonly id = 'local-files';
  private readonly nodes = new Map<string, LocalFileNode>();

  constructor(private readonly context: LocalTreeContext) {}

  get hasFiles(): boolean {
    return this.context.files.paths().length > 0;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Local files', vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('files');
    item.contextValue = 'localFiles';
    item.tooltip = 'Event files opened with Open Event File. They are read from disk only: nothing is asked of Sentry.';
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    return this.fileNodes();
  }

  /** The row of an open file (the same row each time, so the tree can reveal it). */
  fileNode(path: string): LocalFileNode | undefined {
    return this.fileNodes().find((node) => node.path === path);
  }

  private fileNodes(): LocalFileNode[] {
    const files = this.context.files;
    const paths = files.paths();
    for (const path of [...this.nodes.keys()]) if (!paths.includes(path)) this.nodes.delete(path);
    return paths.flatMap((path) => {
      const file = files.get(path);
      if (!file) return [];
      let node = this.nodes.get(path);
      // A file opened again is read again: its rows start over.
      if (!node || node.file !== file) {
        node = new LocalFileNode(path, file, this, this.context);
        this.nodes.set(path, node);
      }
      return [node];
    });
  }
}
