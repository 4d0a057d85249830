import * as vscode from 'vscode';
import { readConfig } from '../../config';
import type { Subscription } from '../../model/emitter';
import { PagedList } from '../../model/pagedList';
import { EventRef, IssueRef, eventKey, issueKey } from '../../model/refs';
import type { IssueLevel } from '../../sentry/api/types';
import { plural, relativeTime } from '../format';
import { untrustedMarkdown } from '../tooltip';
import { issueTooltipMarkdown } from '../tooltipContent';
import { untrustedText } from '../untrustedText';
import { EventNode } from './eventNode';
import { listLogging, PagedChildren } from './pagedChildren';
import { PagedParentNode } from './pagedParentNode';
import { PinnedEventNode } from './pinnedEventNode';
import type { ProjectNode } from './projectNode';
import type { TreeContext } from './treeContext';
import type { TreeNode } from './treeNode';

const LEVEL_ICONS: Record<IssueLevel, [string, string | undefined]> = {
  fatal: ['flame', 'errorForeground'],
  error: ['error', 'errorForeground'],
  warning: ['warning', 'problemsWarningIcon.foreground'],
  info: ['info', 'problemsInfoIcon.foreground'],
  debug: ['debug', undefined],
  sample: ['beaker', undefined],
  unknown: ['circle-outline', undefined],
};

export function levelIcon(level: IssueLevel): vscode.ThemeIcon {
  const [icon, color] = LEVEL_ICONS[level];
  return new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
}

/**
 * An issue, read from the store by its ref (so a change to it re-renders this row); expands to its
 * latest, oldest and recommended event, then all its events by page.
 */
export class IssueNode extends PagedParentNode<EventRef> {
  readonly id: string;
  private readonly pinned: PinnedEventNode[];
  protected readonly children: PagedChildren<EventRef>;
  private readonly row: Subscription;

  constructor(readonly ref: IssueRef, readonly parent: ProjectNode, private readonly context: TreeContext) {
    super();
    this.id = `${parent.id}/issue:${ref.issueId}`;
    this.pinned = (['latest', 'oldest', 'recommended'] as const).map((kind) => new PinnedEventNode(kind, this, context));
    const where = `issue ${context.store.issue(ref)?.shortId ?? ref.issueId}`;
    const list = new PagedList<EventRef>(({ cursor, refresh, signal }) => context.data.listIssueEvents(ref, { cursor, perPage: readConfig().pageSize }, { refresh, signal }), {
      keyOf: eventKey,
      lifetime: context.lifetime,
      ...listLogging(context.logger, 'events', where),
    });
    this.children = new PagedChildren(
      this,
      list,
      (event) => new EventNode(event, this, context),
      { what: 'events', where, empty: () => 'No events stored for this issue.' },
      (node) => context.refresh(node),
    );
    this.row = context.rows.add(issueKey(ref), this);
  }

  override async getChildren(): Promise<TreeNode[]> {
    return [...this.pinned, ...(await super.getChildren())];
  }

  getTreeItem(): vscode.TreeItem {
    const issue = this.context.store.issue(this.ref);
    if (!issue) {
      const missing = new vscode.TreeItem(untrustedText(`Issue ${this.ref.issueId}`, 80), vscode.TreeItemCollapsibleState.Collapsed);
      missing.id = this.id;
      missing.contextValue = 'issue';
      return missing;
    }
    const item = new vscode.TreeItem(`${untrustedText(issue.shortId, 40)}  ${untrustedText(issue.title, 120)}`, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const seen = relativeTime(issue.lastSeen);
    item.description = [plural(issue.count, 'event'), plural(issue.userCount, 'user'), seen, untrustedText(issue.culprit, 80)].filter(Boolean).join(' · ');
    item.iconPath = levelIcon(issue.level);
    item.contextValue = 'issue';
    item.tooltip = untrustedMarkdown(issueTooltipMarkdown(issue));
    return item;
  }

  override dispose(): void {
    super.dispose();
    this.row.dispose();
  }
}
