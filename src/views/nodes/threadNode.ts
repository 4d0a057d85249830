import * as vscode from 'vscode';
import type { LocalEventRef } from '../../model/localEventRef';
import type { EventRef } from '../../model/refs';
import type { ThreadInfo } from '../../sentry/event/eventModel';
import { untrustedText } from '../untrustedText';
import { framesChildren } from './framesChildren';
import type { RowEvent } from './rowEvent';
import type { TreeNode } from './treeNode';

/** A thread's stack, for events that carry threads but no exception (ANRs, hangs, messages). */
export class ThreadNode implements TreeNode {
  readonly id: string;

  constructor(private readonly source: RowEvent, private readonly index: number, readonly parent: TreeNode) {
    const thread = this.thread;
    this.id = `${parent.id}/thread:${thread?.id ?? index}`;
  }

  get ref(): EventRef | undefined {
    return this.source.ref;
  }

  get localEvent(): LocalEventRef | undefined {
    return this.source.localEvent;
  }

  private get thread(): ThreadInfo | undefined {
    return this.source.current()?.threads[this.index];
  }

  getTreeItem(): vscode.TreeItem {
    const thread = this.thread;
    const label = untrustedText(thread?.name ? `Thread ${thread.name}` : `Thread ${thread?.id ?? '?'}`, 120);
    const expanded = thread?.crashed || thread?.current;
    const item = new vscode.TreeItem(label, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = [thread?.crashed ? 'crashed' : undefined, thread?.current ? 'current' : undefined].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(thread?.crashed ? 'error' : 'debug-thread');
    item.contextValue = 'thread';
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    return framesChildren(this, this.source, { kind: 'thread', index: this.index }, this.thread?.stacktrace?.frames ?? []);
  }
}
