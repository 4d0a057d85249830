import type { RequestOptions, SentryClient } from '../sentry/api/client';
import { Assignee, CurrentUser, getCurrentUser, listAssignableUsers, listProjectTeams } from '../sentry/api/assignees';
import { countIssues, IssueCount } from '../sentry/api/issueCount';
import { FoundEvent, FoundIssue, lookUpEventId, lookUpSharedIssue, lookUpShortId } from '../sentry/api/lookups';
import type { IssueRef, ProjectRef } from './refs';
import { NotSignedInError, SentryData } from './sentryData';

const MAX_PROJECT_PAGES = 10;

/**
 * Sentry's look-ups beside the data service: a short id, an event id or a share link to its issue,
 * the people and teams an issue can be assigned to, the user the token belongs to, and a project's
 * issue count. What they find goes into the same store as everything else.
 */
export class SentryLookups {
  private me?: { client: SentryClient; user: Promise<CurrentUser> };
  private listed?: { client: SentryClient; done: Promise<unknown> };
  /** Names of the people and teams listed so far, by actor (`user:12`): an assignment shows one before Sentry answers. */
  private readonly names = new Map<string, string>();

  constructor(
    private readonly data: SentryData,
    private readonly clientOf: () => SentryClient | undefined,
  ) {}

  /** The issue a short id names in `org` (a NotFoundError when it is not there). */
  async findShortId(org: string, shortId: string, options: RequestOptions = {}): Promise<FoundIssue> {
    const found = await lookUpShortId(this.client(), org, shortId, options);
    if (found.issue) this.data.store.putIssue(found.org, found.issue);
    return found;
  }

  /** The issue and project of an event in `org` (a NotFoundError when it is not there); the event is stored. */
  async findEventId(org: string, eventId: string, options: RequestOptions = {}): Promise<FoundEvent> {
    const found = await lookUpEventId(this.client(), org, eventId, options);
    if (found.event && found.project) this.data.store.putEvent({ org: found.org, project: found.project, eventId: found.eventId, issueId: found.issueId }, found.event);
    return found;
  }

  findSharedIssue(shareId: string, options: RequestOptions = {}): Promise<{ issueId: string; org?: string; project?: string }> {
    return lookUpSharedIssue(this.client(), shareId, options);
  }

  /**
   * Lists the organizations once per sign-in (a cached answer when the tree has), so that the
   * client knows each one's region before anything is asked of it and the store has their names.
   */
  async knowOrganizations(options: RequestOptions = {}): Promise<void> {
    const client = this.client();
    if (this.listed?.client !== client) {
      const done = this.data.listOrganizations(undefined, options);
      this.listed = { client, done };
      done.catch(() => {
        if (this.listed?.done === done) this.listed = undefined;
      });
    }
    await this.listed.done;
  }

  /** How many issues of the project match `query` (one request; the project's id is read from the store, or its organization's project list). */
  async countIssues(project: ProjectRef, query: string, options: RequestOptions = {}): Promise<IssueCount | undefined> {
    const projectId = await this.projectId(project, options);
    return countIssues(this.client(), project.org, { projectId, query }, options);
  }

  /** Whom an issue can be assigned to: the people who can see its project, then its project's teams. */
  async assignees(issue: IssueRef, options: RequestOptions = {}): Promise<Assignee[]> {
    await this.knowOrganizations(options);
    const stored = await this.data.getIssue(issue, options);
    const project = stored.projectSlug;
    const projectId = stored.projectId ?? (project ? await this.projectId({ org: issue.org, project }, options) : undefined);
    if (!projectId || !project) throw new Error(`Sentry did not say which project issue ${stored.shortId} belongs to, so there is no one to offer.`);
    const client = this.client();
    const [users, teams] = await Promise.all([listAssignableUsers(client, issue.org, projectId, options), listProjectTeams(client, issue.org, project, options)]);
    for (const assignee of [...users, ...teams]) this.names.set(assignee.actor, assignee.name);
    return [...users, ...teams];
  }

  /** The name of a person or team an earlier list showed. */
  knownName(actor: string): string | undefined {
    return this.names.get(actor);
  }

  /** The user the token belongs to, asked once per sign-in. */
  currentUser(options: RequestOptions = {}): Promise<CurrentUser> {
    const client = this.client();
    if (this.me?.client !== client) {
      const user = getCurrentUser(client, options);
      this.me = { client, user };
      user.catch(() => {
        if (this.me?.user === user) this.me = undefined;
      });
    }
    return this.me.user;
  }

  /** The project's numeric id (what issue searches take): from the store, else from its organization's project list. */
  async projectId(project: ProjectRef, options: RequestOptions = {}): Promise<string> {
    const stored = this.data.store.project(project);
    if (stored) return stored.id;
    await this.knowOrganizations(options);
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PROJECT_PAGES; page++) {
      const listed = await this.data.listProjects({ org: project.org }, cursor, options);
      const found = this.data.store.project(project);
      if (found) return found.id;
      cursor = listed.nextCursor;
      if (!cursor) break;
    }
    throw new Error(`Project ${project.project} is not among the projects of ${project.org} this token can see.`);
  }

  private client(): SentryClient {
    const client = this.clientOf();
    if (!client) throw new NotSignedInError();
    return client;
  }
}
