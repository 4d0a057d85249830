import type { CredentialOrigin } from './credentialDiscovery';

/**
 * `unusable`: a token found in the environment or a .sentryclirc failed Sign In's check (or its
 * URL is not one Sentry could live at); the view shows why instead of rows of errors.
 */
export type AuthState = 'signedOut' | 'signedIn' | 'rejected' | 'unusable';

/** Why the view is signed out, for the welcome text: nothing found, a token ignored here, or a server refused. */
export type SignedOutReason = 'none' | 'ignored' | 'serverRefused';

export interface ActiveCredentials {
  url: string;
  org?: string;
  project?: string;
  /** "Sign In", "SENTRY_AUTH_TOKEN", or the path of a .sentryclirc. */
  source: string;
  /** Where the token came from; undefined for Sign In. */
  tokenOrigin?: CredentialOrigin;
}

/** Why a discovered token is not used. */
export interface TokenProblem {
  /** "SENTRY_AUTH_TOKEN", or the path of a .sentryclirc. */
  source: string;
  /** Sign In's diagnosis, e.g. the organization-token explanation. */
  message: string;
}
