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
  downloadIssueEvents: 'sentry.downloadIssueEvents',
  /** Registered by the event panel (issue 8); the download opens its file with it when it exists. */
  openEventFile: 'sentry.openEventFile',
} as const;

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
} as const;

/** The settings this extension contributes, under `sentry.*` (read and written only through config.ts). */
export const SETTINGS_SECTION = 'sentry';

export const SETTING_KEYS = ['issueQuery', 'issueSort', 'pageSize', 'frameOrder', 'hideLibraryFrames', 'pathMappings'] as const;

/** The one output channel: a LogOutputChannel, so "Developer: Set Log Level" applies to it. */
export const LOG_CHANNEL_NAME = 'Sentry';
