import type { Issue } from '../sentry/api/types';

/**
 * What an issue's state looks like in a row: the `contextValue` the tree's menus match (only the
 * actions that apply show), and a few words for its status. No `vscode`, no untrusted text: every
 * word here is the extension's own.
 */

export type StatusWord = 'unresolved' | 'resolved' | 'ignored' | 'other';

export function statusWord(issue: Pick<Issue, 'status'>): StatusWord {
  const status = issue.status;
  if (status === 'unresolved' || status === 'resolved' || status === 'ignored') return status;
  if (status === 'muted') return 'ignored';
  return 'other';
}

/**
 * `issue.<status>.<bookmarked|unbookmarked>.<assigned|unassigned>`, e.g.
 * `issue.unresolved.unbookmarked.unassigned`: menus match it with `viewItem =~ /^issue\.unresolved\./`.
 */
export function issueContextValue(issue: Issue): string {
  return ['issue', statusWord(issue), issue.isBookmarked ? 'bookmarked' : 'unbookmarked', issue.assignedTo || issue.assignee ? 'assigned' : 'unassigned'].join('.');
}

/** "resolved in the next release", "ignored until 100 more events"…; undefined for an unresolved issue. */
export function statusText(issue: Issue, now = Date.now()): string | undefined {
  switch (statusWord(issue)) {
    case 'unresolved':
      return undefined;
    case 'resolved':
      return issue.resolvedInNextRelease ? 'resolved in the next release' : 'resolved';
    case 'ignored':
      return ignoredText(issue, now);
    case 'other':
      return issue.status.replace(/_/g, ' ');
  }
}

function ignoredText(issue: Issue, now: number): string {
  if (issue.ignoredUntil) {
    const until = Date.parse(issue.ignoredUntil);
    if (Number.isFinite(until)) return until > now ? `ignored until ${timeWords(new Date(until), new Date(now))}` : 'ignored (time passed)';
  }
  if (issue.ignoredUntilCount !== undefined) return `ignored until ${issue.ignoredUntilCount} more event${issue.ignoredUntilCount === 1 ? '' : 's'}`;
  if (issue.ignoredUntilUserCount !== undefined) return `ignored until ${issue.ignoredUntilUserCount} more user${issue.ignoredUntilUserCount === 1 ? '' : 's'}`;
  if (issue.substatus === 'archived_until_escalating') return 'ignored until it escalates';
  return 'ignored';
}

/** "14:05" today, "Mar 5, 14:05" another day. */
function timeWords(when: Date, now: Date): string {
  const time = when.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  if (when.toDateString() === now.toDateString()) return time;
  return `${when.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })}, ${time}`;
}
