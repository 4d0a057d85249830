/**
 * Sentry's web pages for an organization, a project, an issue and an event, in one place: the
 * issue's own `permalink` when it is safe (http(s), on the same site), else built from the server's
 * URL — with its path prefix for a self-hosted Sentry served below a path, and the organization's
 * subdomain on sentry.io (`https://acme.sentry.io/issues/1/`).
 */

export interface WebSite {
  /** The API base the user signed in with, e.g. `https://sentry.io` or `https://example.com/sentry`. */
  baseUrl: string;
}

export interface OrganizationPage extends WebSite {
  org: string;
  /** The organization's `links.organizationUrl`, when Sentry gave one. */
  organizationUrl?: string;
}

const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/**
 * The organization's web base, without a trailing slash: its own host when Sentry serves it on one
 * (`links.organizationUrl` on another host of the same site, or a sentry.io subdomain), else the
 * server's `/organizations/{org}` path, as self-hosted Sentry without customer domains has it.
 */
export function organizationWebBase(page: OrganizationPage): string {
  const base = new URL(page.baseUrl);
  if (page.organizationUrl && isSameSite(page.organizationUrl, page.baseUrl) && new URL(page.organizationUrl).host !== base.host) {
    return withoutSlash(page.organizationUrl);
  }
  if (isSentryIo(base.hostname) && DNS_LABEL.test(page.org)) return `${base.protocol}//${page.org.toLowerCase()}.sentry.io`;
  return `${withoutSlash(page.baseUrl)}/organizations/${encodeURIComponent(page.org)}`;
}

export function organizationWebUrl(page: OrganizationPage): string {
  return `${organizationWebBase(page)}/`;
}

export function projectWebUrl(page: OrganizationPage & { project: string }): string {
  return `${organizationWebBase(page)}/projects/${encodeURIComponent(page.project)}/`;
}

/** The issue's page: its `permalink` when safe, else built. */
export function issueWebUrl(page: OrganizationPage & { issueId: string; permalink?: string }): string {
  if (page.permalink && isSameSite(page.permalink, page.baseUrl, page.organizationUrl)) return new URL(page.permalink).toString();
  return `${organizationWebBase(page)}/issues/${encodeURIComponent(page.issueId)}/`;
}

/** An event's page below its issue's. */
export function eventWebUrl(issueUrl: string, eventId: string): string {
  const url = new URL(issueUrl);
  url.pathname = `${url.pathname.replace(/\/?$/, '/')}events/${encodeURIComponent(eventId)}/`;
  return url.toString();
}

/**
 * Whether a URL a server sent may be opened as this Sentry's page: http(s), and on the server's
 * host, a subdomain of it (sentry.io's organization hosts), or the organization's own host.
 */
export function isSameSite(url: string, baseUrl: string, organizationUrl?: string): boolean {
  let target: URL;
  let base: URL;
  try {
    target = new URL(url);
    base = new URL(baseUrl);
  } catch {
    return false;
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return false;
  if (target.username || target.password) return false;
  const host = target.hostname.toLowerCase();
  const baseHost = base.hostname.toLowerCase();
  if (host === baseHost || host.endsWith(`.${registrableHost(baseHost)}`)) return true;
  try {
    return organizationUrl !== undefined && new URL(organizationUrl).hostname.toLowerCase() === host && isSameSite(organizationUrl, baseUrl);
  } catch {
    return false;
  }
}

/** `us.sentry.io` and `sentry.io` share `sentry.io`; any other host stands for itself. */
function registrableHost(host: string): string {
  return isSentryIo(host) ? 'sentry.io' : host;
}

function isSentryIo(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'sentry.io' || h.endsWith('.sentry.io');
}

function withoutSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
