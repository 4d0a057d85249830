import * as vscode from 'vscode';
import { readConfig } from '../config';
import { type LocalEventRef, localEventRefOf } from '../model/localEventRef';
import { type EventRef, eventRefOf, isIdText, type IssueRef, issueRefOf, readIssueRef } from '../model/refs';
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
 * the event of the row selected in the Sentry view (an issue row: its latest event), else asks for
 * `organization/project/event id`. `options.preserveFocus` (a tree row's click) keeps the keyboard
 * where it was. Undefined when the user cancelled.
 */
export async function openEvent(arg: unknown, deps: EventCommandDeps, options?: unknown): Promise<OpenedEvent | undefined> {
  const target = arg ?? selectedTarget(deps.selection()) ?? (await askForEvent());
  if (target === undefined) return undefined;
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
  throw new Error('Pick an event to open: an event in the Sentry view, or organization/project/event id.');
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

async function askForEvent(): Promise<EventRef | undefined> {
  const answer = await vscode.window.showInputBox({
    title: 'Sentry: Open Event',
    prompt: 'The event as organization/project/event id, e.g. acme/backend/4f1c2a9be0d34c7e9a5b6c7d8e9f0a1b (or select an event in the Sentry view first)',
    placeHolder: 'organization/project/event id',
    ignoreFocusOut: true,
    validateInput: (input) => (readTypedEventRef(input) ? undefined : 'Type organization/project/event id: three parts, no spaces.'),
  });
  return answer === undefined ? undefined : readTypedEventRef(answer);
}

/** "acme/backend/4f1c…" → an event ref read through its project. */
export function readTypedEventRef(input: string): EventRef | undefined {
  const parts = input.trim().replace(/^\/+|\/+$/g, '').split('/');
  if (parts.length !== 3 || !parts.every(isIdText)) return undefined;
  const [org, project, eventId] = parts;
  return { org, project, eventId };
}
