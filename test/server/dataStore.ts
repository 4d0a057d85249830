import { ApiEvent, ApiIssue, ApiTag } from './apiTypes';
import { EventSource, IssueRecord, OrganizationRecord, ProjectRecord, ServerData } from './serverData';

/** One issue with where it lives; `issue` is this server's own (mutable) copy. */
export interface IssueEntry {
  organization: OrganizationRecord;
  project: ProjectRecord;
  issue: ApiIssue;
  events: EventSource;
  tags: readonly ApiTag[];
}

class ArrayEventSource implements EventSource {
  private readonly ids = new Map<string, number>();

  constructor(private readonly events: readonly ApiEvent[]) {
    events.forEach((event, index) => this.ids.set(event.eventID, index));
  }

  get length(): number {
    return this.events.length;
  }

  at(index: number): ApiEvent {
    return this.events[index];
  }

  indexOf(eventId: string): number {
    return this.ids.get(eventId) ?? -1;
  }
}

function toEventSource(events: ApiEvent[] | EventSource): EventSource {
  return Array.isArray(events) ? new ArrayEventSource(events) : events;
}

function tagsOf(record: IssueRecord, events: EventSource): ApiTag[] {
  if (record.searchTags) {
    return record.searchTags;
  }
  const sampled = Array.isArray(record.events) ? record.events : [events.at(0), events.at(events.length - 1)];
  const seen = new Map<string, ApiTag>();
  for (const event of sampled) {
    for (const tag of event?.tags ?? []) {
      seen.set(`${tag.key}\u0000${tag.value}`, tag);
    }
  }
  return [...seen.values()];
}

function sameKey(idOrSlug: string, record: { id: string; slug: string }): boolean {
  return record.id === idOrSlug || record.slug === idOrSlug;
}

/** Indexes over the served data, plus the issue state that PUT changes (undone by `reset`). */
export class DataStore {
  private entries = new Map<string, IssueEntry>();
  private readonly sources = new Map<IssueRecord, EventSource>();

  constructor(private readonly data: ServerData) {
    this.reset();
  }

  reset(): void {
    this.entries = new Map();
    for (const organization of this.data.organizations) {
      for (const project of organization.projects) {
        for (const record of project.issues) {
          let events = this.sources.get(record);
          if (!events) {
            events = toEventSource(record.events);
            this.sources.set(record, events);
          }
          const issue = structuredClone(record.issue);
          this.entries.set(issue.id, { organization, project, issue, events, tags: tagsOf(record, events) });
        }
      }
    }
  }

  organizations(): readonly OrganizationRecord[] {
    return this.data.organizations;
  }

  findOrganization(idOrSlug: string): OrganizationRecord | undefined {
    return this.data.organizations.find((o) => sameKey(idOrSlug, o.organization));
  }

  findProject(organization: OrganizationRecord, idOrSlug: string): ProjectRecord | undefined {
    return organization.projects.find((p) => sameKey(idOrSlug, p.project));
  }

  findIssue(id: string): IssueEntry | undefined {
    return this.entries.get(id);
  }

  issuesOf(organization: OrganizationRecord): IssueEntry[] {
    return [...this.entries.values()].filter((e) => e.organization === organization);
  }

  findByShortId(organization: OrganizationRecord, shortId: string): IssueEntry | undefined {
    const wanted = shortId.toUpperCase();
    return this.issuesOf(organization).find((e) => e.issue.shortId.toUpperCase() === wanted);
  }

  findEvent(organization: OrganizationRecord, eventId: string): { entry: IssueEntry; index: number } | undefined {
    for (const entry of this.issuesOf(organization)) {
      const index = entry.events.indexOf(eventId);
      if (index >= 0) {
        return { entry, index };
      }
    }
    return undefined;
  }
}
