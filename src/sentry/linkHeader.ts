/**
 * Sentry's cursor pagination: `Link: <url>; rel="previous"; results="false"; cursor="0:0:1", <url>; rel="next"; results="true"; cursor="0:100:0"`.
 * Cursors are taken from the `cursor` attribute, or from the URL's `cursor` parameter for older
 * servers. Only the cursor is kept: the URL itself is never followed.
 */

export interface LinkCursors {
  nextCursor?: string;
  prevCursor?: string;
}

interface LinkEntry {
  url: string;
  params: Map<string, string>;
}

export function parseLinkHeader(header: string | null | undefined): LinkCursors {
  const result: LinkCursors = {};
  if (!header) return result;
  for (const entry of splitEntries(header)) {
    const rel = entry.params.get('rel');
    if (rel !== 'next' && rel !== 'previous') continue;
    if (entry.params.get('results') === 'false') continue;
    const cursor = entry.params.get('cursor') ?? cursorFromUrl(entry.url);
    if (!cursor) continue;
    if (rel === 'next') result.nextCursor = cursor;
    else result.prevCursor = cursor;
  }
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

function cursorFromUrl(url: string): string | undefined {
  const query = url.indexOf('?');
  if (query < 0) return undefined;
  return new URLSearchParams(url.slice(query + 1)).get('cursor') ?? undefined;
}
