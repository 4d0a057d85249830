import { ApiIssue } from './apiTypes';
import { IssueEntry } from './dataStore';
import { selectEvents } from './eventSelection';
import { DEFAULT_ISSUE_QUERY, filterIssues, sortIssues } from './issueQuery';
import { updateIssue } from './issueUpdate';
import { requireIssue, requireOrganization, requireProject } from './lookups';
import { paginate, parseCursor, parseLimit } from './pagination';
import { RequestContext, Route } from './requestContext';
import { ApiResponse, badRequest, forbidden, jsonResponse } from './responses';
import { OrganizationRecord } from './serverData';
import { serializeIssue, serializeIssueDetail } from './serializers';

/** The issues an org-wide list is scoped to by `project` (ids, repeatable; `-1` or none = all). */
function projectScope(context: RequestContext, organization: OrganizationRecord, entries: IssueEntry[]): IssueEntry[] {
  const ids = context.query.getAll('project').filter((p) => p !== '');
  if (ids.length === 0 || ids.includes('-1')) {
    return entries;
  }
  if (!ids.every((id) => /^\d+$/.test(id))) {
    throw badRequest('Invalid project parameter. Values must be numbers.');
  }
  const known = new Set(organization.projects.map((p) => p.project.id));
  if (!ids.every((id) => known.has(id))) {
    throw forbidden();
  }
  return entries.filter((e) => ids.includes(e.project.project.id));
}

/** Sentry answers a query that is exactly a short id or an event id with that issue alone. */
function directHit(context: RequestContext, entries: IssueEntry[], query: string): IssueEntry | undefined {
  const text = query.trim();
  if (context.query.get('shortIdLookup') === '1') {
    const byShortId = entries.find((e) => e.issue.shortId.toUpperCase() === text.toUpperCase());
    if (byShortId) return byShortId;
  }
  if (/^[0-9a-f]{32}$/i.test(text)) {
    return entries.find((e) => e.events.indexOf(text.toLowerCase()) >= 0);
  }
  return undefined;
}

/** With `start`/`end` or `environment`, an issue's `count` covers only those events, as in Sentry's issue list. */
function withRangeCount(issue: ApiIssue, entry: IssueEntry, context: RequestContext): ApiIssue {
  const q = context.query;
  if (!q.get('start') && !q.get('end') && q.getAll('environment').every((e) => e === '')) return issue;
  return { ...issue, count: String(selectEvents(entry, q, undefined).total) };
}

function listIssues(context: RequestContext, entries: IssueEntry[]): ApiResponse {
  const environments = context.query.getAll('environment').filter((e) => e !== '');
  const scoped =
    environments.length === 0
      ? entries
      : entries.filter((e) => e.tags.some((t) => t.key === 'environment' && environments.includes(t.value)));
  // No `query` parameter at all means `is:unresolved`; `query=` (empty) means everything.
  const query = context.query.get('query') ?? DEFAULT_ISSUE_QUERY;
  const window = { offset: parseCursor(context.query.get('cursor')), size: parseLimit(context.query.get('limit')) };
  const hit = directHit(context, scoped, query);
  // Sentry answers `group` ids with those issues, ignoring the query.
  const groups = context.query.getAll('group').filter((g) => g !== '');
  const found = groups.length > 0 ? entries.filter((e) => groups.includes(e.issue.id)) : hit ? [hit] : sortIssues(filterIssues(scoped, query), context.query.get('sort') || 'date');
  const baseUrl = context.site.linkOrigin + context.path;
  const page = paginate(found.length, (start, end) => found.slice(start, end), window, baseUrl, context.query);
  const headers: Record<string, string> = { Link: page.link, 'X-Hits': String(found.length), 'X-Max-Hits': '1000' };
  if (hit) {
    headers['X-Sentry-Direct-Hit'] = '1';
  }
  return jsonResponse(200, page.items.map((e) => withRangeCount(serializeIssue(e, context.site), e, context)), headers);
}

function issueDetailRoutes(prefix: string): Route[] {
  const pattern = `${prefix}/:issueId/`;
  return [
    {
      method: 'GET',
      pattern,
      scope: 'event:read',
      handle: (context) => jsonResponse(200, serializeIssueDetail(requireIssue(context), context.site)),
    },
    {
      method: 'PUT',
      pattern,
      scope: 'event:write',
      handle: (context) => {
        const entry = requireIssue(context);
        updateIssue(entry, context.body);
        return jsonResponse(200, serializeIssueDetail(entry, context.site));
      },
    },
  ];
}

/** Issue routes, org-scoped and legacy (`/api/0/issues/…`, `/api/0/groups/…`). */
export const ISSUE_PREFIXES = [
  '/api/0/organizations/:org/issues',
  '/api/0/organizations/:org/groups',
  '/api/0/issues',
  '/api/0/groups',
];

export const issueRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/0/organizations/:org/issues/',
    scope: 'event:read',
    handle: (context) => {
      const organization = requireOrganization(context);
      return listIssues(context, projectScope(context, organization, context.store.issuesOf(organization)));
    },
  },
  {
    method: 'GET',
    pattern: '/api/0/projects/:org/:project/issues/',
    scope: 'event:read',
    handle: (context) => {
      const { organization, project } = requireProject(context);
      return listIssues(context, context.store.issuesOf(organization).filter((e) => e.project === project));
    },
  },
  ...ISSUE_PREFIXES.flatMap(issueDetailRoutes),
];
