import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SentryExplorerApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/views/nodes/treeNode';
import type { Fault } from '../../server/testServerTypes';

export const EXTENSION_ID = 'sentry-explorer.sentry-explorer';

export async function extensionApi(): Promise<SentryExplorerApi> {
  const ext = vscode.extensions.getExtension<SentryExplorerApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  if (ext.isActive) return ext.exports;
  const started = performance.now();
  const api = await ext.activate();
  // A measurement for the notes (the budget is 50 ms), not an assertion: timings vary by machine.
  console.log(`    (activation took ${(performance.now() - started).toFixed(1)} ms, with ${(await serverRequests()).length} requests to Sentry)`);
  return api;
}

export function labelOf(node: TreeNode): string {
  const label = node.getTreeItem().label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

export async function childrenOf(api: SentryExplorerApi, node?: TreeNode): Promise<TreeNode[]> {
  return api.tree.getChildren(node);
}

/** The child whose label matches; fails listing the labels it saw. */
export async function child(api: SentryExplorerApi, parent: TreeNode | undefined, label: string | RegExp): Promise<TreeNode> {
  const children = await childrenOf(api, parent);
  const found = children.find((c) => (typeof label === 'string' ? labelOf(c) === label : label.test(labelOf(c))));
  assert.ok(found, `no child ${label} under ${parent ? labelOf(parent) : 'the root'}; saw: ${children.map(labelOf).join(' | ')}`);
  return found;
}

/** An issue row by short id, following "Load more…" as a user would. */
export async function issueByShortId(api: SentryExplorerApi, project: TreeNode, shortId: string): Promise<TreeNode> {
  for (let page = 0; page < 10; page++) {
    const children = await childrenOf(api, project);
    const found = children.find((c) => labelOf(c).startsWith(`${shortId} `));
    if (found) return found;
    const more = children.find((c) => labelOf(c) === 'Load more…');
    if (!more) break;
    await vscode.commands.executeCommand('sentry.loadMore', more);
  }
  assert.fail(`issue ${shortId} not found`);
}

/** A frame row by function name anywhere below a node (library-frame groups are opened). */
export async function frameByFunction(api: SentryExplorerApi, parent: TreeNode, fn: string): Promise<TreeNode> {
  const queue = [parent];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const c of await childrenOf(api, node)) {
      if (c.getTreeItem().contextValue?.startsWith('frame') && labelOf(c) === fn) return c;
      if (c.getChildren) queue.push(c);
    }
  }
  assert.fail(`frame ${fn} not found under ${labelOf(parent)}`);
}

const server = () => {
  const url = process.env.SENTRY_EXPLORER_TEST_SERVER;
  assert.ok(url, 'SENTRY_EXPLORER_TEST_SERVER is not set');
  return url;
};

export async function injectFault(fault: Fault): Promise<void> {
  const body = JSON.stringify({ ...fault, times: fault.times === Infinity ? 'Infinity' : fault.times });
  const response = await fetch(`${server()}/__control/faults`, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
  assert.ok(response.ok, `fault injection failed: ${response.status}`);
}

export async function resetServer(): Promise<void> {
  const response = await fetch(`${server()}/__control/reset`, { method: 'POST' });
  assert.ok(response.ok);
}

export interface ServerRequest {
  method?: string;
  path: string;
  query: Record<string, string[]>;
  authorization?: string;
  /** The extension hung up before the answer (an aborted request). */
  abandoned?: boolean;
}

export async function serverRequests(): Promise<ServerRequest[]> {
  const response = await fetch(`${server()}/__control/requests`);
  return (await response.json()) as ServerRequest[];
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder.uri.fsPath;
}
