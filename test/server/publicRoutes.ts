import { createHash } from 'node:crypto';
import { tokenUser } from './assigneeRoutes';
import { IssueEntry } from './dataStore';
import { Route } from './requestContext';
import { jsonResponse, notFound } from './responses';
import { serializeEvent, serializeIssue } from './serializers';

/**
 * Routes any valid token (or none) may call, as in Sentry: `GET /api/0/` (the API index: whose token
 * it is and its scopes; sentry-cli's `info` reads it) and `GET /api/0/shared/issues/{shareId}/` (a
 * published issue's public data, `SharedGroupSerializer`'s fields).
 */

/** The share id of an issue: the demo publishes every issue, each under a fixed 32-hex id. */
export function shareIdOf(issueId: string): string {
  return createHash('sha256').update(`share:${issueId}`).digest('hex').slice(0, 32);
}

export const PUBLIC_SCOPE = '';

export const publicRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/0/',
    scope: PUBLIC_SCOPE,
    handle: (context) => {
      const scopes = context.scopes ?? [];
      return jsonResponse(200, {
        version: '0',
        auth: context.scopes === undefined ? null : { scopes },
        user: context.scopes === undefined ? null : tokenUser(context.store.organizations(), scopes),
      });
    },
  },
  {
    method: 'GET',
    pattern: '/api/0/shared/issues/:shareId/',
    scope: PUBLIC_SCOPE,
    handle: (context) => {
      const wanted = context.params.shareId.toLowerCase().replace(/-/g, '');
      const entry = context.store
        .organizations()
        .flatMap((o) => context.store.issuesOf(o))
        .find((e: IssueEntry) => (e.issue.shareId ?? shareIdOf(e.issue.id)) === wanted);
      if (!entry) throw notFound();
      const issue = serializeIssue(entry, context.site);
      const org = entry.organization.organization;
      return jsonResponse(200, {
        culprit: issue.culprit,
        id: issue.id,
        isUnhandled: issue.isUnhandled,
        issueCategory: issue.issueCategory,
        permalink: issue.permalink,
        shortId: issue.shortId,
        title: issue.title,
        latestEvent: entry.events.length > 0 ? serializeEvent(entry, 0) : null,
        project: {
          slug: entry.project.project.slug,
          name: entry.project.project.name,
          color: '#6c5fc7',
          features: entry.project.project.features,
          organization: { slug: org.slug, name: org.name },
        },
      });
    },
  },
];
