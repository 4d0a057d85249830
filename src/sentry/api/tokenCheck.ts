import { SentryClient } from './client';
import { PermissionError, SentryApiError } from '../http/errors';
import type { FetchLike } from '../http/transport';
import { BROWSING_SCOPES } from '../http/scopes';
import type { Organization } from './types';


export type TokenCheckResult =
  | { ok: true; organizations: Organization[]; warning?: string }
  | { ok: false; message: string };

const ORG_TOKEN_MESSAGE =
  'This is an organization auth token (it starts with "sntrys_"). Those only carry the org:ci scope, for uploading ' +
  'source maps and creating releases, and cannot read issues or events. Create a User Auth Token instead ' +
  '(User Settings → User Auth Tokens) with the org:read, project:read and event:read scopes, and sign in with it.';

export function isOrgAuthToken(token: string): boolean {
  return token.startsWith('sntrys_');
}

/**
 * Checks a token the way browsing will use it: it can list organizations, their projects and
 * their issues. Each failure comes back as one sentence that says what to do.
 */
export async function checkToken(baseUrl: string, token: string, options: { fetch?: FetchLike; signal?: AbortSignal } = {}): Promise<TokenCheckResult> {
  const client = new SentryClient({ baseUrl, token, fetch: options.fetch, timeoutMs: 20_000, maxRateLimitWaitMs: 0 });
  const request = { signal: options.signal, refresh: true };
  try {
    const organizations = (await client.listOrganizations({}, request)).items;
    if (isOrgAuthToken(token)) return { ok: false, message: ORG_TOKEN_MESSAGE };
    const first = organizations[0];
    if (!first) {
      return { ok: true, organizations, warning: 'The token works, but it cannot see any organization. Check that your user is a member of one.' };
    }
    await client.listProjects(first.slug, {}, request);
    await client.listIssues(first.slug, { limit: 1 }, request);
    return { ok: true, organizations };
  } catch (error) {
    if (isOrgAuthToken(token) && error instanceof PermissionError) return { ok: false, message: ORG_TOKEN_MESSAGE };
    if (error instanceof PermissionError && error.missingScope !== undefined) {
      return {
        ok: false,
        message: `The token lacks the ${error.missingScope} scope. Browsing needs ${BROWSING_SCOPES.join(', ')}: create a token with those scopes.`,
      };
    }
    if (error instanceof SentryApiError) return { ok: false, message: error.message };
    throw error;
  }
}
