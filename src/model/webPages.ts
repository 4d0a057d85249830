import { eventWebUrl, issueWebUrl, organizationWebUrl, projectWebUrl } from '../sentry/api/webUrls';
import { readEventRef, readIssueRef, readProjectRef, type SentryRef } from './refs';
import type { SentryStore } from './store';

/** The Sentry web page of what a ref names, from what the store knows (the issue's permalink, the organization's URL). */
export function webPageOf(ref: SentryRef, baseUrl: string, store: SentryStore): string {
  const organizationUrl = store.organization({ org: ref.org })?.organizationUrl;
  const site = { baseUrl, org: ref.org, organizationUrl };
  const event = readEventRef(ref);
  if (event) {
    if (!event.issueId) return `${projectWebUrl({ ...site, project: event.project })}events/${encodeURIComponent(event.eventId)}/`;
    return eventWebUrl(webPageOf({ org: event.org, issueId: event.issueId }, baseUrl, store), event.eventId);
  }
  const issue = readIssueRef(ref);
  if (issue) return issueWebUrl({ ...site, issueId: issue.issueId, permalink: store.issue(issue)?.permalink });
  const project = readProjectRef(ref);
  if (project) return projectWebUrl({ ...site, project: project.project });
  return organizationWebUrl(site);
}
