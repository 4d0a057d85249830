import type { Endpoint } from '../http/transport';

/** Each kind of request the client makes: its name keys rate-limit state, its scope is the one Sentry's API documents. */
export const ENDPOINTS = {
  organizations: { name: 'organizations', scope: 'org:read' },
  projects: { name: 'projects', scope: 'org:read' },
  issues: { name: 'issues', scope: 'event:read' },
  issue: { name: 'issue', scope: 'event:read' },
  updateIssue: { name: 'updateIssue', scope: 'event:write' },
  events: { name: 'events', scope: 'event:read' },
  event: { name: 'event', scope: 'event:read' },
  projectEvent: { name: 'projectEvent', scope: 'project:read' },
  stacktraceLink: { name: 'stacktraceLink', scope: 'project:read' },
  codeMappings: { name: 'codeMappings', scope: 'org:read' },
  shortIdLookup: { name: 'shortIdLookup', scope: 'event:read' },
  eventIdLookup: { name: 'eventIdLookup', scope: 'org:read' },
  /** Public in Sentry (a published issue's page); the token goes along, to the same server, harmlessly. */
  sharedIssue: { name: 'sharedIssue', scope: 'none' },
  /** `GET /api/0/`: who the token belongs to; any valid token may ask. */
  authInfo: { name: 'authInfo', scope: 'none' },
  assignableUsers: { name: 'assignableUsers', scope: 'org:read' },
  projectTeams: { name: 'projectTeams', scope: 'project:read' },
  issueCount: { name: 'issueCount', scope: 'event:read' },
} satisfies Record<string, Endpoint>;
