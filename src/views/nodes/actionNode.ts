import * as vscode from 'vscode';
import type { TreeNode } from './treeNode';

/** A row that runs one of the extension's commands when clicked ("Sign In…", "Check Again"). */
export class ActionNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: TreeNode | undefined,
    private readonly label: string,
    private readonly command: string,
    private readonly icon: string,
    private readonly tooltip?: string,
  ) {
    this.id = `${parent?.id ?? 'root'}/action:${command}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.tooltip = this.tooltip;
    item.contextValue = 'action';
    item.command = { command: this.command, title: this.label };
    return item;
  }
}
