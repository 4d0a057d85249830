import type { Logger } from '../sentry/http/logger';
import type { ActiveCredentials, SignedOutReason, TokenProblem } from './authState';
import type { CheckedTokens } from './checkedTokens';
import { describeOrigin, type DiscoveredCredentials } from './credentialDiscovery';
import { normalizedUrl, urlProblem } from './credentialUrls';
import type { TokenDestinations } from './tokenDestinations';

export type DiscoveredOutcome =
  | { kind: 'use'; credentials: ActiveCredentials; token: string }
  | { kind: 'signedOut'; reason: SignedOutReason }
  | { kind: 'unusable'; problem: TokenProblem; token: string };

export interface DiscoveredTokenContext {
  /** The user signed out in this workspace, so such a token is ignored here. */
  ignored: boolean;
  destinations: TokenDestinations;
  checks: CheckedTokens;
  signal: AbortSignal;
  logger: Logger;
  /** Registers the token for redaction before anything is sent with it. */
  useSecret(token: string): void;
  /** False once a newer load started: the answer is then thrown away. */
  isCurrent(): boolean;
}

/**
 * What to do with a token found in the environment or a .sentryclirc: ignore it (signed out here),
 * refuse a server the workspace names without the user's word, or check it as Sign In would.
 * Undefined when a newer load superseded this one while it waited.
 */
export async function decideDiscovered(found: DiscoveredCredentials, context: DiscoveredTokenContext): Promise<DiscoveredOutcome | undefined> {
  if (context.ignored) return { kind: 'signedOut', reason: 'ignored' };
  const url = normalizedUrl(found.url);
  if (!url) return { kind: 'unusable', problem: { source: found.source, message: urlProblem(found.url, describeOrigin(found.urlOrigin)) }, token: found.token };
  const allowed = await context.destinations.allows({ url, tokenOrigin: found.tokenOrigin, urlOrigin: found.urlOrigin });
  if (!context.isCurrent()) return undefined;
  if (!allowed) {
    context.logger.warn(`Not sending the token from ${found.source} to ${url}, which ${describeOrigin(found.urlOrigin)} names: the user did not agree.`);
    return { kind: 'signedOut', reason: 'serverRefused' };
  }
  context.useSecret(found.token);
  const result = await context.checks.check(url, found.token, context.signal);
  if (!context.isCurrent()) return undefined;
  if (!result.ok) {
    context.logger.warn(`The token from ${found.source} failed the check against ${url}: ${result.message}`);
    return { kind: 'unusable', problem: { source: found.source, message: result.message }, token: found.token };
  }
  return {
    kind: 'use',
    credentials: { url, org: found.org, project: found.project, source: found.source, tokenOrigin: found.tokenOrigin },
    token: found.token,
  };
}
