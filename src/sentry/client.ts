import { apiPath } from './apiPath';
import { AuthError, NotSentryError } from './errors';
import { Endpoint, FetchLike, HttpTransport, RateLimitNotice, TransportResponse } from './httpTransport';
import { parseLinkHeader } from './linkHeader';
import { nextLinkOrigin } from './nextLinkOrigin';
import { isTrustedRegionUrl, normalizeBaseUrl } from './origins';
import { ResponseCache } from './responseCache';
import { expectObject, parseIssue, parseList, parseOrganization, parseProject } from './responseParsers';
import type { SentryEvent } from './eventModel';
import { parseEvent } from './eventParser';
import { obj, text } from './lenient';
import type { RateLimitHeaders } from './rateLimitHeaders';
import type { Issue, Organization, Page, Project } from './types';

export interface SentryClientOptions {
  baseUrl: string;
  token: string;
  fetch?: FetchLike;
  timeoutMs?: number;
  /** Longest silence while an answer's body arrives (default 10 s). */
  bodyIdleTimeoutMs?: number;
  cacheTtlMs?: number;
  maxRateLimitWaitMs?: number;
  onRateLimitWait?(notice: RateLimitNotice): void;
  onAuthFailure?(error: AuthError): void;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Skip the cache and fetch anew (the new answer replaces the cached one). */
  refresh?: boolean;
}

export type IssueSort = 'date' | 'new' | 'freq' | 'user';

export interface IssueListParams {
  project?: string;
  query?: string;
  sort?: IssueSort;
  cursor?: string;
  limit?: number;
}

/** An issue's events within a time range (`start` inclusive, `end` exclusive, ISO 8601) and an environment. */
export interface IssueEventsRange {
  start?: string;
  end?: string;
  environment?: string;
}

/** One page of full events as Sentry sent them, with the rate-limit headers of its answer. */
export interface RawEventsPage extends Page<Record<string, unknown>> {
  rateLimit?: RateLimitHeaders;
}

export const ENDPOINTS = {
  organizations: { name: 'organizations', scope: 'org:read' },
  projects: { name: 'projects', scope: 'org:read' },
  issues: { name: 'issues', scope: 'event:read' },
  issue: { name: 'issue', scope: 'event:read' },
  events: { name: 'events', scope: 'event:read' },
  event: { name: 'event', scope: 'event:read' },
  stacktraceLink: { name: 'stacktraceLink', scope: 'project:read' },
} satisfies Record<string, Endpoint>;

const VERSION = '0.1.0';

/** Sentry's REST API (`/api/0/`), read with a bearer token. One instance per signed-in server. */
export class SentryClient {
  readonly baseUrl: string;
  private readonly transport: HttpTransport;
  private readonly cache: ResponseCache<TransportResponse>;
  private readonly trustedOrigins = new Set<string>();
  private readonly regionByOrg = new Map<string, string>();

  constructor(options: SentryClientOptions) {
    this.baseUrl = normalizeBaseUrl(options.baseUrl);
    this.trustedOrigins.add(new URL(this.baseUrl).origin);
    this.cache = new ResponseCache(options.cacheTtlMs ?? 30_000);
    this.transport = new HttpTransport({
      token: options.token,
      fetch: options.fetch,
      timeoutMs: options.timeoutMs ?? 30_000,
      bodyIdleTimeoutMs: options.bodyIdleTimeoutMs ?? 5_000,
      maxRateLimitWaitMs: options.maxRateLimitWaitMs ?? 60_000,
      isAllowedOrigin: (origin) => this.trustedOrigins.has(origin),
      onRateLimitWait: options.onRateLimitWait,
      onAuthFailure: options.onAuthFailure,
      userAgent: `sentry-explorer-vscode/${VERSION}`,
    });
  }

  async listOrganizations(params: { cursor?: string } = {}, options: RequestOptions = {}): Promise<Page<Organization>> {
    const response = await this.get(this.baseUrl, apiPath`/organizations/`, { cursor: params.cursor }, ENDPOINTS.organizations, options);
    const items = parseList(response.json, 'organizations', parseOrganization);
    for (const org of items) this.rememberRegion(org);
    return { items, ...parseLinkHeader(response.link) };
  }

  async listProjects(org: string, params: { cursor?: string } = {}, options: RequestOptions = {}): Promise<Page<Project>> {
    const response = await this.get(this.orgBase(org), apiPath`/organizations/${org}/projects/`, { cursor: params.cursor }, ENDPOINTS.projects, options);
    return { items: parseList(response.json, 'projects', (raw) => parseProject(raw, org)), ...parseLinkHeader(response.link) };
  }

  /** The organization-scoped issue search; `query` is Sentry's search syntax ("" lists every status). */
  async listIssues(org: string, params: IssueListParams = {}, options: RequestOptions = {}): Promise<Page<Issue>> {
    const query = {
      project: params.project,
      query: params.query ?? 'is:unresolved',
      sort: params.sort ?? 'date',
      limit: String(params.limit ?? 25),
      cursor: params.cursor,
    };
    const response = await this.get(this.orgBase(org), apiPath`/organizations/${org}/issues/`, query, ENDPOINTS.issues, options);
    return { items: parseList(response.json, 'issues', parseIssue), ...parseLinkHeader(response.link) };
  }

  async getIssue(org: string, issueId: string, options: RequestOptions = {}): Promise<Issue> {
    const response = await this.get(this.orgBase(org), apiPath`/organizations/${org}/issues/${issueId}/`, {}, ENDPOINTS.issue, options);
    const issue = parseIssue(expectObject(response.json, 'an issue'));
    if (!issue) throw new Error(`Sentry's answer for issue ${issueId} has no id.`);
    return issue;
  }

  /**
   * An issue's events, newest first. With `full` (the default) each event carries its entries, so
   * expanding an event in the tree costs no further request.
   */
  async listIssueEvents(
    org: string,
    issueId: string,
    params: { cursor?: string; full?: boolean; perPage?: number } = {},
    options: RequestOptions = {},
  ): Promise<Page<SentryEvent>> {
    const query = { full: String(params.full ?? true), per_page: String(params.perPage ?? 25), cursor: params.cursor };
    const response = await this.get(this.orgBase(org), apiPath`/organizations/${org}/issues/${issueId}/events/`, query, ENDPOINTS.events, options);
    return { items: parseList(response.json, 'events', safeParseEvent), ...parseLinkHeader(response.link) };
  }

  /**
   * One page of an issue's full events exactly as Sentry sent them, for exports: not parsed into the
   * model and not cached, since an export reads each page once and holds none. The next cursor is
   * only taken from a link on this Sentry; a next link to another origin ends the list (`end`).
   */
  async issueEventsPage(
    org: string,
    issueId: string,
    params: IssueEventsRange & { cursor?: string } = {},
    options: { signal?: AbortSignal } = {},
  ): Promise<RawEventsPage> {
    const query = { full: 'true', per_page: '100', start: params.start, end: params.end, environment: params.environment, cursor: params.cursor };
    const url = buildUrl(this.orgBase(org), apiPath`/organizations/${org}/issues/${issueId}/events/`, query);
    const response = await this.transport.send({ url, endpoint: ENDPOINTS.events, signal: options.signal });
    const items = parseList(response.json, 'events', obj);
    const foreign = nextLinkOrigin(response.link, url);
    if (foreign && foreign !== new URL(url).origin && !this.trustedOrigins.has(foreign)) {
      return { items, end: { kind: 'foreignLink', origin: foreign }, rateLimit: response.rateLimit };
    }
    return { items, ...parseLinkHeader(response.link), rateLimit: response.rateLimit };
  }

  /**
   * How many events an issue has within a range and environment: the organization issue list asked
   * for this one issue (`group`), whose `count` covers only the range. Undefined when the server
   * does not answer with the issue.
   */
  async countIssueEvents(org: string, issueId: string, range: IssueEventsRange, options: RequestOptions = {}): Promise<number | undefined> {
    const query = { group: issueId, query: '', start: range.start, end: range.end, environment: range.environment };
    const response = await this.get(this.orgBase(org), apiPath`/organizations/${org}/issues/`, query, ENDPOINTS.issues, options);
    return parseList(response.json, 'issues', parseIssue).find((issue) => issue.id === issueId)?.count;
  }

  /** The issue a short id (`PROJ-12A`) names within an organization. */
  async getIssueByShortId(org: string, shortId: string, options: RequestOptions = {}): Promise<Issue> {
    const response = await this.get(this.orgBase(org), apiPath`/organizations/${org}/shortids/${shortId}/`, {}, ENDPOINTS.issue, options);
    const issue = parseIssue(obj(expectObject(response.json, 'a short id lookup').group));
    if (!issue) throw new NotSentryError(`Sentry's answer for ${shortId} names no issue.`);
    return issue;
  }

  /** One event of an issue: an event id, or `latest`, `oldest`, `recommended`. */
  async getIssueEvent(org: string, issueId: string, eventId: string, options: RequestOptions = {}): Promise<SentryEvent> {
    const response = await this.get(this.orgBase(org), apiPath`/organizations/${org}/issues/${issueId}/events/${eventId}/`, {}, ENDPOINTS.event, options);
    return parseEvent(expectObject(response.json, 'an event'));
  }

  /**
   * Sentry's code mappings for a frame: the repository-relative path of its file, when the project
   * has code mappings that match. `undefined` when it has none.
   */
  async getStacktraceLink(
    org: string,
    project: string,
    frame: { file: string; absPath?: string; module?: string; package?: string; platform?: string; lineNo?: number },
    options: RequestOptions = {},
  ): Promise<{ sourcePath?: string; sourceUrl?: string; error?: string }> {
    const query = {
      file: frame.file,
      absPath: frame.absPath,
      module: frame.module,
      package: frame.package,
      platform: frame.platform,
      lineNo: frame.lineNo === undefined ? undefined : String(frame.lineNo),
    };
    const response = await this.get(this.orgBase(org), apiPath`/projects/${org}/${project}/stacktrace-link/`, query, ENDPOINTS.stacktraceLink, options);
    const json = expectObject(response.json, 'a stack trace link');
    return { sourcePath: text(json.sourcePath), sourceUrl: text(json.sourceUrl), error: text(json.error) ?? (obj(json.config) ? undefined : 'no_code_mappings_for_project') };
  }

  /** Forget every cached answer (after sign-out, or when the user asks for a full refresh). */
  clearCache(): void {
    this.cache.clear();
  }

  /** The API base for an organization's data: its region on multi-region sentry.io, else the server. */
  orgBase(org: string): string {
    return this.regionByOrg.get(org) ?? this.baseUrl;
  }

  private rememberRegion(org: Organization): void {
    if (!org.regionUrl || !isTrustedRegionUrl(this.baseUrl, org.regionUrl)) return;
    const region = normalizeRegion(org.regionUrl);
    this.trustedOrigins.add(new URL(region).origin);
    this.regionByOrg.set(org.slug, region);
  }

  protected get(
    base: string,
    path: string,
    query: Record<string, string | undefined>,
    endpoint: Endpoint,
    options: RequestOptions,
  ): Promise<TransportResponse> {
    const url = buildUrl(base, path, query);
    return this.cache.get(url, (signal) => this.transport.send({ url, endpoint, signal }), options);
  }
}

function safeParseEvent(raw: unknown): SentryEvent | undefined {
  return obj(raw) ? parseEvent(raw) : undefined;
}

function buildUrl(base: string, path: string, query: Record<string, string | undefined>): string {
  const url = new URL(base + path);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.append(key, value);
  }
  return url.toString();
}

function normalizeRegion(regionUrl: string): string {
  const url = new URL(regionUrl);
  return `${url.origin}${url.pathname.replace(/\/+$/, '').replace(/\/api\/0$/, '')}`;
}
