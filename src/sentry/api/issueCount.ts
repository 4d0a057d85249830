import type { RequestOptions, SentryClient } from './client';
import { apiPath } from './apiPath';
import { ENDPOINTS } from './endpoints';
import { parseList } from './responseParsers';
import { asRecord, toText } from '../json/jsonValues';

export interface IssueCount {
  count: number;
  /** The count is Sentry's cap (`X-Max-Hits`): there may be more. */
  atLeast: boolean;
}

/**
 * How many issues match a query, in one small request: the issue search with `limit=1`, read from
 * its `X-Hits` header (Sentry counts the hits of an issue search, up to `X-Max-Hits`). A server that
 * sends no count answers with the length of that one-issue page only when it is empty.
 */
export async function countIssues(
  client: SentryClient,
  org: string,
  params: { projectId: string; query: string },
  options: RequestOptions = {},
): Promise<IssueCount | undefined> {
  const query = { project: params.projectId, query: params.query, limit: '1' };
  const response = await client.read(org, apiPath`/organizations/${org}/issues/`, query, ENDPOINTS.issueCount, options);
  if (response.hits !== undefined) return { count: response.hits, atLeast: response.maxHits !== undefined && response.hits >= response.maxHits };
  const items = parseList(response.json, 'issues', (raw) => toText(asRecord(raw)?.id));
  return items.length === 0 ? { count: 0, atLeast: false } : undefined;
}
