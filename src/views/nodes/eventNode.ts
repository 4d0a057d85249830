import * as vscode from 'vscode';
import type { SentryEvent } from '../../sentry/eventModel';
import { oneLine } from '../format';
import { untrustedTooltip } from '../tooltip';
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
    item.description = [what, event.release, event.environment, userLabel(event)].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(this.pinnedAs ? 'pinned' : 'pulse');
    item.contextValue = 'event';
    item.tooltip = eventTooltip(event);
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    return eventChildren(this, this.event, this.context, this.source);
  }
}

export function eventHeadline(event: SentryEvent): string {
  const raised = event.exceptions[event.exceptions.length - 1];
  if (raised) return oneLine(raised.value ? `${raised.type}: ${raised.value}` : raised.type, 120);
  return oneLine(event.message || event.title || '(no message)', 120);
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

function eventTooltip(event: SentryEvent): vscode.MarkdownString {
  const md = untrustedTooltip(event.title || eventHeadline(event), [
    ['Event', event.eventId],
    ['Time', event.dateCreated],
    ['Level', event.level],
    ['Release', event.release],
    ['Environment', event.environment],
    ['User', userLabel(event)],
    ['Platform', event.platform],
  ]);
  const tags = event.tags.slice(0, 20);
  if (tags.length > 0) {
    md.appendMarkdown('\nTags: ');
    md.appendText(tags.map((t) => `${oneLine(t.key, 60)}=${oneLine(t.value, 80)}`).join(', '));
  }
  if (event.problems.length > 0) {
    md.appendMarkdown('\n\nCould not read: ');
    md.appendText(event.problems.slice(0, 5).join('; '));
  }
  return md;
}
