/** The scopes browsing needs: organizations, their projects, and issues with their events. */
export const BROWSING_SCOPES: readonly string[] = ['org:read', 'project:read', 'event:read'];

/** Sentry's scope names (`event:read`, `org:ci`, `project:releases`…) wherever a server's text mentions them. */
const SCOPE_NAME = /\b(?:org|project|team|member|event|alerts):(?:read|write|admin|ci|releases|integrations|distribution)\b/g;

/** RFC 6750 scope tokens as Sentry writes them; anything else in a challenge is not taken for a scope. */
const SCOPE_TOKEN = /^[a-z_]+:[a-z_]+$/;

/** The scopes an RFC 6750 challenge names: `Bearer error="insufficient_scope", scope="event:read event:write"`. */
export function scopesFromChallenge(header: string | null | undefined): string[] {
  const listed = header?.match(/\bscope="([^"]{1,200})"/i)?.[1] ?? '';
  return listed.split(/\s+/).filter((scope) => SCOPE_TOKEN.test(scope));
}

/** The Sentry scopes a server's error text names, in order, each once. */
export function scopesNamedIn(text: string | undefined): string[] {
  return [...new Set(text?.match(SCOPE_NAME) ?? [])];
}
