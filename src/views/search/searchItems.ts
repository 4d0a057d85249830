import * as vscode from 'vscode';
import type { IssueRef } from '../../model/refs';
import type { Issue } from '../../sentry/api/types';
import { plural, relativeTime } from '../format';
import { statusText } from '../issueState';
import { levelIcon } from '../nodes/issueNode';
import { untrustedText } from '../untrustedText';

/** A row of the search: an issue, a recent query to run again, or a line that says what is going on. */
export interface SearchItem extends vscode.QuickPickItem {
  issue?: IssueRef;
  recent?: string;
}

export const OPEN_IN_BROWSER_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('link-external'), tooltip: 'Open in Browser' };

/** Every row is shown whatever the input: Sentry did the matching, VS Code must not filter it again. */
export function issueItem(ref: IssueRef, issue: Issue | undefined, projectName: string | undefined, now = Date.now()): SearchItem {
  if (!issue) return { label: untrustedText(`Issue ${ref.issueId}`, 80), issue: ref, alwaysShow: true };
  const seen = relativeTime(issue.lastSeen, now);
  return {
    label: `${untrustedText(issue.shortId, 40)}  ${untrustedText(issue.title, 160)}`,
    description: untrustedText(issue.culprit, 120),
    detail: [
      untrustedText(projectName ?? issue.projectSlug ?? '', 60),
      statusText(issue, now),
      plural(issue.count, 'event'),
      plural(issue.userCount, 'user'),
      seen && `last seen ${seen}`,
      issue.assignee && `→ ${untrustedText(issue.assignee, 60)}`,
    ]
      .filter(Boolean)
      .join(' · '),
    iconPath: levelIcon(issue.level),
    buttons: [OPEN_IN_BROWSER_BUTTON],
    issue: ref,
    alwaysShow: true,
  };
}

export function recentItem(query: string): SearchItem {
  return { label: untrustedText(query, 200), description: 'recent search', iconPath: new vscode.ThemeIcon('history'), recent: query, alwaysShow: true };
}

export function noteItem(text: string, icon = 'info'): SearchItem {
  return { label: untrustedText(text, 300), iconPath: new vscode.ThemeIcon(icon), alwaysShow: true };
}

export function separator(label: string): SearchItem {
  return { label, kind: vscode.QuickPickItemKind.Separator };
}
