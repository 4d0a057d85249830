import * as vscode from 'vscode';
import type { LocalEventRef } from '../../model/localEventRef';
import type { EventRef } from '../../model/refs';
import type { ExceptionInfo } from '../../sentry/event/eventModel';
import { untrustedMarkdown } from '../tooltip';
import { exceptionTooltipMarkdown } from '../tooltipContent';
import { untrustedText } from '../untrustedText';
import { framesChildren } from './framesChildren';
import type { RowEvent } from './rowEvent';
import type { TreeNode } from './treeNode';

/** One exception of a (possibly chained) error: its type and value, expanding to its frames. */
export class ExceptionNode implements TreeNode {
  readonly id: string;

  constructor(
    private readonly source: RowEvent,
    private readonly index: number,
    private readonly raised: boolean,
    readonly parent: TreeNode,
  ) {
    this.id = `${parent.id}/exception:${index}`;
  }

  get ref(): EventRef | undefined {
    return this.source.ref;
  }

  get localEvent(): LocalEventRef | undefined {
    return this.source.localEvent;
  }

  private get exception(): ExceptionInfo | undefined {
    return this.source.current()?.exceptions[this.index];
  }

  getTreeItem(): vscode.TreeItem {
    const exception = this.exception;
    const chainLength = this.source.current()?.exceptions.length ?? 1;
    const item = new vscode.TreeItem(untrustedText(exception?.type ?? 'Exception', 120), vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    const role = chainLength > 1 ? (this.raised ? 'raised' : 'cause') : undefined;
    item.description = [role, untrustedText(exception?.value, 160)].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(this.raised ? 'error' : 'debug-stackframe-dot', this.raised ? new vscode.ThemeColor('errorForeground') : undefined);
    item.contextValue = 'exception';
    if (exception) item.tooltip = untrustedMarkdown(exceptionTooltipMarkdown(exception));
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    return framesChildren(this, this.source, { kind: 'exception', index: this.index }, this.exception?.stacktrace?.frames ?? []);
  }
}
