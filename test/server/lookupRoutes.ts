import { normalizeEventId, requireOrganization } from './lookups';
import { Route } from './requestContext';
import { jsonResponse, notFound } from './responses';
import { serializeEvent, serializeIssue } from './serializers';

/** Resolving an event id or a short id to its organization, project and issue. */
export const lookupRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/0/organizations/:org/eventids/:eventId/',
    scope: 'org:read',
    handle: (context) => {
      const organization = requireOrganization(context);
      const hit = context.store.findEvent(organization, normalizeEventId(context.params.eventId));
      if (!hit) {
        throw notFound();
      }
      return jsonResponse(200, {
        organizationSlug: organization.organization.slug,
        projectSlug: hit.entry.project.project.slug,
        groupId: hit.entry.issue.id,
        eventId: hit.entry.events.at(hit.index).eventID,
        event: serializeEvent(hit.entry, hit.index),
      });
    },
  },
  {
    method: 'GET',
    pattern: '/api/0/organizations/:org/shortids/:shortId/',
    scope: 'event:read',
    handle: (context) => {
      const organization = requireOrganization(context);
      const entry = context.store.findByShortId(organization, context.params.shortId);
      if (!entry) {
        throw notFound();
      }
      return jsonResponse(200, {
        organizationSlug: organization.organization.slug,
        projectSlug: entry.project.project.slug,
        groupId: entry.issue.id,
        group: serializeIssue(entry, context.site),
        shortId: entry.issue.shortId,
      });
    },
  },
];
