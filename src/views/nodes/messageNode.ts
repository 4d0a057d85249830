import * as vscode from 'vscode';
import { CancelledError, isSentryApiError } from '../../sentry/errors';
import { COMMANDS } from '../ids';
import type { TreeNode } from './treeNode';

/** A leaf that says something instead of data: empty list, or a failure with a way to retry. */
export class MessageNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: TreeNode | undefined,
    readonly message: string,
    private readonly options: { retry?: () => void; icon?: string; key?: string; detail?: string } = {},
  ) {
    this.id = `${parent?.id ?? 'root'}/message:${options.key ?? message}`;
  }

  static fromError(parent: TreeNode | undefined, error: unknown, retry: () => void): MessageNode {
    if (error instanceof CancelledError) return new MessageNode(parent, 'Cancelled. Click to load again.', { retry, icon: 'debug-restart', key: 'error' });
    const message = isSentryApiError(error) ? error.message : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    return new MessageNode(parent, message, { retry, icon: 'warning', key: 'error' });
  }

  get canRetry(): boolean {
    return this.options.retry !== undefined;
  }

  retry(): void {
    this.options.retry?.();
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.message, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.tooltip = this.options.detail ?? (this.canRetry ? `${this.message}\n\nClick to retry.` : this.message);
    item.iconPath = new vscode.ThemeIcon(this.options.icon ?? 'info', this.options.icon === 'warning' ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined);
    if (this.canRetry) {
      item.contextValue = 'message.retry';
      item.command = { command: COMMANDS.retry, title: 'Retry', arguments: [this] };
    } else {
      item.contextValue = 'message';
    }
    return item;
  }
}
