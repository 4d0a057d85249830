import type { EventRequest } from '../../sentry/event/eventModel';
import { oneLineText } from './displayText';
import { el, EMPTY, type Html, text } from './html';
import type { RenderContext } from './renderContext';
import { renderPairsPage } from './renderPairs';
import { renderValue } from './renderValue';

/** Method and URL (as text, never a link), query, headers, cookies and body. */
export function renderRequest(ctx: RenderContext, request: EventRequest): Html {
  const parts: Html[] = [
    el(
      'div',
      { class: 'request-line' },
      request.method ? el('span', { class: 'badge method' }, text(oneLineText(request.method, 20))) : EMPTY,
      el('code', { class: 'url' }, text(oneLineText(request.url ?? '(no URL)', 2_000))),
    ),
  ];
  const query = typeof request.query === 'string' && request.query !== '' ? queryPairs(request.query) : [];
  if (query.length > 0) parts.push(subsection('Query', renderPairsPage('query', query, 0)));
  const headers = Array.isArray(request.headers) ? request.headers : [];
  if (headers.length > 0) parts.push(subsection('Headers', renderPairsPage('headers', headers, 0)));
  const cookies = Array.isArray(request.cookies) ? request.cookies : [];
  if (cookies.length > 0) parts.push(subsection('Cookies', renderPairsPage('cookies', cookies, 0)));
  if (request.data !== undefined && request.data !== null && request.data !== '') parts.push(subsection('Body', renderValue(ctx, request.data, ['request', 'data'], 0)));
  return el('div', { class: 'request' }, ...parts);
}

function subsection(title: string, body: Html): Html {
  return el('div', { class: 'subsection' }, el('h3', undefined, text(title)), body);
}

/** `a=1&b=2` as pairs for reading; text that is not a query string is shown as one row. */
export function queryPairs(query: string): Array<[string, string]> {
  try {
    const pairs = [...new URLSearchParams(query.startsWith('?') ? query.slice(1) : query)];
    return pairs.length > 0 ? pairs : [['', query]];
  } catch {
    return [['', query]];
  }
}
