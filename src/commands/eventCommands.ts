import * as vscode from 'vscode';
import { readConfig } from '../config';
import { COMMANDS } from '../constants';
import { type LocalEventRef, localEventRefOf } from '../model/localEventRef';
import { type EventRef, eventRefOf, type IssueRef, issueRefOf, readIssueRef } from '../model/refs';
import type { PinnedEvent, SentryData } from '../model/sentryData';
import { eventToMarkdown } from '../views/eventDetail/eventMarkdown';
import type { EventDetailPanels, ShowOptions } from '../views/eventDetail/eventDetailPanels';

export interface EventCommandDeps {
  panels: EventDetailPanels;
  data: SentryData;
  /** The rows selected in the Sentry view (Open Event from the palette opens the selected one). */
  selection(): readonly unknown[];
}

const PINNED: readonly PinnedEvent[] = ['latest', 'oldest', 'recommended'];

/** What Open Event opened: the panel's key. */
export interface OpenedEvent {
  key: string;
}

/**
 * `sentry.openEvent`: the event detail panel for an event ref, a file's event, an issue's
 * `{org, issueId, which}`, or a row that gives one of those. From the palette (no argument) it opens
 * the event of the row selected in the Sentry view (an issue row: its latest event), else asks what
 * Open Issue or Event… asks (a link, a short id, an event id). `options.preserveFocus` (a tree row's click) keeps the keyboard
 * where it was. Undefined when the user cancelled.
 */
export async function openEvent(arg: unknown, deps: EventCommandDeps, options?: unknown): Promise<OpenedEvent | undefined> {
  const target = arg ?? selectedTarget(deps.selection());
  if (target === undefined) return askWhatToOpen(deps);
  const show: ShowOptions = { preserveFocus: readPreserveFocus(options) };
  const local = localEventRefOf(target);
  if (local) return { key: deps.panels.showFileEvent(local, show).key };
  const ref = eventRefOf(target);
  if (ref) return { key: deps.panels.showEvent(ref, show).key };
  const pinned = readPinned(target);
  if (pinned) {
    const loaded = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Sentry: loading the ${pinned.which} event…` }, () =>
      deps.data.getPinnedEvent(pinned.issue, pinned.which),
    );
    return { key: deps.panels.showEvent(loaded, show).key };
  }
  throw new Error('Pick an event to open: an event in the Sentry view, a Sentry link, a short id or an event id.');
}

/**
 * `sentry.copyEventAsMarkdown`: an event row (Sentry's or a file's) or ref; without one, the event of
 * the panel in front. The Markdown goes to the clipboard, and is returned.
 */
export async function copyEventAsMarkdown(arg: unknown, deps: EventCommandDeps): Promise<string> {
  if (arg === undefined && deps.panels.active) return deps.panels.active.copyMarkdown();
  const given = arg ?? deps.selection()[0];
  const chosen: EventRef | LocalEventRef | undefined = localEventRefOf(given) ?? eventRefOf(given);
  if (!chosen) throw new Error('Pick an event to copy: an event in the Sentry view, or open its panel.');
  const source = deps.panels.sourceOf(chosen);
  const event = await source.load();
  const markdown = eventToMarkdown(event, source.header(event), readConfig().frameOrder);
  await vscode.env.clipboard.writeText(markdown);
  vscode.window.setStatusBarMessage('Sentry: copied the event as Markdown', 3000);
  return markdown;
}

/** A selected row's event, or an issue row's latest event. */
function selectedTarget(selection: readonly unknown[]): unknown {
  const row = selection[0];
  if (row === undefined) return undefined;
  if (localEventRefOf(row) ?? eventRefOf(row)) return row;
  const issue = issueRefOf(row);
  return issue ? { ...issue, which: 'latest' } : undefined;
}

function readPreserveFocus(options: unknown): boolean {
  return typeof options === 'object' && options !== null && (options as Record<string, unknown>).preserveFocus === true;
}

function readPinned(value: unknown): { issue: IssueRef; which: PinnedEvent } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { org, issueId, which } = value as Record<string, unknown>;
  const issue = readIssueRef({ org, issueId });
  const pinned = PINNED.find((kind) => kind === which);
  return issue && pinned ? { issue, which: pinned } : undefined;
}

/** Nothing given or selected: the palette's Open Issue or Event…, whose answer lands in the panel in front. */
async function askWhatToOpen(deps: EventCommandDeps): Promise<OpenedEvent | undefined> {
  const opened = await vscode.commands.executeCommand<boolean>(COMMANDS.openIssueOrEvent);
  const panel = opened ? deps.panels.active : undefined;
  return panel ? { key: panel.key } : undefined;
}
