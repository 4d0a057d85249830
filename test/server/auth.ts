import { ApiResponse, detailResponse, MESSAGES } from './responses';

/** An organization auth token (Sentry prefixes them `sntrys_`); such tokens only ever carry `org:ci`. */
export const ORG_CI_TOKEN =
  'sntrys_eyJpYXQiOjE3NjcyMjU2MDAsInVybCI6Imh0dHA6Ly8xMjcuMC4wLjEiLCJvcmciOiJkZW1vLW9yZyJ9_ZGVtb09yZ0NpVG9rZW5TZWNyZXQ';

export const DEFAULT_TOKENS: Record<string, string[]> = {
  'demo-token': ['org:read', 'project:read', 'event:read', 'event:write'],
  'token-without-event-read': ['org:read', 'project:read'],
  /** Reads everything, changes nothing: an issue update (`event:write`) is refused. */
  'token-without-event-write': ['org:read', 'project:read', 'event:read'],
  [ORG_CI_TOKEN]: ['org:ci'],
};

/** The scopes of a `Bearer` token the server knows; undefined without one. */
export function tokenScopes(authorization: string | undefined, tokens: Record<string, string[]>): readonly string[] | undefined {
  const parts = (authorization ?? '').trim().split(/\s+/);
  if (parts.length !== 2 || parts[0].toLowerCase() !== 'bearer') return undefined;
  return Object.prototype.hasOwnProperty.call(tokens, parts[1]) ? tokens[parts[1]] : undefined;
}

/** `x:read` is granted by `x:read`, `x:write` or `x:admin`; `x:write` by `x:write` or `x:admin`. */
export function hasScope(granted: readonly string[], needed: string): boolean {
  const [resource, level] = needed.split(':');
  const implied = level === 'read' ? ['read', 'write', 'admin'] : level === 'write' ? ['write', 'admin'] : [level];
  return implied.some((l) => granted.includes(`${resource}:${l}`));
}

/**
 * Checks `Authorization: Bearer <token>` for `scope`. Returns the error answer (401 / 403 with
 * Sentry's and DRF's bodies), or undefined when the request may go on.
 */
export function authorize(
  authorization: string | undefined,
  tokens: Record<string, string[]>,
  scope: string,
): ApiResponse | undefined {
  // A public route ('') answers without a token; with one, the token must still be valid.
  if (scope === '' && authorization === undefined) {
    return undefined;
  }
  const parts = (authorization ?? '').trim().split(/\s+/);
  if (parts[0].toLowerCase() !== 'bearer') {
    return detailResponse(401, MESSAGES.noCredentials);
  }
  if (parts.length === 1) {
    return detailResponse(401, MESSAGES.badTokenHeader);
  }
  if (parts.length > 2) {
    return detailResponse(401, 'Invalid token header. Token string should not contain spaces.');
  }
  const scopes = Object.prototype.hasOwnProperty.call(tokens, parts[1]) ? tokens[parts[1]] : undefined;
  if (!scopes) {
    return detailResponse(401, MESSAGES.invalidToken);
  }
  if (scope !== '' && !hasScope(scopes, scope)) {
    // Sentry's InsufficientScope answers with an RFC 6750 challenge naming the scope it wanted.
    return detailResponse(403, MESSAGES.forbidden, {
      'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${scope}"`,
    });
  }
  return undefined;
}
