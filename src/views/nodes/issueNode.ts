import * as vscode from 'vscode';
import type { Issue, IssueLevel } from '../../sentry/types';
import { oneLine, plural, relativeTime } from '../format';
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

export class IssueNode implements TreeNode {
  readonly id: string;

  constructor(readonly issue: Issue, readonly parent: ProjectNode, protected readonly context: TreeContext) {
    this.id = `${parent.id}/issue:${issue.id}`;
  }

  get orgSlug(): string {
    return this.parent.orgSlug;
  }

  getTreeItem(): vscode.TreeItem {
    const issue = this.issue;
    const item = new vscode.TreeItem(`${issue.shortId}  ${oneLine(issue.title, 120)}`, this.collapsible());
    item.id = this.id;
    const seen = relativeTime(issue.lastSeen);
    item.description = [plural(issue.count, 'event'), plural(issue.userCount, 'user'), seen, oneLine(issue.culprit, 80)]
      .filter(Boolean)
      .join(' · ');
    item.iconPath = levelIcon(issue.level);
    item.contextValue = 'issue';
    item.tooltip = issueTooltip(issue);
    return item;
  }

  protected collapsible(): vscode.TreeItemCollapsibleState {
    return vscode.TreeItemCollapsibleState.None;
  }
}

/** Markdown built only with appendText for data: untrusted, no command links, no HTML. */
export function issueTooltip(issue: Issue): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown('**');
  md.appendText(oneLine(issue.title, 300));
  md.appendMarkdown('**\n\n');
  const rows: Array<[string, string | undefined]> = [
    ['Issue', issue.shortId],
    ['Culprit', issue.culprit || undefined],
    ['Level', issue.level],
    ['Status', issue.status],
    ['Events', String(issue.count)],
    ['Users', String(issue.userCount)],
    ['First seen', issue.firstSeen && `${issue.firstSeen} (${relativeTime(issue.firstSeen) ?? '?'})`],
    ['Last seen', issue.lastSeen && `${issue.lastSeen} (${relativeTime(issue.lastSeen) ?? '?'})`],
    ['Assigned to', issue.assignee],
  ];
  for (const [label, value] of rows) {
    if (!value) continue;
    md.appendMarkdown(`- ${label}: `);
    md.appendText(oneLine(value, 300));
    md.appendMarkdown('\n');
  }
  return md;
}
