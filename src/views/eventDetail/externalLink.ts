import type { ExternalTarget } from './protocol';
import type { EventHeaderContext } from './renderContext';

/**
 * The Sentry page an `openExternal` message may open: the issue's permalink or the event's URL that
 * the extension itself got from Sentry, and only when it is http(s). The webview names a target,
 * never a URL, so nothing from the event or the page can choose where a link goes.
 */
export function externalLink(header: EventHeaderContext, target: ExternalTarget): string | undefined {
  const url = target === 'event' ? header.eventUrl : header.issuePermalink;
  if (typeof url !== 'string') return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : undefined;
  } catch {
    return undefined;
  }
}
