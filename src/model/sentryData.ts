import type { IssueListParams, IssueUpdate, RequestOptions, SentryClient } from '../sentry/api/client';
import type { Issue } from '../sentry/api/types';
import type { SentryEvent } from '../sentry/event/eventModel';
import type { Logger } from '../sentry/http/logger';
import type { Page } from '../sentry/http/page';
import type { EventRef, IssueRef, OrgRef, ProjectRef } from './refs';
import type { SentryStore } from './store';

export type PinnedEvent = 'latest' | 'oldest' | 'recommended';

/** A 32-hex event id, where a pinned event's name may stand too. */
export type EventIdText = string;

export interface IssueQuery {
  project?: ProjectRef;
  /** Every project of the organization the token can see (`project=-1`), when no `project` is given. */
  allProjects?: boolean;
  /** A query that is exactly a short id answers with that issue. */
  shortIdLookup?: boolean;
  query?: string;
  sort?: IssueListParams['sort'];
  limit?: number;
  cursor?: string;
}

/** Thrown when a read or a write needs a signed-in client and there is none. */
export class NotSignedInError extends Error {
  constructor() {
    super('Sign in to Sentry first.');
    this.name = 'NotSignedInError';
  }
}

/**
 * The one way to Sentry's data for every surface: asks the client, keeps what comes back in the
 * store, and answers with refs (lists) or the stored objects. A list while signed out is empty.
 */
export class SentryData {
  constructor(
    readonly store: SentryStore,
    private readonly clientOf: () => SentryClient | undefined,
    private readonly logger: Logger,
  ) {}

  async listOrganizations(cursor: string | undefined, options: RequestOptions = {}): Promise<Page<OrgRef>> {
    const client = this.clientOf();
    if (!client) return { items: [] };
    const page = await client.listOrganizations({ cursor }, options);
    return { ...page, items: page.items.map((org) => this.store.putOrganization(org)) };
  }

  async listProjects(org: OrgRef, cursor: string | undefined, options: RequestOptions = {}): Promise<Page<ProjectRef>> {
    const client = this.clientOf();
    if (!client) return { items: [] };
    const page = await client.listProjects(org.org, { cursor }, options);
    return { ...page, items: page.items.map((project) => this.store.putProject(org.org, project)) };
  }

  /** An organization's issues, or one project's: `query` in Sentry's search syntax. */
  async listIssues(org: OrgRef, params: IssueQuery, options: RequestOptions = {}): Promise<Page<IssueRef>> {
    const client = this.clientOf();
    if (!client) return { items: [] };
    const project = params.project ? (this.store.project(params.project)?.id ?? params.project.project) : params.allProjects ? '-1' : undefined;
    const page = await client.listIssues(
      org.org,
      { project, query: params.query, sort: params.sort, limit: params.limit, cursor: params.cursor, shortIdLookup: params.shortIdLookup },
      options,
    );
    return { ...page, items: page.items.map((issue) => this.store.putIssue(org.org, issue)) };
  }

  /** An issue's events, newest first, each stored whole (expanding one costs no request). */
  async listIssueEvents(issue: IssueRef, params: { cursor?: string; perPage?: number }, options: RequestOptions = {}): Promise<Page<EventRef>> {
    const client = this.clientOf();
    if (!client) return { items: [] };
    const project = await this.projectOf(issue, options);
    const page = await client.listIssueEvents(issue.org, issue.issueId, params, options);
    return { ...page, items: page.items.map((event) => this.store.putEvent(this.eventRef(issue, project, event), event)) };
  }

  /** The stored issue, or Sentry's when the store has none (an issue opened by URL, say). */
  async getIssue(ref: IssueRef, options: RequestOptions = {}): Promise<Issue> {
    const stored = this.store.issue(ref);
    if (stored && !options.refresh) return stored;
    const issue = await this.client().getIssue(ref.org, ref.issueId, options);
    this.store.putIssue(ref.org, issue);
    return this.store.issue(ref) ?? issue;
  }

  /** An issue's latest, oldest or recommended event (or one by its id), stored under its own id. */
  async getPinnedEvent(issue: IssueRef, which: PinnedEvent | EventIdText, options: RequestOptions = {}): Promise<EventRef> {
    const client = this.client();
    const project = await this.projectOf(issue, options);
    const event = await client.getIssueEvent(issue.org, issue.issueId, which, options);
    return this.store.putEvent(this.eventRef(issue, project, event), event);
  }

  /** The stored event, or Sentry's: through its issue when the ref names one, else through its project. */
  async getEvent(ref: EventRef, options: RequestOptions = {}): Promise<SentryEvent> {
    const stored = this.store.event(ref);
    if (stored?.hasDetail && !options.refresh) return stored;
    const client = this.client();
    const event = ref.issueId
      ? await client.getIssueEvent(ref.org, ref.issueId, ref.eventId, options)
      : await client.getProjectEvent(ref.org, ref.project, ref.eventId, options);
    this.store.putEvent(ref, event);
    return event;
  }

  /**
   * Changes an issue in Sentry. The store (and so every row showing the issue) shows the change at
   * once; Sentry's answer replaces it, and a refusal puts back what the store had.
   */
  async updateIssue(ref: IssueRef, change: IssueUpdate, options: RequestOptions & { shows?: Partial<Issue> } = {}): Promise<Issue> {
    const client = this.client();
    // `shows`: what the caller knows the issue will look like (an assignee's name, how long it is ignored).
    const optimistic = { ...optimisticFields(change), ...options.shows };
    const before = this.store.issue(ref);
    if (before) this.store.patchIssue(ref, optimistic);
    try {
      const issue = await client.updateIssue(ref.org, ref.issueId, change, options);
      this.store.putIssue(ref.org, issue);
      return this.store.issue(ref) ?? issue;
    } catch (error) {
      if (before) this.rollBack(ref, optimistic, before);
      this.logger.warn(`Sentry did not change issue ${before?.shortId ?? ref.issueId}; it shows what it had again.`, error);
      throw error;
    }
  }

  /** Puts back the fields this change set, unless a later change has set them since. */
  private rollBack(ref: IssueRef, applied: Partial<Issue>, before: Issue): void {
    const now = this.store.issue(ref);
    if (!now) return;
    const restore: Partial<Issue> = {};
    for (const key of Object.keys(applied) as Array<keyof Issue>) {
      if (now[key] === applied[key]) Object.assign(restore, { [key]: before[key] });
    }
    this.store.patchIssue(ref, restore);
  }

  private async projectOf(issue: IssueRef, options: RequestOptions): Promise<string> {
    const stored = this.store.issue(issue) ?? (await this.getIssue(issue, options));
    const project = stored.projectSlug ?? stored.projectId;
    if (!project) throw new Error(`Sentry did not say which project issue ${stored.shortId} belongs to.`);
    return project;
  }

  private eventRef(issue: IssueRef, project: string, event: SentryEvent): EventRef {
    return { org: issue.org, project, eventId: event.eventId, issueId: issue.issueId };
  }

  private client(): SentryClient {
    const client = this.clientOf();
    if (!client) throw new NotSignedInError();
    return client;
  }
}

/** What the issue will look like once Sentry accepts the change, as far as can be told before it answers. */
function optimisticFields(change: IssueUpdate): Partial<Issue> {
  const fields: Partial<Issue> = {};
  if (change.status !== undefined) fields.status = change.status === 'resolvedInNextRelease' ? 'resolved' : change.status;
  if (change.isBookmarked !== undefined) fields.isBookmarked = change.isBookmarked;
  if (change.hasSeen !== undefined) fields.hasSeen = change.hasSeen;
  if (change.assignedTo === null) fields.assignee = undefined;
  return fields;
}
