import type { RequestOptions } from '../sentry/api/client';
import { NotFoundError } from '../sentry/http/errors';
import type { OpenTarget } from '../sentry/api/openInput';
import type { IssueRef, OrgRef } from './refs';
import type { PinnedEvent, SentryData } from './sentryData';
import type { SentryLookups } from './sentryLookups';

/** What an opened target lands on: an issue, and maybe one of its events. */
export interface ResolvedTarget {
  issue: IssueRef;
  /** A specific event (with its project when known), or one Sentry picks for the issue. */
  event?: { eventId: string; project?: string } | { pinned: PinnedEvent };
}

const MAX_ORGANIZATION_PAGES = 5;

/**
 * Finds the issue (and event) a parsed link or id names. Without a named organization each one the
 * token sees is tried in turn, and a 404 means "not in this one"; a named organization is tried
 * first. Everything found goes into the store.
 */
export async function resolveTarget(target: OpenTarget, deps: { data: SentryData; lookups: SentryLookups }, options: RequestOptions = {}): Promise<ResolvedTarget> {
  // Listing the organizations also tells the client each one's region, which its look-ups need.
  const orgs = await organizations(deps.data, options);
  if (target.kind === 'sharedIssue') {
    const shared = await deps.lookups.findSharedIssue(target.shareId, options);
    return resolveTarget({ kind: 'issue', issueId: shared.issueId, org: shared.org ?? target.org }, deps, options);
  }
  const candidates = candidatesFor(target.org, orgs);
  const what = describe(target);
  for (const org of candidates) {
    try {
      return await resolveIn(org, target, deps, options);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  const where = candidates.length === 0 ? 'any organization: this token sees none' : `the organization${candidates.length === 1 ? '' : 's'} this token can see (${candidates.join(', ')})`;
  throw new NotFoundError(`Sentry has no ${what} in ${where}.`, 404);
}

async function resolveIn(org: string, target: Exclude<OpenTarget, { kind: 'sharedIssue' }>, deps: { data: SentryData; lookups: SentryLookups }, options: RequestOptions): Promise<ResolvedTarget> {
  switch (target.kind) {
    case 'issue': {
      const issue = { org, issueId: target.issueId };
      await deps.data.getIssue(issue, options);
      return withEvent(issue, target.eventId);
    }
    case 'shortId': {
      const found = await deps.lookups.findShortId(org, target.shortId, options);
      const issue = { org: found.org, issueId: found.issueId };
      await deps.data.getIssue(issue, options);
      return withEvent(issue, target.eventId);
    }
    case 'event': {
      if (target.project) {
        const event = await deps.data.getEvent({ org, project: target.project, eventId: target.eventId }, options);
        if (event.groupId) {
          const issue = { org, issueId: event.groupId };
          await deps.data.getIssue(issue, options);
          return { issue, event: { eventId: event.eventId, project: target.project } };
        }
      }
      const found = await deps.lookups.findEventId(org, target.eventId, options);
      const issue = { org: found.org, issueId: found.issueId };
      await deps.data.getIssue(issue, options);
      return { issue, event: { eventId: found.eventId, project: found.project } };
    }
  }
}

function withEvent(issue: IssueRef, eventId: string | undefined): ResolvedTarget {
  if (eventId === undefined) return { issue };
  if (eventId === 'latest' || eventId === 'oldest' || eventId === 'recommended') return { issue, event: { pinned: eventId } };
  return { issue, event: { eventId } };
}

function candidatesFor(named: string | undefined, orgs: readonly string[]): string[] {
  if (named === undefined) return [...orgs];
  return [named, ...orgs.filter((org) => org !== named)];
}

async function organizations(data: SentryData, options: RequestOptions): Promise<string[]> {
  const refs: OrgRef[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_ORGANIZATION_PAGES; page++) {
    const listed = await data.listOrganizations(cursor, options);
    refs.push(...listed.items);
    cursor = listed.nextCursor;
    if (!cursor) break;
  }
  return refs.map((ref) => ref.org);
}

function describe(target: Exclude<OpenTarget, { kind: 'sharedIssue' }>): string {
  switch (target.kind) {
    case 'issue':
      return `issue ${target.issueId}`;
    case 'shortId':
      return `issue ${target.shortId}`;
    case 'event':
      return `event ${target.eventId}${target.project ? ` in a project ${target.project}` : ''}`;
  }
}
