import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SentryExplorerApi } from '../../../src/extension';
import { eventKey } from '../../../src/model/refs';
import type { EventDetailPanel } from '../../../src/views/eventDetail/eventDetailPanel';
import type { TreeNode } from '../../../src/views/nodes/treeNode';
import { waitFor } from './uiSpies';

/** Runs a row's click command, as VS Code does when the row is clicked. */
export async function clickRow<T>(node: TreeNode): Promise<T | undefined> {
  const command = node.getTreeItem().command;
  assert.ok(command, `the row ${String(node.getTreeItem().label)} has no click command`);
  return vscode.commands.executeCommand<T>(command.command, ...(command.arguments ?? []));
}

/** The panel Open Event opened, once the page (in the real VS Code) has painted its body. */
export async function paintedPanel(api: SentryExplorerApi, opened: { key: string } | undefined): Promise<EventDetailPanel> {
  assert.ok(opened, 'Open Event opened no panel');
  const panel = api.panels.get(opened.key);
  assert.ok(panel, `no panel ${opened.key}`);
  await waitFor(() => panel.lastPaint !== undefined, 'the panel to paint its body', 20_000);
  return panel;
}

/** The body the panel last gave its page (in its HTML or sent). */
export function bodyOf(panel: EventDetailPanel): string {
  const body = panel.lastBody;
  assert.ok(body, 'the panel sent no body');
  return body;
}

/** The frame reference the page would send for a click on the frame named `fn` (as the renderer wrote it into the row). */
export function frameRefIn(html: string, fn: string): unknown {
  const match = new RegExp(`<span class="fn">${fn}</span><button[^>]*data-frame="([^"]+)"`).exec(html);
  assert.ok(match, `no frame ${fn} in the panel`);
  return JSON.parse(match[1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
}

export function closePanels(api: SentryExplorerApi): void {
  for (const panel of api.panels.all()) panel.dispose();
}

/** The issue actions the header in `html` offers, in order (the buttons' `data-issue-action`). */
export function issueActionsIn(html: string): string[] {
  return [...html.matchAll(/data-issue-action="([A-Za-z]+)"/g)].map((match) => match[1]);
}

/** A mark in what the panel sent: `headersSince` gives the headers sent after it, oldest first. */
export function sentMark(panel: EventDetailPanel): unknown {
  return panel.sent[panel.sent.length - 1];
}

export function headersSince(panel: EventDetailPanel, mark: unknown): string[] {
  const after = panel.sent.slice(panel.sent.indexOf(mark as (typeof panel.sent)[number]) + 1);
  return after.flatMap((message) => (message.type === 'header' ? [message.html] : []));
}

/** The header the page shows now: the last header sent, else the header of the last body (sent, or in the page's HTML). */
export function currentHeader(panel: EventDetailPanel): string {
  for (let i = panel.sent.length - 1; i >= 0; i--) {
    const message = panel.sent[i];
    if (message.type === 'header') return message.html;
    if (message.type === 'show') return headerOf(message.html);
  }
  return headerOf(bodyOf(panel));
}

function headerOf(body: string): string {
  const header = /<header class="event-header">[\s\S]*?<\/header>/.exec(body);
  assert.ok(header, 'the body has no header');
  return header[0];
}

/**
 * Waits until the event's panel is open and painted (what search, Open Issue or Event… and links open
 * after revealing the row), checks it is the panel of that event of that issue, shown; gives it.
 */
export async function waitForPanelOf(api: SentryExplorerApi, event: { org: string; project: string; eventId: string; shortId: string }, what: string): Promise<EventDetailPanel> {
  let found: EventDetailPanel | undefined;
  await waitFor(
    () => {
      found = api.panels.all().find((panel) => panel.shownEvent?.eventId === event.eventId && panel.lastPaint !== undefined);
      return found !== undefined;
    },
    what,
    20_000,
  );
  const panel = found!;
  assert.strictEqual(panel.key, eventKey(event), 'one panel per event, keyed by its ref');
  assert.ok(panel.webviewPanel.visible, 'the panel is shown');
  assert.ok(currentHeader(panel).includes(event.shortId), `the header names ${event.shortId}`);
  return panel;
}
