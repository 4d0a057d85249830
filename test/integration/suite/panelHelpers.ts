import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SentryExplorerApi } from '../../../src/extension';
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

/** The body the panel last sent its page. */
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
