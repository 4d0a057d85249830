import type { LinkSite } from './openInput';

/**
 * Whether a pasted link belongs to the Sentry the user is signed in to: the same host (and port),
 * an organization host below it (`acme.sentry.io` for sentry.io, `acme.sentry.example.com` for a
 * self-hosted `sentry.example.com`), any sentry.io host when signed in to sentry.io (regions
 * included), or a host the server itself named for an organization (`links.organizationUrl` /
 * `links.regionUrl`). Only the ids are read from a link; whatever it says, requests go to the
 * signed-in server, never to the link's host.
 */
export function isLinkForServer(link: LinkSite, baseUrl: string, organizationHosts: readonly string[] = []): boolean {
  let base: URL;
  let target: URL;
  try {
    base = new URL(baseUrl);
    target = new URL(link.url);
  } catch {
    return false;
  }
  const host = target.host.toLowerCase();
  if (host === base.host.toLowerCase()) return true;
  if (isSentryIo(base.hostname) && isSentryIo(target.hostname)) return true;
  if (target.port === base.port && target.hostname.toLowerCase().endsWith(`.${base.hostname.toLowerCase()}`)) return true;
  return organizationHosts.some((known) => hostOf(known) === host);
}

function isSentryIo(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === 'sentry.io' || h.endsWith('.sentry.io');
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}
