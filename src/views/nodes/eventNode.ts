import * as vscode from 'vscode';
import type { SentryEvent } from '../../sentry/event/eventModel';
import { untrustedMarkdown } from '../tooltip';
import { eventTooltipMarkdown } from '../tooltipContent';
import { untrustedText } from '../untrustedText';
import { eventChildren } from './eventChildren';
import type { EventSource } from './frameNode';
import type { TreeContext } from './treeContext';
import type { TreeNode } from './treeNode';

/** One event: its time and what happened; expands to exceptions (or threads, or a bare stack). */
export class EventNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly event: SentryEvent,
    readonly parent: TreeNode,
    private readonly context: TreeContext,
    readonly source: EventSource,
    private readonly pinnedAs?: string,
  ) {
    this.id = `${parent.id}/event:${pinnedAs ?? event.eventId}`;
  }

  getTreeItem(): vscode.TreeItem {
    const event = this.event;
    const when = formatTime(event.dateCreated);
    const what = eventHeadline(event);
    const label = this.pinnedAs ? `${this.pinnedAs}: ${when}` : when;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = [what, untrustedText(event.release, 60), untrustedText(event.environment, 40), untrustedText(userLabel(event), 60)].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(this.pinnedAs ? 'pinned' : 'pulse');
    item.contextValue = 'event';
    item.tooltip = untrustedMarkdown(eventTooltipMarkdown(event, what, userLabel(event)));
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    return eventChildren(this, this.event, this.context, this.source);
  }
}

export function eventHeadline(event: SentryEvent): string {
  const raised = event.exceptions[event.exceptions.length - 1];
  if (raised) return untrustedText(raised.value ? `${raised.type}: ${raised.value}` : raised.type, 120);
  return untrustedText(event.message || event.title || '(no message)', 120);
}

function userLabel(event: SentryEvent): string | undefined {
  const user = event.user;
  return user ? user.email ?? user.username ?? user.name ?? user.id ?? user.ipAddress : undefined;
}

function formatTime(iso: string | undefined): string {
  if (!iso) return 'unknown time';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'unknown time';
  return date.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
