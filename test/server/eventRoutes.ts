import { ApiEvent, ApiEventSummary } from './apiTypes';
import { ISSUE_PREFIXES } from './issueRoutes';
import { normalizeEventId, requireEventIndex, requireIssue, requireProject } from './lookups';
import { selectEvents } from './eventSelection';
import { pagedResponse } from './pagedResponse';
import { Route } from './requestContext';
import { jsonResponse, notFound } from './responses';
import { serializeEvent, summarizeEvent } from './serializers';

function isTrue(value: string | null): boolean {
  return value !== null && ['true', '1', 'yes'].includes(value.toLowerCase());
}

function issueEventRoutes(prefix: string): Route[] {
  return [
    {
      method: 'GET',
      pattern: `${prefix}/:issueId/events/`,
      scope: 'event:read',
      handle: (context) => {
        const entry = requireIssue(context);
        const full = isTrue(context.query.get('full'));
        const selection = selectEvents(entry, context.query, context.site.realism);
        const slice = (start: number, end: number): Array<ApiEvent | ApiEventSummary> => {
          const page: Array<ApiEvent | ApiEventSummary> = [];
          for (let k = start; k < end; k++) {
            const i = selection.indexAt(k);
            page.push(full ? serializeEvent(entry, i) : summarizeEvent(entry.events.at(i)));
          }
          return page;
        };
        // sentry.io answers full events a few at a time, whatever `per_page` asks.
        const maxPageSize = full && context.site.realism ? context.site.realism.fullEventsPerPage : Infinity;
        return pagedResponse(context, selection.total, slice, {}, maxPageSize);
      },
    },
    {
      method: 'GET',
      pattern: `${prefix}/:issueId/events/:eventId/`,
      scope: 'event:read',
      handle: (context) => {
        const entry = requireIssue(context);
        return jsonResponse(200, serializeEvent(entry, requireEventIndex(entry, context.params.eventId)));
      },
    },
  ];
}

export const eventRoutes: Route[] = [
  ...ISSUE_PREFIXES.flatMap(issueEventRoutes),
  {
    method: 'GET',
    pattern: '/api/0/projects/:org/:project/events/:eventId/',
    scope: 'project:read',
    handle: (context) => {
      const { organization, project } = requireProject(context);
      const hit = context.store.findEvent(organization, normalizeEventId(context.params.eventId));
      if (!hit || hit.entry.project !== project) {
        throw notFound();
      }
      return jsonResponse(200, serializeEvent(hit.entry, hit.index));
    },
  },
];
