import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SentryExplorerApi } from '../../../src/extension';
import type { IssueRef } from '../../../src/model/refs';
import type { SearchItem } from '../../../src/views/search/searchItems';
import type { TreeNode } from '../../../src/views/nodes/treeNode';
import { serverRequests, ServerRequest } from './helpers';
import { waitFor } from './uiSpies';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Signed in with the token from SENTRY_AUTH_TOKEN, whatever an earlier suite signed in with. */
export async function useEnvironmentToken(api: SentryExplorerApi): Promise<void> {
  await vscode.commands.executeCommand('sentry.signOut', { ignoreDiscovered: true });
  await vscode.commands.executeCommand('sentry.useDiscoveredToken');
  assert.strictEqual(api.session.state, 'signedIn');
  assert.strictEqual(api.session.credentials?.source, 'SENTRY_AUTH_TOKEN');
}

/** Opens `Sentry: Search Issues` (the command does not return until the picker closes) and gives its quick pick. */
export async function openSearch(api: SentryExplorerApi, args?: object): Promise<vscode.QuickPick<SearchItem>> {
  const before = api.search.active;
  void vscode.commands.executeCommand('sentry.searchIssues', args);
  await waitFor(() => api.search.active !== undefined && api.search.active !== before, 'the search picker');
  return api.search.active!;
}

/** Types into the real quick pick one character at a time, as a typist would. */
export async function typeInto(picker: vscode.QuickPick<SearchItem>, text: string, gapMs = 40): Promise<void> {
  for (let i = 1; i <= text.length; i++) {
    picker.value = text.slice(0, i);
    await sleep(gapMs);
  }
}

/** Waits until the picker shows issues (not busy); returns them. */
export async function issueItems(picker: vscode.QuickPick<SearchItem>, what: string): Promise<SearchItem[]> {
  await waitFor(() => !picker.busy && picker.items.some((item) => item.issue !== undefined), what);
  return picker.items.filter((item) => item.issue !== undefined);
}

export async function issueSearchRequests(org: string): Promise<ServerRequest[]> {
  return (await serverRequests()).filter((r) => r.path === `/api/0/organizations/${org}/issues/` && r.query.limit?.[0] !== '1');
}

/** The tree row the view has selected. */
export function selected(api: SentryExplorerApi): TreeNode | undefined {
  return api.treeView.selection[0] as TreeNode | undefined;
}

/** Waits until the selection is the expanded "Latest event" (or another pinned) row of `issue`, loaded. */
export async function waitForEventRowOf(api: SentryExplorerApi, issue: IssueRef, eventId: string, what: string): Promise<TreeNode> {
  await waitFor(
    () => {
      const row = selected(api);
      const parentRef = row?.parent?.ref;
      const ref = row?.ref;
      return (
        parentRef !== undefined &&
        'issueId' in parentRef &&
        parentRef.issueId === issue.issueId &&
        ref !== undefined &&
        'eventId' in ref &&
        ref.eventId === eventId
      );
    },
    what,
    20_000,
  );
  return selected(api)!;
}
