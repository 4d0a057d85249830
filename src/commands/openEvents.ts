import * as vscode from 'vscode';
import { COMMANDS } from '../constants';
import { eventRefOf, type IssueRef } from '../model/refs';
import type { PinnedEvent } from '../model/sentryData';
import type { TreeReveal } from '../views/treeReveal';

/**
 * What "open an issue's event" means, in one place for every surface (search, Open Issue or
 * Event…, links): the event's row revealed in the tree, and the event in its detail panel.
 */
export async function openPinnedEvent(issue: IssueRef, which: PinnedEvent, reveal: TreeReveal): Promise<void> {
  const row = await reveal.revealEvent(issue, which);
  await vscode.commands.executeCommand(COMMANDS.openEvent, eventRefOf(row) ?? { org: issue.org, issueId: issue.issueId, which });
}

/** An issue's latest event: what picking a search result or opening an issue link shows. */
export function openLatestEvent(issue: IssueRef, reveal: TreeReveal): Promise<void> {
  return openPinnedEvent(issue, 'latest', reveal);
}

/** One event of an issue, by its id (an event link); its project's slug, when known, completes its EventRef. */
export async function openIssueEvent(event: IssueRef & { eventId: string; project?: string }, reveal: TreeReveal): Promise<void> {
  const row = await reveal.revealEvent({ org: event.org, issueId: event.issueId }, { eventId: event.eventId });
  const ref = eventRefOf(row) ?? (event.project ? { org: event.org, project: event.project, eventId: event.eventId, issueId: event.issueId } : undefined);
  if (ref) await vscode.commands.executeCommand(COMMANDS.openEvent, ref);
}
