/** Ids and keys VS Code knows the extension by: commands, views, context keys, stored state, settings. */

export const VIEW_ID = 'sentryExplorer.tree';

export const COMMANDS = {
  signIn: 'sentry.signIn',
  signOut: 'sentry.signOut',
  refresh: 'sentry.refresh',
  filterIssues: 'sentry.filterIssues',
  sortIssues: 'sentry.sortIssues',
  openInBrowser: 'sentry.openInBrowser',
  copyLink: 'sentry.copyLink',
  copyShortId: 'sentry.copyShortId',
  loadMore: 'sentry.loadMore',
  retry: 'sentry.retry',
  openFrame: 'sentry.openFrame',
  toggleFrameOrder: 'sentry.toggleFrameOrder',
  useDiscoveredToken: 'sentry.useDiscoveredToken',
  searchIssues: 'sentry.searchIssues',
  openIssueOrEvent: 'sentry.openIssueOrEvent',
  resolveIssue: 'sentry.resolveIssue',
  resolveIssueInNextRelease: 'sentry.resolveIssueInNextRelease',
  unresolveIssue: 'sentry.unresolveIssue',
  ignoreIssue: 'sentry.ignoreIssue',
  assignIssueToMe: 'sentry.assignIssueToMe',
  assignIssue: 'sentry.assignIssue',
  bookmarkIssue: 'sentry.bookmarkIssue',
  unbookmarkIssue: 'sentry.unbookmarkIssue',
  openEvent: 'sentry.openEvent',
  copyEventAsMarkdown: 'sentry.copyEventAsMarkdown',
  openEventFile: 'sentry.openEventFile',
  closeEventFile: 'sentry.closeEventFile',
  downloadIssueEvents: 'sentry.downloadIssueEvents',
} as const;

/** The event detail panel's webview type. */
export const EVENT_PANEL_VIEW_TYPE = 'sentryExplorer.eventDetail';

export const CONTEXT_KEYS = {
  authState: 'sentry.authState',
  noOrganizations: 'sentry.noOrganizations',
  signedOutReason: 'sentry.signedOutReason',
} as const;

export const SECRET_KEYS = {
  session: 'sentry.session',
} as const;

export const STATE_KEYS = {
  /** Workspace state: the user signed out here, so a token from the environment or a .sentryclirc is not used. */
  ignoreDiscovered: 'sentry.ignoreDiscoveredToken',
  issueFilters: 'sentry.issueFilters',
  /** Workspace state: the user's answers to tied frame files. */
  frameChoices: 'sentry.frameChoices',
  /** Global state: per URL a workspace names, whether the user lets a token from elsewhere go there. */
  tokenDestinations: 'sentry.tokenDestinations',
  /** Global state: the issue searches the user last ran, newest first. */
  recentSearches: 'sentry.recentSearches',
  /** Workspace state: the project the user last expanded or filtered (the status bar counts its issues). */
  currentProject: 'sentry.currentProject',
} as const;

/** The status bar item with the current project's unresolved-issue count (users can hide it by this id). */
export const STATUS_BAR_ID = 'sentry.issueCount';

/** `vscode://sentry-explorer.sentry-explorer/open?url=…` (or `?issue=` / `?event=`): what the URI handler opens. */
export const URI_OPEN_PATH = '/open';

/** The settings this extension contributes, under `sentry.*` (read and written only through config.ts). */
export const SETTINGS_SECTION = 'sentry';

export const SETTING_KEYS = ['issueQuery', 'issueSort', 'pageSize', 'frameOrder', 'hideLibraryFrames', 'pathMappings', 'statusBarRefreshMinutes'] as const;

/** The one output channel: a LogOutputChannel, so "Developer: Set Log Level" applies to it. */
export const LOG_CHANNEL_NAME = 'Sentry';
