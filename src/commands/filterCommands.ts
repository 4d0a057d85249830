import * as vscode from 'vscode';
import type { IssueFilterStore } from '../views/issueFilterStore';
import { ProjectNode } from '../views/nodes/projectNode';
import type { TreeNode } from '../views/nodes/treeNode';
import { ISSUE_SORTS } from '../config';
import { untrustedText } from '../views/untrustedText';
import type { IssueSort } from '../sentry/api/client';

export interface FilterArgs {
  query?: string;
  sort?: IssueSort;
}

/** Per-project issue query in Sentry's search syntax; an empty query lists every status. */
export async function filterIssues(node: TreeNode, filters: IssueFilterStore, query?: string): Promise<void> {
  if (!(node instanceof ProjectNode)) throw new Error('Pick a project to filter its issues.');
  const current = filters.get(node.orgSlug, node.project.slug);
  const value =
    query ??
    (await vscode.window.showInputBox({
      title: `Filter issues of ${untrustedText(node.project.name, 80)}`,
      prompt: "Sentry search, e.g. is:unresolved level:error release:1.2 (empty: every status)",
      value: current.query,
      ignoreFocusOut: true,
    }));
  if (value === undefined) return;
  await filters.set(node.orgSlug, node.project.slug, { query: value.trim() });
  node.reset();
}

export async function sortIssues(node: TreeNode, filters: IssueFilterStore, sort?: IssueSort): Promise<void> {
  if (!(node instanceof ProjectNode)) throw new Error('Pick a project to sort its issues.');
  const current = filters.get(node.orgSlug, node.project.slug);
  const chosen =
    sort ??
    (
      await vscode.window.showQuickPick(
        ISSUE_SORTS.map((s) => ({ label: s.label, value: s.value, description: s.value === current.sort ? 'current' : undefined })),
        { title: `Sort issues of ${untrustedText(node.project.name, 80)}` },
      )
    )?.value;
  if (!chosen) return;
  await filters.set(node.orgSlug, node.project.slug, { sort: chosen });
  node.reset();
}
