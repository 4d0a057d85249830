import { ApiEvent, ApiIssue, ApiOrganization, ApiProject, ApiTag } from './apiTypes';

/** What the test server serves. The demo (test/fixtures/demo) builds one; tests may build their own. */
export interface ServerData {
  organizations: OrganizationRecord[];
}

export interface OrganizationRecord {
  organization: ApiOrganization;
  /** People issues can be assigned to (`assignedTo` by id, username or email). */
  members: MemberRecord[];
  teams: TeamRecord[];
  projects: ProjectRecord[];
}

export interface MemberRecord {
  id: string;
  name: string;
  username: string;
  email: string;
}

export interface TeamRecord {
  id: string;
  slug: string;
  name: string;
}

export interface ProjectRecord {
  project: ApiProject;
  /** Sentry code mappings (Settings → Integrations → Code Mappings), used by `stacktrace-link`. */
  codeMappings: CodeMappingRecord[];
  issues: IssueRecord[];
}

export interface CodeMappingRecord {
  id: string;
  stackRoot: string;
  sourceRoot: string;
  repoName: string;
  defaultBranch: string;
  provider: { key: string; name: string };
  /** Paths that exist in the repository; a mapped path outside it answers `error: "file_not_found"`. */
  repoFiles: string[];
}

export interface IssueRecord {
  issue: ApiIssue;
  /** The issue's events, NEWEST FIRST. An array, or a lazily generated source for very long histories. */
  events: ApiEvent[] | EventSource;
  /** Tags to match `key:value` search terms against; computed from the events when absent. */
  searchTags?: ApiTag[];
}

/** An event list produced on demand (for benchmarks with thousands of events). Newest first. */
export interface EventSource {
  readonly length: number;
  at(index: number): ApiEvent;
  indexOf(eventId: string): number;
  /** Event `index`'s time (epoch ms) without building it; else read from `at(index).dateCreated`. */
  timeAt?(index: number): number;
  /** Event `index`'s environment without building it; else read from its tags. */
  environmentAt?(index: number): string;
  /** Event `index`'s id without building it; else read from `at(index)`. */
  eventIdAt?(index: number): string;
}
