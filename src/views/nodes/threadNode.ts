import * as vscode from 'vscode';
import type { ThreadInfo } from '../../sentry/event/eventModel';
import { untrustedText } from '../untrustedText';
import type { EventSource } from './frameNode';
import { framesChildren } from './framesChildren';
import type { TreeContext } from './treeContext';
import type { TreeNode } from './treeNode';

/** A thread's stack, for events that carry threads but no exception (ANRs, hangs, messages). */
export class ThreadNode implements TreeNode {
  readonly id: string;

  constructor(readonly thread: ThreadInfo, index: number, readonly parent: TreeNode, private readonly context: TreeContext, private readonly source: EventSource) {
    this.id = `${parent.id}/thread:${thread.id ?? index}`;
  }

  private get label(): string {
    return untrustedText(this.thread.name ? `Thread ${this.thread.name}` : `Thread ${this.thread.id ?? '?'}`, 120);
  }

  getTreeItem(): vscode.TreeItem {
    const expanded = this.thread.crashed || this.thread.current;
    const item = new vscode.TreeItem(this.label, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = [this.thread.crashed ? 'crashed' : undefined, this.thread.current ? 'current' : undefined].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(this.thread.crashed ? 'error' : 'debug-thread');
    item.contextValue = 'thread';
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    return framesChildren(this, this.thread.stacktrace?.frames ?? [], this.context, { ...this.source, exceptionLabel: this.label });
  }
}
