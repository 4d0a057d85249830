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
  downloadIssueEvents: 'sentry.downloadIssueEvents',
} as const;

export const CONTEXT_KEYS = {
  authState: 'sentry.authState',
  noOrganizations: 'sentry.noOrganizations',
} as const;

export const SECRET_KEYS = {
  session: 'sentry.session',
} as const;

export const STATE_KEYS = {
  ignoreDiscovered: 'sentry.ignoreDiscoveredToken',
  issueFilters: 'sentry.issueFilters',
} as const;
