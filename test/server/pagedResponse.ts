import { paginate, parseCursor, parsePerPage } from './pagination';
import { RequestContext } from './requestContext';
import { ApiResponse, jsonResponse } from './responses';

/**
 * A paged JSON list answer for the endpoints that take `per_page` + `cursor`: `total` items read by
 * `slice(start, end)`, so a lazily generated list is only built one page at a time.
 */
export function pagedResponse<T>(
  context: RequestContext,
  total: number,
  slice: (start: number, end: number) => T[],
  headers: Record<string, string> = {},
  maxPageSize = Infinity,
): ApiResponse {
  const window = { offset: parseCursor(context.query.get('cursor')), size: Math.min(maxPageSize, parsePerPage(context.query.get('per_page'))) };
  const page = paginate(total, slice, window, context.site.linkOrigin + context.path, context.query);
  return jsonResponse(200, page.items, { Link: page.link, ...headers });
}

export function pagedList<T>(context: RequestContext, items: readonly T[]): ApiResponse {
  return pagedResponse(context, items.length, (start, end) => items.slice(start, end));
}
