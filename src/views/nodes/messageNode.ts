import * as vscode from 'vscode';
import { CancelledError, RateLimitError, isSentryApiError } from '../../sentry/http/errors';
import { COMMANDS } from '../../constants';
import { untrustedText } from '../untrustedText';
import type { TreeNode } from './treeNode';

const LABEL_MAX = 200;
const TOOLTIP_MAX = 2000;

export interface MessageOptions {
  retry?: () => void;
  icon?: string;
  key?: string;
  detail?: string;
}

/**
 * A leaf that says something instead of data: empty list, a list that ended early, or a failure
 * with a way to retry. Its text may carry a server's or an event's words, so it is sanitised here.
 */
export class MessageNode implements TreeNode {
  readonly id: string;
  readonly message: string;
  private readonly fullText: string;

  constructor(
    readonly parent: TreeNode | undefined,
    message: string,
    private readonly options: MessageOptions = {},
  ) {
    this.message = untrustedText(message, LABEL_MAX);
    this.fullText = untrustedText(options.detail ?? message, TOOLTIP_MAX);
    this.id = `${parent?.id ?? 'root'}/message:${options.key ?? this.message}`;
  }

  static fromError(parent: TreeNode | undefined, error: unknown, retry: () => void): MessageNode {
    if (error instanceof CancelledError) return new MessageNode(parent, 'Not loaded: the request was cancelled. Click to load.', { retry, icon: 'debug-restart', key: 'error' });
    if (error instanceof RateLimitError) return new MessageNode(parent, error.message, { retry, icon: 'watch', key: 'error' });
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
    item.tooltip = this.canRetry ? `${this.fullText}\n\nClick to retry.` : this.fullText;
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
