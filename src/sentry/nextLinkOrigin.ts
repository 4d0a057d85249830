/**
 * The origin of a Link header's `rel="next"` entry when it says more results follow, resolved
 * against the URL the answer came from; undefined when there is no such entry or it cannot be read.
 * Lets a caller see that the next page would be on another server before echoing any cursor.
 */
export function nextLinkOrigin(header: string | undefined, requestUrl: string): string | undefined {
  if (!header) return undefined;
  for (const match of header.matchAll(/<([^>]*)>([^<]*)/g)) {
    const params = match[2];
    if (!/;\s*rel\s*=\s*"?next"?/i.test(params) || /;\s*results\s*=\s*"?false"?/i.test(params)) continue;
    try {
      const origin = new URL(match[1], requestUrl).origin;
      return origin === 'null' ? undefined : origin;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
