import * as vscode from 'vscode';
import type { IssueSort } from '../sentry/api/client';

export type FrameOrder = 'crashFirst' | 'callerFirst';

const SORTS: readonly IssueSort[] = ['date', 'new', 'freq', 'user'];

/** Typed reads of the `sentry.*` settings. */
export function readSettings() {
  const config = vscode.workspace.getConfiguration('sentry');
  const sort = config.get<string>('issueSort', 'date') as IssueSort;
  const pageSize = config.get<number>('pageSize', 25);
  return {
    issueQuery: config.get<string>('issueQuery', 'is:unresolved'),
    issueSort: SORTS.includes(sort) ? sort : 'date',
    pageSize: Number.isFinite(pageSize) ? Math.min(100, Math.max(5, Math.round(pageSize))) : 25,
    frameOrder: (config.get<string>('frameOrder') === 'callerFirst' ? 'callerFirst' : 'crashFirst') as FrameOrder,
    hideLibraryFrames: config.get<boolean>('hideLibraryFrames', false),
    pathMappings: config.get<Record<string, string>>('pathMappings', {}),
  };
}

export const ISSUE_SORTS: ReadonlyArray<{ value: IssueSort; label: string }> = [
  { value: 'date', label: 'Last Seen' },
  { value: 'new', label: 'First Seen' },
  { value: 'freq', label: 'Events' },
  { value: 'user', label: 'Users' },
];
