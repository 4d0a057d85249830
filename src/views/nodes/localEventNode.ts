import * as vscode from 'vscode';
import { COMMANDS } from '../../constants';
import type { LocalEventRef } from '../../model/localEventRef';
import type { EventSummary } from '../../sentry/event/eventFile';
import { displayTime } from '../eventDetail/displayText';
import { fieldsMarkdown } from '../markdown';
import { untrustedMarkdown } from '../tooltip';
import { untrustedText } from '../untrustedText';
import { eventRows } from './eventChildren';
import { MessageNode } from './messageNode';
import { fileEvent } from './rowEvent';
import type { LocalTreeContext } from './localTreeContext';
import type { TreeNode } from './treeNode';

/**
 * One event of an opened file, shown from its summary. Expanding it parses the event (from its line,
 * for NDJSON) and shows its exceptions and frames as for a Sentry event; a click opens the detail panel.
 */
export class LocalEventNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly localEvent: LocalEventRef,
    private readonly summary: EventSummary,
    readonly parent: TreeNode,
    private readonly context: LocalTreeContext,
  ) {
    this.id = `${parent.id}/event:${localEvent.index}`;
  }

  getTreeItem(): vscode.TreeItem {
    const summary = this.summary;
    const label = displayTime(summary.dateCreated) ?? `Event ${this.localEvent.index + 1}`;
    const item = new vscode.TreeItem(untrustedText(label, 80), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = [untrustedText(summary.title, 120), untrustedText(summary.level, 20), summary.line === undefined ? undefined : `line ${summary.line}`].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon('pulse');
    item.contextValue = 'localEvent';
    item.tooltip = untrustedMarkdown(
      fieldsMarkdown(summary.title || 'Event', [
        ['Event', summary.eventId],
        ['Time', summary.dateCreated],
        ['Level', summary.level],
        ['Platform', summary.platform],
        ['Line', summary.line === undefined ? undefined : String(summary.line)],
      ]),
    );
    item.command = { command: COMMANDS.openEvent, title: 'Open Event', arguments: [this.localEvent, { preserveFocus: true }] };
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    try {
      const event = await this.context.files.load(this.localEvent);
      return eventRows(this, fileEvent(this.localEvent, event), event);
    } catch (error) {
      this.context.logger.warn(`Could not read event ${this.localEvent.index + 1} of ${this.localEvent.file}; the tree says so.`, error);
      const message = error instanceof Error ? error.message : String(error);
      return [new MessageNode(this, message, { retry: () => this.context.refresh(this), icon: 'warning', key: 'error' })];
    }
  }
}
