import { badRequest, HttpError, jsonResponse, MESSAGES } from './responses';

/**
 * Cursor pagination the way Sentry's GenericOffsetPaginator does it: cursors `0:{offset}:{isPrev}`,
 * a `Link` header with a previous and a next link (always both), `results="false"` where there is
 * nothing more, and URLs = absolute request URL with the original query minus `cursor`.
 */

export interface PageWindow {
  offset: number;
  size: number;
}

export interface Page<T> {
  items: T[];
  link: string;
}

const MAX_PAGE_SIZE = 100;

/** Reads `cursor` (`value:offset:isPrev`, three integers) into an offset; 400 like Sentry otherwise. */
export function parseCursor(raw: string | null): number {
  if (raw === null || raw === '') {
    return 0;
  }
  const parts = raw.split(':');
  if (parts.length !== 3 || !parts.every((p) => /^-?\d+$/.test(p.trim()))) {
    throw badRequest(MESSAGES.invalidCursor);
  }
  const offset = Number(parts[1]);
  if (offset < 0 || !Number.isSafeInteger(offset)) {
    throw badRequest(MESSAGES.invalidCursor);
  }
  return offset;
}

/** `per_page` as Sentry's `get_per_page`: default and maximum 100, 400 beyond it or when not a number. */
export function parsePerPage(raw: string | null): number {
  if (raw === null) {
    return MAX_PAGE_SIZE;
  }
  if (!/^\s*[-+]?\d+\s*$/.test(raw)) {
    throw badRequest('Invalid per_page parameter.');
  }
  const value = Number(raw);
  if (value > MAX_PAGE_SIZE) {
    throw badRequest(`Invalid per_page value. Cannot exceed ${MAX_PAGE_SIZE}.`);
  }
  if (value < 1) {
    throw badRequest('Invalid per_page parameter.');
  }
  return value;
}

/** The issues endpoints' `limit`: default 100, at most 100; a non-number is a 400 (`["invalid limit"]`). */
export function parseLimit(raw: string | null): number {
  if (raw === null || raw === '') {
    return MAX_PAGE_SIZE;
  }
  if (!/^\s*[-+]?\d+\s*$/.test(raw)) {
    // DRF renders a bare ValidationError as a JSON list.
    throw new HttpError(jsonResponse(400, ['invalid limit']));
  }
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Number(raw)));
}

export function cursorLinkHeader(
  baseUrl: string,
  query: URLSearchParams,
  window: PageWindow,
  hasMore: boolean,
): string {
  const rest = new URLSearchParams(query);
  rest.delete('cursor');
  const prefix = `${baseUrl}?${rest.toString()}`;
  const prev = `0:${Math.max(0, window.offset - window.size)}:1`;
  const next = `0:${window.offset + window.size}:0`;
  const link = (cursor: string, rel: string, results: boolean): string =>
    `<${prefix}&cursor=${cursor}>; rel="${rel}"; results="${results}"; cursor="${cursor}"`;
  return `${link(prev, 'previous', window.offset > 0)}, ${link(next, 'next', hasMore)}`;
}

/** One page of `total` items, fetched by `slice(start, end)` so lazy sources stay lazy. */
export function paginate<T>(
  total: number,
  slice: (start: number, end: number) => T[],
  window: PageWindow,
  baseUrl: string,
  query: URLSearchParams,
): Page<T> {
  const end = Math.min(total, window.offset + window.size);
  const items = window.offset < total ? slice(window.offset, end) : [];
  return { items, link: cursorLinkHeader(baseUrl, query, window, end < total) };
}
