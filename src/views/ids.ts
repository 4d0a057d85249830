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
  /** Global state: per URL a workspace names, whether the user lets a token from elsewhere go there. */
  tokenDestinations: 'sentry.tokenDestinations',
} as const;
