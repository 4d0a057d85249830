import { DEMO_TEAMS, organization, project } from '../fixtures/demo/organizations';
import { issueRecord } from '../fixtures/demo/issueRecord';
import { evenlySpaced, generatedEvents, GeneratedEventsSpec } from './realisticEvents';
import { REALISTIC_NOW } from './realism';
import { IssueRecord, ServerData } from './serverData';

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;
const NOW_MS = Date.parse(REALISTIC_NOW);

/** The realistic data set's ids: one organization and project with issues of many generated events. */
export const REALISTIC = {
  token: 'demo-token',
  organization: { id: '9100', slug: 'shop', name: 'Shop' },
  project: { id: '9101', slug: 'shop-api', name: 'shop-api', platform: 'node' },
  issues: {
    /** 10,000 events over the last 45 days: all within Sentry's default 90-day list window. */
    tenThousand: { id: '9200000001', shortId: 'SHOP-API-1', events: 10_000, days: 45 },
    /** 100,000 events over 200 days: most are older than the default window. */
    hundredThousand: { id: '9200000002', shortId: 'SHOP-API-2', events: 100_000, days: 200 },
    /** 600 events over 150 days, 400 of them older than the default window. */
    olderThanWindow: { id: '9200000003', shortId: 'SHOP-API-3', events: 600, days: 150 },
    /** 500 events served, but Sentry counts 650: the oldest 150 are past retention. */
    pastRetention: { id: '9200000004', shortId: 'SHOP-API-4', events: 500, days: 20, count: 650 },
  },
} as const;

export interface GeneratedIssue {
  id: string;
  shortId: string;
  count: number;
  /** Sentry's count, when it is more than the events still served. */
  sentryCount?: number;
  seed: number;
  timeAt(index: number): number;
  environmentAt?(index: number): string;
}

/** An issue of the realistic project whose events are generated (see `generatedEvents`). */
export function generatedIssue(issue: GeneratedIssue): IssueRecord {
  const spec: GeneratedEventsSpec = { issueId: issue.id, projectId: REALISTIC.project.id, ...issue };
  const events = generatedEvents(spec);
  const first = events.at(0);
  const record = issueRecord(
    {
      id: issue.id,
      shortId: issue.shortId,
      project: { ...REALISTIC.project },
      title: first.title,
      culprit: first.culprit,
      level: 'error',
      type: 'error',
      metadata: first.metadata,
      count: issue.sentryCount ?? issue.count,
      userCount: Math.ceil(issue.count / 3),
      isUnhandled: true,
      priority: 'high',
    },
    events,
  );
  return { ...record, searchTags: first.tags };
}

function spread(issue: { id: string; shortId: string; events: number; days: number; count?: number }, seed: number): IssueRecord {
  const newest = NOW_MS - 2 * HOUR_MS;
  return generatedIssue({
    id: issue.id,
    shortId: issue.shortId,
    count: issue.events,
    sentryCount: issue.count,
    seed,
    timeAt: evenlySpaced(newest, Math.floor((issue.days * DAY_MS) / issue.events)),
  });
}

/** The realistic mode's data: one organization, one project, the issues of `REALISTIC.issues` (and any given). */
export function realisticServerData(extraIssues: IssueRecord[] = []): ServerData {
  const I = REALISTIC.issues;
  return {
    organizations: [
      {
        organization: organization(REALISTIC.organization, '2025-06-01T09:00:00Z'),
        members: [],
        teams: [DEMO_TEAMS[0]],
        projects: [
          {
            project: project(REALISTIC.project, DEMO_TEAMS[0], '2025-06-01T09:05:00Z', ['production', 'staging'], 'shop-api@4.2.0'),
            codeMappings: [],
            issues: [spread(I.tenThousand, 11), spread(I.hundredThousand, 12), spread(I.olderThanWindow, 13), spread(I.pastRetention, 14), ...extraIssues],
          },
        ],
      },
    ],
  };
}
