import * as vscode from 'vscode';
import { ISSUE_SORTS } from '../config';
import { ProjectRef, projectRefOf } from '../model/refs';
import type { SentryStore } from '../model/store';
import type { IssueSort } from '../sentry/api/client';
import type { IssueFilterStore } from '../views/issueFilterStore';
import { untrustedText } from '../views/untrustedText';

export interface FilterDeps {
  filters: IssueFilterStore;
  store: SentryStore;
  /** Loads the project's issues again wherever it is shown. */
  resetProject(ref: ProjectRef): void;
}

/** Per-project issue query in Sentry's search syntax; an empty query lists every status. */
export async function filterIssues(arg: unknown, deps: FilterDeps, query?: unknown): Promise<void> {
  const ref = projectRefOf(arg);
  if (!ref) throw new Error('Pick a project to filter its issues.');
  const current = deps.filters.get(ref.org, ref.project);
  const value =
    typeof query === 'string'
      ? query
      : await vscode.window.showInputBox({
          title: `Filter issues of ${untrustedText(deps.store.project(ref)?.name ?? ref.project, 80)}`,
          prompt: 'Sentry search, e.g. is:unresolved level:error release:1.2 (empty: every status)',
          value: current.query,
          ignoreFocusOut: true,
        });
  if (value === undefined) return;
  await deps.filters.set(ref.org, ref.project, { query: value.trim() });
  deps.resetProject(ref);
}

export async function sortIssues(arg: unknown, deps: FilterDeps, sort?: unknown): Promise<void> {
  const ref = projectRefOf(arg);
  if (!ref) throw new Error('Pick a project to sort its issues.');
  const current = deps.filters.get(ref.org, ref.project);
  const given = ISSUE_SORTS.find((s) => s.value === sort)?.value;
  const chosen =
    given ??
    (
      await vscode.window.showQuickPick(
        ISSUE_SORTS.map((s) => ({ label: s.label, value: s.value, description: s.value === current.sort ? 'current' : undefined })),
        { title: `Sort issues of ${untrustedText(deps.store.project(ref)?.name ?? ref.project, 80)}` },
      )
    )?.value;
  if (!chosen) return;
  const next: IssueSort = chosen;
  await deps.filters.set(ref.org, ref.project, { sort: next });
  deps.resetProject(ref);
}
