import * as vscode from 'vscode';
import type { SentryEvent } from '../../sentry/event/eventModel';
import type { Issue, IssueLevel } from '../../sentry/api/types';
import { plural, relativeTime } from '../format';
import { readConfig } from '../../config';
import { untrustedMarkdown } from '../tooltip';
import { issueTooltipMarkdown } from '../tooltipContent';
import { untrustedText } from '../untrustedText';
import { EventNode } from './eventNode';
import { logListEnd, PagedChildren } from './pagedChildren';
import { PagedList } from './pagedList';
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

/** An issue; expands to its latest, oldest and recommended event, then all its events by page. */
export class IssueNode extends PagedParentNode<SentryEvent> {
  readonly id: string;
  private readonly pinned: PinnedEventNode[];
  protected readonly children: PagedChildren<SentryEvent>;

  constructor(readonly issue: Issue, readonly parent: ProjectNode, private readonly context: TreeContext) {
    super();
    this.id = `${parent.id}/issue:${issue.id}`;
    this.pinned = (['latest', 'oldest', 'recommended'] as const).map((kind) => new PinnedEventNode(kind, this, context));
    const list = new PagedList<SentryEvent>(
      async ({ cursor, refresh, signal }) => {
        const client = context.session.client;
        if (!client) return { items: [] };
        return client.listIssueEvents(this.orgSlug, issue.id, { cursor, perPage: readConfig().pageSize }, { refresh, signal });
      },
      {
        keyOf: (event) => event.eventId,
        lifetime: context.lifetime,
        onEnd: (end) => logListEnd(context.log, 'events', `issue ${issue.shortId}`, end),
      },
    );
    this.children = new PagedChildren(
      this,
      list,
      (event) => new EventNode(event, this, context, { org: this.orgSlug, project: this.projectSlug, projectId: issue.projectId ?? this.parent.project.id, event }),
      { what: 'events', empty: () => 'No events stored for this issue.' },
      (node) => context.refresh(node),
    );
  }

  get orgSlug(): string {
    return this.parent.orgSlug;
  }

  get projectSlug(): string {
    return this.issue.projectSlug ?? this.parent.project.slug;
  }

  override async getChildren(): Promise<TreeNode[]> {
    return [...this.pinned, ...(await super.getChildren())];
  }

  getTreeItem(): vscode.TreeItem {
    const issue = this.issue;
    const item = new vscode.TreeItem(`${untrustedText(issue.shortId, 40)}  ${untrustedText(issue.title, 120)}`, this.collapsible());
    item.id = this.id;
    const seen = relativeTime(issue.lastSeen);
    item.description = [plural(issue.count, 'event'), plural(issue.userCount, 'user'), seen, untrustedText(issue.culprit, 80)]
      .filter(Boolean)
      .join(' · ');
    item.iconPath = levelIcon(issue.level);
    item.contextValue = 'issue';
    item.tooltip = untrustedMarkdown(issueTooltipMarkdown(issue));
    return item;
  }

  protected collapsible(): vscode.TreeItemCollapsibleState {
    return vscode.TreeItemCollapsibleState.Collapsed;
  }
}
