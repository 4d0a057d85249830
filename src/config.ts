import * as vscode from 'vscode';
import type { IssueSort } from './sentry/api/client';
import { SETTING_KEYS, SETTINGS_SECTION } from './constants';

export type FrameOrder = 'crashFirst' | 'callerFirst';

export interface SentryConfig {
  /** Default issue filter in Sentry's search syntax ('' lists every status). */
  issueQuery: string;
  issueSort: IssueSort;
  /** Issues and events per page, 5 to 100. */
  pageSize: number;
  frameOrder: FrameOrder;
  hideLibraryFrames: boolean;
  /** Frame path prefix → local folder (may hold `${workspaceFolder}`); entries that are not text are dropped. */
  pathMappings: Record<string, string>;
  /** How often the status bar counts the current project's unresolved issues, 1 to 1440 minutes. */
  statusBarRefreshMinutes: number;
}

export type ConfigKey = (typeof SETTING_KEYS)[number];

export const DEFAULT_CONFIG: Readonly<SentryConfig> = {
  issueQuery: 'is:unresolved',
  issueSort: 'date',
  pageSize: 25,
  frameOrder: 'crashFirst',
  hideLibraryFrames: false,
  pathMappings: {},
  statusBarRefreshMinutes: 5,
};

/** Settings whose change only changes when the status bar counts again. */
export const STATUS_BAR_SETTINGS: readonly ConfigKey[] = ['statusBarRefreshMinutes'];

/** Settings whose change means every list loads again (what is asked of Sentry changed). */
export const LIST_SETTINGS: readonly ConfigKey[] = ['issueQuery', 'issueSort', 'pageSize'];

/** Settings whose change only re-renders the tree (how frames are shown). */
export const DISPLAY_SETTINGS: readonly ConfigKey[] = ['frameOrder', 'hideLibraryFrames'];

export const ISSUE_SORTS: ReadonlyArray<{ value: IssueSort; label: string }> = [
  { value: 'date', label: 'Last Seen' },
  { value: 'new', label: 'First Seen' },
  { value: 'freq', label: 'Events' },
  { value: 'user', label: 'Users' },
];

/** Typed reads of the `sentry.*` settings: a value of the wrong type or out of range reads as its default. */
export function readConfig(): SentryConfig {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const sort = config.get<unknown>('issueSort');
  const pageSize = config.get<unknown>('pageSize');
  const query = config.get<unknown>('issueQuery');
  const hide = config.get<unknown>('hideLibraryFrames');
  const refreshMinutes = config.get<unknown>('statusBarRefreshMinutes');
  return {
    issueQuery: typeof query === 'string' ? query : DEFAULT_CONFIG.issueQuery,
    issueSort: ISSUE_SORTS.find((s) => s.value === sort)?.value ?? DEFAULT_CONFIG.issueSort,
    pageSize: typeof pageSize === 'number' && Number.isFinite(pageSize) ? Math.min(100, Math.max(5, Math.round(pageSize))) : DEFAULT_CONFIG.pageSize,
    frameOrder: config.get<unknown>('frameOrder') === 'callerFirst' ? 'callerFirst' : 'crashFirst',
    hideLibraryFrames: typeof hide === 'boolean' ? hide : DEFAULT_CONFIG.hideLibraryFrames,
    pathMappings: textEntries(config.get<unknown>('pathMappings')),
    statusBarRefreshMinutes:
      typeof refreshMinutes === 'number' && Number.isFinite(refreshMinutes)
        ? Math.min(1440, Math.max(1, Math.round(refreshMinutes)))
        : DEFAULT_CONFIG.statusBarRefreshMinutes,
  };
}

/** Fires with the keys that changed, only when one of `keys` did. */
export function onDidChangeConfig(keys: readonly ConfigKey[], listener: (changed: ConfigKey[]) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    const changed = keys.filter((key) => event.affectsConfiguration(`${SETTINGS_SECTION}.${key}`));
    if (changed.length > 0) listener(changed);
  });
}

/** Writes one setting, for the user (`global`) or this workspace. */
export async function updateConfig<K extends ConfigKey>(key: K, value: SentryConfig[K] | undefined, scope: 'global' | 'workspace'): Promise<void> {
  const target = scope === 'global' ? vscode.ConfigurationTarget.Global : vscode.ConfigurationTarget.Workspace;
  await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(key, value, target);
}

/** Flips the frame order for the user (the view's toggle). */
export function toggleFrameOrderSetting(): Promise<void> {
  return updateConfig('frameOrder', readConfig().frameOrder === 'callerFirst' ? 'crashFirst' : 'callerFirst', 'global');
}

/** Adds a path mapping to this workspace's settings. */
export function addPathMapping(from: string, to: string): Promise<void> {
  return updateConfig('pathMappings', { ...readConfig().pathMappings, [from]: to }, 'workspace');
}

/** VS Code's own settings that decide which workspace files frames may open from (read per workspace folder). */
export const EXCLUDE_SETTINGS = ['files.exclude', 'search.exclude'] as const;

/**
 * `files.exclude` and `search.exclude` as they apply to one workspace folder, unread (glob → `true`, `false`
 * or a `when` clause): src/source's exclude rules check their shape.
 */
export function readExcludeSettings(folder: vscode.Uri): unknown[] {
  return EXCLUDE_SETTINGS.map((key) => {
    const [section, name] = key.split('.');
    return vscode.workspace.getConfiguration(section, folder).get<unknown>(name);
  });
}

/** Fires when `files.exclude` or `search.exclude` changes anywhere. */
export function onDidChangeExcludeSettings(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (EXCLUDE_SETTINGS.some((key) => event.affectsConfiguration(key))) listener();
  });
}

function textEntries(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const entries: Record<string, string> = {};
  for (const [key, text] of Object.entries(value)) if (key && typeof text === 'string') entries[key] = text;
  return entries;
}
