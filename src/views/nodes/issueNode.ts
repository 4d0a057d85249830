import * as vscode from 'vscode';
import { readConfig } from '../../config';
import type { Subscription } from '../../model/emitter';
import { PagedList } from '../../model/pagedList';
import { EventRef, IssueRef, eventKey, issueKey } from '../../model/refs';
import type { Issue, IssueLevel } from '../../sentry/api/types';
import type { PinnedEvent } from '../../model/sentryData';
import { plural, relativeTime } from '../format';
import { untrustedMarkdown } from '../tooltip';
import { issueTooltipMarkdown } from '../tooltipContent';
import { untrustedText } from '../untrustedText';
import { issueContextValue, statusText, statusWord } from '../issueState';
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

/** A resolved or ignored issue shows its state instead of its level. */
function stateIcon(issue: Issue): vscode.ThemeIcon | undefined {
  const word = statusWord(issue);
  if (word === 'resolved') return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
  if (word === 'ignored') return new vscode.ThemeIcon('bell-slash');
  return undefined;
}

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
  /** Events opened by their id (from a link), above the pinned ones. */
  private readonly opened: PinnedEventNode[] = [];
  protected readonly children: PagedChildren<EventRef>;
  private readonly row: Subscription;

  /**
   * `outsideList`: the row was added for an issue opened by link or search that is not among the
   * loaded pages of its project's list (another status, a later page); it says so.
   */
  constructor(readonly ref: IssueRef, readonly parent: ProjectNode, private readonly context: TreeContext, readonly outsideList = false) {
    super();
    this.id = `${parent.id}/issue${outsideList ? '-opened' : ''}:${ref.issueId}`;
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
    return [...this.opened, ...this.pinned, ...(await super.getChildren())];
  }

  /** The "Latest event" (or oldest, recommended) row. */
  pinnedRow(kind: PinnedEvent): PinnedEventNode {
    return this.pinned.find((node) => node.kind === kind) ?? this.pinned[0];
  }

  /** A row for one event by its id, above the others (made once; the tree shows it on its next look). */
  openedRow(eventId: string): PinnedEventNode {
    let row = this.opened.find((node) => typeof node.kind !== 'string' && node.kind.eventId === eventId);
    if (!row) {
      row = new PinnedEventNode({ eventId }, this, this.context);
      this.opened.unshift(row);
      this.context.refresh(this);
    }
    return row;
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
    const assignee = issue.assignee ? `→ ${untrustedText(issue.assignee, 60)}` : undefined;
    item.description = [
      this.outsideList ? 'opened' : undefined,
      statusText(issue),
      issue.isBookmarked ? '★' : undefined,
      plural(issue.count, 'event'),
      plural(issue.userCount, 'user'),
      seen,
      assignee,
      untrustedText(issue.culprit, 80),
    ]
      .filter(Boolean)
      .join(' · ');
    item.iconPath = stateIcon(issue) ?? levelIcon(issue.level);
    item.contextValue = issueContextValue(issue);
    const tooltip = untrustedMarkdown(issueTooltipMarkdown(issue));
    if (this.outsideList) tooltip.appendText(`\n\nOpened from a link or a search: this issue is not among the loaded issues of this project's list.`);
    item.tooltip = tooltip;
    return item;
  }

  override dispose(): void {
    super.dispose();
    this.row.dispose();
  }
}
