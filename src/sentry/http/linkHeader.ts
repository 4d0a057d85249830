import type { ListEnd } from './page';

/**
 * Sentry's cursor pagination: `Link: <url>; rel="previous"; results="false"; cursor="0:0:1", <url>; rel="next"; results="true"; cursor="0:100:0"`.
 * Cursors are taken from the `cursor` attribute, or from the URL's `cursor` parameter for older
 * servers. Only the cursor is kept, and only from a link on the server the request went to: the
 * URL itself is never followed.
 */

export interface LinkCursors {
  nextCursor?: string;
  prevCursor?: string;
  /** Why there is no next cursor although the server said there are more results. */
  end?: ListEnd;
}

export interface LinkRequest {
  /** The URL the answer came from; links are resolved against it. */
  url: string;
  /** Other origins that are the same Sentry (the configured server and the regions it names). */
  isSentryOrigin?(origin: string): boolean;
}

interface LinkEntry {
  url: string;
  params: Map<string, string>;
}

const MAX_CURSOR_LENGTH = 500;

export function parseLinkHeader(header: string | null | undefined, request: LinkRequest): LinkCursors {
  const result: LinkCursors = {};
  if (!header) return result;
  const requestOrigin = originOf(request.url);
  for (const entry of splitEntries(header)) {
    const rel = entry.params.get('rel');
    if (rel !== 'next' && rel !== 'previous') continue;
    const results = entry.params.get('results');
    if (results === 'false') continue;
    const origin = originOf(entry.url, request.url);
    const sameServer = origin === undefined || origin === requestOrigin || request.isSentryOrigin?.(origin) === true;
    if (!sameServer) {
      if (rel === 'next') result.end = { kind: 'foreignLink', origin };
      continue;
    }
    const cursor = usableCursor(entry.params.get('cursor') ?? cursorFromUrl(entry.url));
    if (rel === 'previous') {
      if (cursor) result.prevCursor = cursor;
    } else if (cursor) {
      result.nextCursor = cursor;
    } else if (results === 'true') {
      result.end = { kind: 'noCursor' };
    }
  }
  if (result.nextCursor) delete result.end;
  return result;
}

function splitEntries(header: string): LinkEntry[] {
  const entries: LinkEntry[] = [];
  const pattern = /<([^>]*)>((?:\s*;\s*[a-zA-Z]+\s*=\s*(?:"[^"]*"|[^;,\s]*))*)/g;
  for (const match of header.matchAll(pattern)) {
    const params = new Map<string, string>();
    for (const p of match[2].matchAll(/;\s*([a-zA-Z]+)\s*=\s*(?:"([^"]*)"|([^;,\s]*))/g)) {
      params.set(p[1].toLowerCase(), p[2] ?? p[3] ?? '');
    }
    entries.push({ url: match[1], params });
  }
  return entries;
}

/** A cursor the client can echo: opaque, but printable, without spaces, and of sane length. */
function usableCursor(cursor: string | undefined): string | undefined {
  if (!cursor || cursor.length > MAX_CURSOR_LENGTH) return undefined;
  return /^[\x21-\x7e]+$/.test(cursor) ? cursor : undefined;
}

function cursorFromUrl(url: string): string | undefined {
  const query = url.indexOf('?');
  if (query < 0) return undefined;
  return new URLSearchParams(url.slice(query + 1)).get('cursor') ?? undefined;
}

function originOf(url: string, base?: string): string | undefined {
  try {
    const origin = new URL(url, base).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
