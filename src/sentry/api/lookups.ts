import type { RequestOptions, SentryClient } from './client';
import { apiPath } from './apiPath';
import { ENDPOINTS } from './endpoints';
import { expectObject, parseIssue } from './responseParsers';
import type { Issue } from './types';
import { NotSentryError } from '../http/errors';
import { parseEvent } from '../event/eventParser';
import type { SentryEvent } from '../event/eventModel';
import { asRecord, nonEmptyText, toText } from '../json/jsonValues';

/** Where a short id, an event id or a share link leads: the issue, its organization and project. */
export interface FoundIssue {
  org: string;
  issueId: string;
  /** The project's slug, when Sentry said. */
  project?: string;
  /** The issue itself, when the answer carried it. */
  issue?: Issue;
}

export interface FoundEvent extends FoundIssue {
  eventId: string;
  event?: SentryEvent;
}

/** `GET /organizations/{org}/shortids/{shortId}/`: the issue a short id names in this organization (404: not here). */
export async function lookUpShortId(client: SentryClient, org: string, shortId: string, options: RequestOptions = {}): Promise<FoundIssue> {
  const response = await client.read(org, apiPath`/organizations/${org}/shortids/${shortId}/`, {}, ENDPOINTS.shortIdLookup, options);
  const json = expectObject(response.json, 'a short id look-up');
  const issue = parseIssue(json.group);
  const issueId = toText(json.groupId) ?? issue?.id;
  if (!issueId) throw new NotSentryError(`Sentry's answer for short id ${shortId} names no issue.`);
  return withDefined({ org: nonEmptyText(json.organizationSlug) ?? org, issueId, project: nonEmptyText(json.projectSlug) ?? issue?.projectSlug, issue });
}

/** `GET /organizations/{org}/eventids/{eventId}/`: the project and issue of an event in this organization (404: not here). */
export async function lookUpEventId(client: SentryClient, org: string, eventId: string, options: RequestOptions = {}): Promise<FoundEvent> {
  const response = await client.read(org, apiPath`/organizations/${org}/eventids/${eventId}/`, {}, ENDPOINTS.eventIdLookup, options);
  const json = expectObject(response.json, 'an event id look-up');
  const issueId = toText(json.groupId);
  if (!issueId) throw new NotSentryError(`Sentry's answer for event ${eventId} names no issue.`);
  const eventJson = asRecord(json.event);
  const event = eventJson ? parseEvent(eventJson) : undefined;
  return withDefined({
    org: nonEmptyText(json.organizationSlug) ?? org,
    issueId,
    project: nonEmptyText(json.projectSlug),
    eventId: nonEmptyText(json.eventId) ?? eventId,
    event,
  });
}

/**
 * `GET /shared/issues/{shareId}/`: a published issue's public page names neither its organization
 * nor its id; this answer does (`id`, `project.organization.slug` where Sentry includes it).
 */
export async function lookUpSharedIssue(client: SentryClient, shareId: string, options: RequestOptions = {}): Promise<{ issueId: string; org?: string; project?: string }> {
  const response = await client.read(undefined, apiPath`/shared/issues/${shareId}/`, {}, ENDPOINTS.sharedIssue, options);
  const json = expectObject(response.json, 'a shared issue');
  const issueId = toText(json.id);
  if (!issueId) throw new NotSentryError('Sentry\'s answer for the shared issue has no issue id.');
  const project = asRecord(json.project);
  return withDefined({ issueId, org: nonEmptyText(asRecord(project?.organization)?.slug), project: nonEmptyText(project?.slug) });
}

function withDefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
  return value;
}
