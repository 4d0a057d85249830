import * as vscode from 'vscode';
import { COMMANDS } from '../../constants';
import type { EventRef } from '../../model/refs';
import type { SentryEvent } from '../../sentry/event/eventModel';
import { untrustedMarkdown } from '../tooltip';
import { eventTooltipMarkdown } from '../tooltipContent';
import { untrustedText } from '../untrustedText';
import { eventChildren } from './eventChildren';
import { MessageNode } from './messageNode';
import type { TreeContext } from './treeContext';
import type { TreeNode } from './treeNode';

/** One event, read from the store by its ref: its time and what happened; expands to exceptions (or threads, or a bare stack). */
export class EventNode implements TreeNode {
  readonly id: string;

  constructor(readonly ref: EventRef, readonly parent: TreeNode, private readonly context: TreeContext) {
    this.id = `${parent.id}/event:${ref.eventId}`;
  }

  getTreeItem(): vscode.TreeItem {
    const event = this.context.store.event(this.ref);
    if (!event) {
      const missing = new vscode.TreeItem(untrustedText(`Event ${this.ref.eventId}`, 80), vscode.TreeItemCollapsibleState.Collapsed);
      missing.id = this.id;
      missing.contextValue = 'event';
      missing.command = this.openCommand();
      return missing;
    }
    const what = eventHeadline(event);
    const item = new vscode.TreeItem(formatTime(event.dateCreated), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = [what, untrustedText(event.release, 60), untrustedText(event.environment, 40), untrustedText(userLabel(event), 60)].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon('pulse');
    item.contextValue = 'event';
    item.tooltip = untrustedMarkdown(eventTooltipMarkdown(event, what, userLabel(event)));
    item.command = this.openCommand();
    return item;
  }

  /** A click opens the event's detail panel (the twistie expands the row). */
  private openCommand(): vscode.Command {
    return { command: COMMANDS.openEvent, title: 'Open Event', arguments: [this.ref, { preserveFocus: true }] };
  }

  async getChildren(): Promise<TreeNode[]> {
    const event =
      this.context.store.event(this.ref) ??
      (await this.context.data.getEvent(this.ref).catch((error: unknown) => {
        this.context.logger.warn(`Could not load event ${this.ref.eventId}; the tree says so.`, error);
        return undefined;
      }));
    if (!event) return [new MessageNode(this, 'This event is no longer loaded. Refresh to load it again.', { key: 'gone' })];
    return eventChildren(this, this.ref, event, this.context);
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
