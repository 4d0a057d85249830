import * as vscode from 'vscode';
import type { IssueSort } from '../sentry/api/client';
import { STATE_KEYS } from '../constants';
import { readConfig } from '../config';

export interface IssueFilter {
  query: string;
  sort: IssueSort;
}

/** Per-project issue query and sort, kept in workspace state; the `sentry.issue*` settings are the default. */
export class IssueFilterStore {
  constructor(private readonly state: vscode.Memento) {}

  get(org: string, project: string): IssueFilter {
    const settings = readConfig();
    const saved = this.all()[key(org, project)] ?? {};
    return { query: saved.query ?? settings.issueQuery, sort: saved.sort ?? settings.issueSort };
  }

  async set(org: string, project: string, change: Partial<IssueFilter>): Promise<void> {
    const all = this.all();
    all[key(org, project)] = { ...all[key(org, project)], ...change };
    await this.state.update(STATE_KEYS.issueFilters, all);
  }

  private all(): Record<string, Partial<IssueFilter>> {
    return { ...this.state.get<Record<string, Partial<IssueFilter>>>(STATE_KEYS.issueFilters, {}) };
  }
}

function key(org: string, project: string): string {
  return `${org}/${project}`;
}
