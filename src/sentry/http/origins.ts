/** Which origins may receive the token: the configured server and the regions it names. */

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.has(hostname.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/**
 * Turns what a user typed into the API base: an origin plus an optional path prefix for Sentry
 * served below a path (`https://example.com/sentry`). Throws a plain-words Error when it is not
 * a URL Sentry could live at.
 */
export function normalizeBaseUrl(input: string): string {
  const trimmed = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    throw new Error(`"${trimmed}" is not a URL. Enter your Sentry's address, for example https://sentry.io.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`Sentry is reached over https (or http on this machine); "${url.protocol}" will not work.`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new Error(`Use https for ${url.hostname}: over plain http the token would travel unencrypted. Plain http is only allowed for localhost.`);
  }
  if (url.username || url.password) throw new Error('Leave the user name and password out of the URL; the token is asked for separately.');
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/0$/, '');
  return `${url.origin}${path}`;
}

/**
 * Whether an organization's `links.regionUrl`, as the configured server returned it, may carry the
 * token. On sentry.io only its own regional hosts qualify; elsewhere any https host the server
 * names (or loopback, for local servers).
 */
export function isTrustedRegionUrl(baseUrl: string, regionUrl: string): boolean {
  let base: URL;
  let region: URL;
  try {
    base = new URL(baseUrl);
    region = new URL(regionUrl);
  } catch {
    return false;
  }
  if (region.origin === base.origin) return true;
  if (region.username || region.password) return false;
  const loopback = isLoopbackHost(region.hostname);
  if (region.protocol !== 'https:' && !(region.protocol === 'http:' && loopback)) return false;
  if (isSentryIo(base.hostname)) return isSentryIo(region.hostname);
  return true;
}

function isSentryIo(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === 'sentry.io' || h.endsWith('.sentry.io');
}
