import { IssueEntry } from './dataStore';
import { RequestContext } from './requestContext';
import { notFound } from './responses';
import { OrganizationRecord, ProjectRecord } from './serverData';
import { hasInAppException } from './serializers';

/** Resolving URL segments to records; every miss is Sentry's 404. */

function served(context: RequestContext, organization: OrganizationRecord): boolean {
  const only = context.site.servesOrgs;
  return !only || only.includes(organization.organization.slug);
}

export function requireOrganization(context: RequestContext, idOrSlug = context.params.org): OrganizationRecord {
  const organization = context.store.findOrganization(idOrSlug);
  if (!organization || !served(context, organization)) {
    throw notFound();
  }
  return organization;
}

export function requireProject(context: RequestContext): { organization: OrganizationRecord; project: ProjectRecord } {
  const organization = requireOrganization(context);
  const project = context.store.findProject(organization, context.params.project);
  if (!project) {
    throw notFound();
  }
  return { organization, project };
}

/** The issue of `:issueId`, inside `:org` when the route has one (legacy routes do not). */
export function requireIssue(context: RequestContext): IssueEntry {
  const entry = context.store.findIssue(context.params.issueId);
  if (!entry || !served(context, entry.organization)) {
    throw notFound();
  }
  if (context.params.org !== undefined && requireOrganization(context) !== entry.organization) {
    throw notFound();
  }
  return entry;
}

/** Event ids compare as 32 lowercase hex digits (a UUID's dashes dropped). */
export function normalizeEventId(eventId: string): string {
  return eventId.toLowerCase().replace(/-/g, '');
}

const RECOMMENDED_SCAN_LIMIT = 100;

/** Index of `:eventId` in the issue: an event id, or `latest`, `oldest`, `recommended`. */
export function requireEventIndex(entry: IssueEntry, eventId: string): number {
  const { events } = entry;
  if (events.length === 0) {
    throw notFound();
  }
  switch (eventId) {
    case 'latest':
      return 0;
    case 'oldest':
      return events.length - 1;
    case 'recommended': {
      const limit = Math.min(events.length, RECOMMENDED_SCAN_LIMIT);
      for (let i = 0; i < limit; i++) {
        if (hasInAppException(events.at(i))) {
          return i;
        }
      }
      return 0;
    }
    default: {
      const index = events.indexOf(normalizeEventId(eventId));
      if (index < 0) {
        throw notFound();
      }
      return index;
    }
  }
}
