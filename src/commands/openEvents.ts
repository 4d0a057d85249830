import type { IssueRef } from '../model/refs';
import type { PinnedEvent } from '../model/sentryData';
import type { TreeReveal } from '../views/treeReveal';

/**
 * What "open an issue's event" means, in one place for every surface (search, Open Issue or
 * Event…, links). Today: the event's row in the tree, expanded. When the event detail panel
 * lands, each body becomes one line:
 * `vscode.commands.executeCommand(COMMANDS.openEvent, { org: issue.org, issueId: issue.issueId, which })`
 * (or the EventRef for `openIssueEvent`).
 */
export async function openPinnedEvent(issue: IssueRef, which: PinnedEvent, reveal: TreeReveal): Promise<void> {
  await reveal.revealEvent(issue, which);
}

/** An issue's latest event: what picking a search result or opening an issue link shows. */
export function openLatestEvent(issue: IssueRef, reveal: TreeReveal): Promise<void> {
  return openPinnedEvent(issue, 'latest', reveal);
}

/** One event of an issue, by its id (an event link); its project's slug, when known, completes its EventRef. */
export async function openIssueEvent(event: IssueRef & { eventId: string; project?: string }, reveal: TreeReveal): Promise<void> {
  await reveal.revealEvent({ org: event.org, issueId: event.issueId }, { eventId: event.eventId });
}
