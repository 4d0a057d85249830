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
} satisfies Record<string, Endpoint>;
