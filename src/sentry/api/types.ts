export interface Organization {
  id: string;
  slug: string;
  name: string;
  /** API base for this organization's data on multi-region sentry.io (`links.regionUrl`). */
  regionUrl?: string;
  /** Web UI base (`links.organizationUrl`). */
  organizationUrl?: string;
}

export interface Project {
  id: string;
  slug: string;
  name: string;
  platform?: string;
  organizationSlug: string;
}

export type IssueLevel = 'fatal' | 'error' | 'warning' | 'info' | 'debug' | 'sample' | 'unknown';

export interface Issue {
  id: string;
  shortId: string;
  title: string;
  culprit: string;
  level: IssueLevel;
  status: string;
  /** Sentry sends the event count as a string; kept as a number here (NaN never: 0 when unreadable). */
  count: number;
  userCount: number;
  firstSeen?: string;
  lastSeen?: string;
  permalink?: string;
  platform?: string;
  projectId?: string;
  projectSlug?: string;
  isUnhandled?: boolean;
  /** The assignee's display name. */
  assignee?: string;
  /** The assignee as `assignedTo` names it: `user:12`, `team:4`. */
  assignedTo?: string;
  /** `statusDetails.inNextRelease`: resolved once the next release ships. */
  resolvedInNextRelease?: boolean;
  /** `statusDetails.ignoreUntil`: ignored (archived) until this time (ISO-8601). */
  ignoredUntil?: string;
  /** `statusDetails.ignoreCount`: ignored until it happens this many more times. */
  ignoredUntilCount?: number;
  /** `statusDetails.ignoreUserCount`: ignored until this many more users see it. */
  ignoredUntilUserCount?: number;
  isBookmarked?: boolean;
  hasSeen?: boolean;
  /** `archived_until_escalating`, `ongoing`… (with `status`). */
  substatus?: string;
}
