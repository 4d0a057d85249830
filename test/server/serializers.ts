import {
  ApiEntry,
  ApiEvent,
  ApiEventSummary,
  ApiIssue,
  ApiOrganization,
  ApiRelease,
  JsonObject,
} from './apiTypes';
import { IssueEntry } from './dataStore';
import { OrganizationRecord } from './serverData';
import { Site } from './requestContext';

/** Turns stored records into the JSON Sentry answers, adding what depends on the server's URL. */

export function serializeOrganization(record: OrganizationRecord, site: Site): ApiOrganization {
  const org = record.organization;
  return {
    ...org,
    links: org.links ?? {
      organizationUrl: site.url,
      regionUrl: site.regionUrls[org.slug] ?? site.url,
    },
  };
}

/** The organization-detail shape: the list shape plus a few detail-only fields. */
export function serializeOrganizationDetail(record: OrganizationRecord, site: Site): JsonObject {
  return {
    ...serializeOrganization(record, site),
    access: ['org:read', 'project:read', 'event:read', 'event:write'],
    isDefault: false,
    defaultRole: 'member',
    openMembership: true,
    teams: record.teams.map((t) => ({ id: t.id, slug: t.slug, name: t.name, isMember: true })),
    projects: record.projects.map((p) => ({ id: p.project.id, slug: p.project.slug, name: p.project.name, platform: p.project.platform })),
  };
}

export function serializeIssue(entry: IssueEntry, site: Site): ApiIssue {
  const org = entry.organization.organization;
  const base = org.links?.organizationUrl ?? site.url;
  return { ...entry.issue, permalink: entry.issue.permalink ?? `${base}/organizations/${org.slug}/issues/${entry.issue.id}/` };
}

function releaseSummary(release: ApiRelease | null): JsonObject | null {
  return release
    ? {
        version: release.version,
        shortVersion: release.shortVersion,
        dateCreated: release.dateCreated,
        dateReleased: release.dateReleased,
        ref: release.ref,
        url: release.url,
      }
    : null;
}

/** The issue-detail shape: the list shape plus activity, releases and tag keys. */
export function serializeIssueDetail(entry: IssueEntry, site: Site): JsonObject {
  const { events, issue } = entry;
  const newest = events.length > 0 ? events.at(0) : undefined;
  const oldest = events.length > 0 ? events.at(events.length - 1) : undefined;
  const tagKeys = [...new Set(entry.tags.map((t) => t.key))].sort();
  return {
    ...serializeIssue(entry, site),
    activity: [{ id: '0', type: 'first_seen', user: null, data: {}, dateCreated: issue.firstSeen }],
    seenBy: [],
    participants: [],
    pluginActions: [],
    pluginIssues: [],
    pluginContexts: [],
    userReportCount: 0,
    firstRelease: releaseSummary(oldest?.release ?? null),
    lastRelease: releaseSummary(newest?.release ?? null),
    tags: tagKeys.map((key) => ({
      key,
      name: key.charAt(0).toUpperCase() + key.slice(1),
      totalValues: Number(issue.count),
    })),
  };
}

/** One event with its neighbours in the issue (`nextEventID` = newer, `previousEventID` = older). */
export function serializeEvent(entry: IssueEntry, index: number): ApiEvent {
  const { events } = entry;
  const event = events.at(index);
  const idAt = (i: number) => events.eventIdAt?.(i) ?? events.at(i).eventID;
  return {
    ...event,
    nextEventID: index > 0 ? idAt(index - 1) : null,
    previousEventID: index + 1 < events.length ? idAt(index + 1) : null,
  };
}

/** The events-list item without `full=true` (`api-issue-events-list.openapi.json`). */
export function summarizeEvent(event: ApiEvent): ApiEventSummary {
  return {
    eventID: event.eventID,
    tags: event.tags,
    dateCreated: event.dateCreated,
    user: event.user,
    message: event.message,
    title: event.title,
    id: event.id,
    platform: event.platform,
    'event.type': event.type,
    groupID: event.groupID,
    crashFile: event.crashFile,
    location: event.location,
    culprit: event.culprit,
    projectID: event.projectID,
    metadata: event.metadata,
  };
}

export function hasInAppException(event: ApiEvent): boolean {
  return event.entries.some(
    (entry: ApiEntry) =>
      entry.type === 'exception' && entry.data.values.some((v) => v.stacktrace?.frames.some((f) => f.inApp) ?? false),
  );
}
