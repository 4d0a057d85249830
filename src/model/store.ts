import type { Issue, Organization, Project } from '../sentry/api/types';
import type { SentryEvent } from '../sentry/event/eventModel';
import { Emitter } from './emitter';
import { EventRef, IssueRef, OrgRef, ProjectRef, eventKey, issueKey, orgKey, projectKey } from './refs';

export interface IssueUpdated {
  ref: IssueRef;
  issue: Issue;
  /** What the store held before, when it held the issue. */
  previous?: Issue;
}

export interface IssueRemoved {
  ref: IssueRef;
  /** The list it no longer belongs to (see `issueListKey`); undefined: every list. */
  list?: string;
}

export interface EventLoaded {
  ref: EventRef;
  event: SentryEvent;
}

/**
 * One store of Sentry data keyed by id: organizations, projects, issues (by organization and issue
 * id) and events (by organization, project and event id), whoever fetched them — the tree, a search,
 * an issue opened by URL, an event file. Views hold refs and read from here; they re-render on the
 * change events. No `vscode`: it is tested with plain mocha.
 */
export class SentryStore {
  private readonly organizations = new Map<string, Organization>();
  private readonly projects = new Map<string, Project>();
  private readonly issues = new Map<string, Issue>();
  /**
   * The issues held before the last `clear()`, until each is read again: what a view may still show
   * (an open event panel), so that the issue read after a refresh is told as a change when it differs.
   */
  private readonly beforeClear = new Map<string, Issue>();
  private readonly events = new Map<string, SentryEvent>();
  private readonly issueUpdated = new Emitter<IssueUpdated>();
  private readonly issueRemoved = new Emitter<IssueRemoved>();
  private readonly eventLoaded = new Emitter<EventLoaded>();
  private readonly cleared = new Emitter<void>();

  /** An issue the store held changed (status, assignee, bookmark, counts…), or came back different after a clear. */
  readonly onDidUpdateIssue = this.issueUpdated.event;
  /** An issue left a list (resolved while the list shows unresolved ones, say). */
  readonly onDidRemoveIssue = this.issueRemoved.event;
  readonly onDidLoadEvent = this.eventLoaded.event;
  /** Everything was dropped (signed in elsewhere, refreshed): read again through the data service. */
  readonly onDidClear = this.cleared.event;

  organization(ref: OrgRef): Organization | undefined {
    return this.organizations.get(orgKey(ref));
  }

  /** Every organization the store holds. */
  organizationRefs(): OrgRef[] {
    return [...this.organizations.values()].map((organization) => ({ org: organization.slug }));
  }

  project(ref: ProjectRef): Project | undefined {
    return this.projects.get(projectKey(ref));
  }

  issue(ref: IssueRef): Issue | undefined {
    return this.issues.get(issueKey(ref));
  }

  event(ref: EventRef): SentryEvent | undefined {
    return this.events.get(eventKey(ref));
  }

  putOrganization(organization: Organization): OrgRef {
    const ref = { org: organization.slug };
    this.organizations.set(orgKey(ref), organization);
    return ref;
  }

  putProject(org: string, project: Project): ProjectRef {
    const ref = { org, project: project.slug };
    this.projects.set(projectKey(ref), project);
    return ref;
  }

  /** Keeps the issue; when it replaces a different one (held now or before the last clear), whoever shows it hears of it. */
  putIssue(org: string, issue: Issue): IssueRef {
    const ref = { org, issueId: issue.id };
    const key = issueKey(ref);
    const previous = this.issues.get(key) ?? this.beforeClear.get(key);
    this.beforeClear.delete(key);
    this.issues.set(key, issue);
    if (previous && !sameIssue(previous, issue)) this.issueUpdated.fire({ ref, issue, previous });
    return ref;
  }

  /** Changes fields of a stored issue (an optimistic update, a rollback); undefined when the store has no such issue. */
  patchIssue(ref: IssueRef, patch: Partial<Issue>): Issue | undefined {
    const previous = this.issues.get(issueKey(ref));
    if (!previous) return undefined;
    const issue = { ...previous, ...patch, id: previous.id };
    this.issues.set(issueKey(ref), issue);
    if (!sameIssue(previous, issue)) this.issueUpdated.fire({ ref, issue, previous });
    return issue;
  }

  removeIssueFromList(ref: IssueRef, list?: string): void {
    this.issueRemoved.fire({ ref, list });
  }

  putEvent(ref: EventRef, event: SentryEvent): EventRef {
    this.events.set(eventKey(ref), event);
    this.eventLoaded.fire({ ref, event });
    return ref;
  }

  clear(): void {
    this.organizations.clear();
    this.projects.clear();
    for (const [key, issue] of this.issues) this.beforeClear.set(key, issue);
    this.issues.clear();
    this.events.clear();
    this.cleared.fire();
  }

  dispose(): void {
    for (const emitter of [this.issueUpdated, this.issueRemoved, this.eventLoaded, this.cleared]) emitter.dispose();
  }
}

/** The key of one issue list: a project's issues for a query and a sort. */
export function issueListKey(project: ProjectRef, query: string, sort: string): string {
  return `${projectKey(project)} ${sort} ${JSON.stringify(query)}`;
}

function sameIssue(a: Issue, b: Issue): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as Array<keyof Issue>);
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}
