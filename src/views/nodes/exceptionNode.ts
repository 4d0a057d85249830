import * as vscode from 'vscode';
import type { ExceptionInfo } from '../../sentry/event/eventModel';
import { untrustedMarkdown } from '../tooltip';
import { exceptionTooltipMarkdown } from '../tooltipContent';
import { untrustedText } from '../untrustedText';
import type { EventSource } from './frameNode';
import { framesChildren } from './framesChildren';
import type { TreeContext } from './treeContext';
import type { TreeNode } from './treeNode';

/** One exception of a (possibly chained) error: its type and value, expanding to its frames. */
export class ExceptionNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly exception: ExceptionInfo,
    index: number,
    private readonly raised: boolean,
    private readonly chainLength: number,
    readonly parent: TreeNode,
    private readonly context: TreeContext,
    private readonly source: EventSource,
  ) {
    this.id = `${parent.id}/exception:${index}`;
  }

  get label(): string {
    const e = this.exception;
    return e.value ? `${e.type}: ${e.value}` : e.type;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(untrustedText(this.exception.type, 120), vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    const role = this.chainLength > 1 ? (this.raised ? 'raised' : 'cause') : undefined;
    item.description = [role, untrustedText(this.exception.value, 160)].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(this.raised ? 'error' : 'debug-stackframe-dot', this.raised ? new vscode.ThemeColor('errorForeground') : undefined);
    item.contextValue = 'exception';
    item.tooltip = untrustedMarkdown(exceptionTooltipMarkdown(this.exception));
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    const frames = this.exception.stacktrace?.frames ?? [];
    return framesChildren(this, frames, this.context, { ...this.source, exceptionLabel: untrustedText(this.label, 200) });
  }
}
