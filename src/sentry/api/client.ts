import { apiPath } from './apiPath';
import { type AuthError, CancelledError, isSentryApiError, NotSentryError } from '../http/errors';
import { type Logger, silentLogger } from '../http/logger';
import { Endpoint, FetchLike, HttpTransport, RateLimitNotice, TransportResponse } from '../http/transport';
import { ENDPOINTS } from './endpoints';
import { LinkCursors, parseLinkHeader } from '../http/linkHeader';
import { hostOf } from '../http/responseErrors';
import { isTrustedRegionUrl, normalizeBaseUrl } from '../http/origins';
import { type AnswerSource, ResponseCache } from '../http/responseCache';
import { expectObject, parseIssue, parseList, parseOrganization, parseProject } from './responseParsers';
import type { SentryEvent } from '../event/eventModel';
import { parseEvent } from '../event/eventParser';
import { SentryCodeMapping, parseCodeMapping } from './codeMappingParser';
import { asRecord, nonEmptyText } from '../json/jsonValues';
import type { Issue, Organization, Project } from './types';
import type { Page } from '../http/page';
import { IssueEventsRange, RawEventsPage, readRawEvents } from './rawEvents';

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
  /** Each request as method, path, status, time and whether the cache answered (debug level); failures as warnings. */
  logger?: Logger;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Skip the cache and fetch anew (the new answer replaces the cached one). */
  refresh?: boolean;
}

export type IssueSort = 'date' | 'new' | 'freq' | 'user';

/** The fields of `PUT …/issues/{id}/` the extension sends. */
export interface IssueUpdate {
  status?: 'resolved' | 'unresolved' | 'ignored' | 'resolvedInNextRelease';
  substatus?: string;
  statusDetails?: Record<string, unknown>;
  /** `user:<id>`, `team:<id>`, a username or e-mail; null to unassign. */
  assignedTo?: string | null;
  isBookmarked?: boolean;
  hasSeen?: boolean;
}

export interface IssueListParams {
  /** A project id, or `-1` for every project the token can see. */
  project?: string;
  query?: string;
  sort?: IssueSort;
  cursor?: string;
  limit?: number;
  /** A query that is exactly a short id answers with that issue (`shortIdLookup=1`). */
  shortIdLookup?: boolean;
}

const VERSION = '0.1.0';
const MAX_CODE_MAPPING_PAGES = 5;

/** Sentry's REST API (`/api/0/`), read with a bearer token. One instance per signed-in server. */
export class SentryClient {
  readonly baseUrl: string;
  private readonly transport: HttpTransport;
  private readonly cache: ResponseCache<TransportResponse>;
  private readonly trustedOrigins = new Set<string>();
  private readonly regionByOrg = new Map<string, string>();
  private readonly logger: Logger;

  constructor(options: SentryClientOptions) {
    this.baseUrl = normalizeBaseUrl(options.baseUrl);
    this.logger = options.logger ?? silentLogger;
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
    return { items, ...this.cursors(this.baseUrl, response) };
  }

  async listProjects(org: string, params: { cursor?: string } = {}, options: RequestOptions = {}): Promise<Page<Project>> {
    const response = await this.get(this.orgBase(org), apiPath`/organizations/${org}/projects/`, { cursor: params.cursor }, ENDPOINTS.projects, options);
    return { items: parseList(response.json, 'projects', (raw) => parseProject(raw, org)), ...this.cursors(this.orgBase(org), response) };
  }

  /** The organization-scoped issue search; `query` is Sentry's search syntax ("" lists every status). */
  async listIssues(org: string, params: IssueListParams = {}, options: RequestOptions = {}): Promise<Page<Issue>> {
    const query = {
      project: params.project,
      query: params.query ?? 'is:unresolved',
      sort: params.sort ?? 'date',
      limit: String(params.limit ?? 25),
      cursor: params.cursor,
      shortIdLookup: params.shortIdLookup ? '1' : undefined,
    };
    const response = await this.get(this.orgBase(org), apiPath`/organizations/${org}/issues/`, query, ENDPOINTS.issues, options);
    return { items: parseList(response.json, 'issues', parseIssue), ...this.cursors(this.orgBase(org), response) };
  }

  async getIssue(org: string, issueId: string, options: RequestOptions = {}): Promise<Issue> {
    const response = await this.get(this.orgBase(org), apiPath`/organizations/${org}/issues/${issueId}/`, {}, ENDPOINTS.issue, options);
    const issue = parseIssue(expectObject(response.json, 'an issue'));
    if (!issue) throw new NotSentryError(`Sentry's answer for issue ${issueId} has no id.`);
    return issue;
  }

  /** Changes an issue (status, assignee, bookmark…): `PUT …/issues/{id}/` with `event:write`; Sentry answers with the issue. */
  async updateIssue(org: string, issueId: string, change: IssueUpdate, options: RequestOptions = {}): Promise<Issue> {
    const response = await this.put(this.orgBase(org), apiPath`/organizations/${org}/issues/${issueId}/`, change, ENDPOINTS.updateIssue, options);
    this.forgetIssue(org, issueId);
    const issue = parseIssue(expectObject(response.json, 'an issue'));
    if (!issue) throw new NotSentryError(`Sentry's answer for issue ${issueId} has no id.`);
    return issue;
  }

  /** One event by its id, through its project (for an event whose issue is not known). */
  async getProjectEvent(org: string, project: string, eventId: string, options: RequestOptions = {}): Promise<SentryEvent> {
    const response = await this.get(this.orgBase(org), apiPath`/projects/${org}/${project}/events/${eventId}/`, {}, ENDPOINTS.projectEvent, options);
    return parseEvent(expectObject(response.json, 'an event'));
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
    return { items: parseList(response.json, 'events', safeParseEvent), ...this.cursors(this.orgBase(org), response) };
  }

  /**
   * One page of an issue's full events exactly as Sentry sent them, for exports: read as the body
   * arrives, never parsed into the model nor cached (an export reads each page once and holds none).
   * The next cursor is only taken from a link on this Sentry; a next link elsewhere ends the list (`end`).
   */
  async issueEventsPage(
    org: string,
    issueId: string,
    params: IssueEventsRange & { cursor?: string } = {},
    options: { signal?: AbortSignal } = {},
  ): Promise<RawEventsPage> {
    const query = { full: 'true', per_page: '100', start: params.start, end: params.end, environment: params.environment, cursor: params.cursor };
    const base = this.orgBase(org);
    const url = buildUrl(base, apiPath`/organizations/${org}/issues/${issueId}/events/`, query);
    const started = performance.now();
    try {
      const { page, status } = await this.transport.stream({ url, endpoint: ENDPOINTS.events, signal: options.signal }, async (body, head) => ({
        page: { items: await readRawEvents(body, hostOf(url), head.status), ...this.cursors(base, head), rateLimit: head.rateLimit },
        status: head.status,
      }));
      this.logger.debug(requestLine('GET', url, String(status), started, 'network'));
      return page;
    } catch (error) {
      this.logFailure('GET', url, started, error);
      throw error;
    }
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
    const issue = parseIssue(asRecord(expectObject(response.json, 'a short id lookup').group));
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
    return { sourcePath: nonEmptyText(json.sourcePath), sourceUrl: nonEmptyText(json.sourceUrl), error: nonEmptyText(json.error) ?? (asRecord(json.config) ? undefined : 'no_code_mappings_for_project') };
  }

  /**
   * A project's Sentry code mappings, to apply locally instead of one `stacktrace-link` request per frame.
   * A private endpoint: some servers and tokens refuse it (403 / 404). Follows a few pages at most.
   */
  async listCodeMappings(org: string, projectId: string, options: RequestOptions = {}): Promise<SentryCodeMapping[]> {
    const mappings: SentryCodeMapping[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_CODE_MAPPING_PAGES; page++) {
      const query = { project: projectId, cursor };
      const response = await this.get(this.orgBase(org), apiPath`/organizations/${org}/code-mappings/`, query, ENDPOINTS.codeMappings, options);
      mappings.push(...parseList(response.json, 'code mappings', parseCodeMapping));
      cursor = this.cursors(this.orgBase(org), response).nextCursor;
      if (!cursor) break;
    }
    return mappings;
  }

  /** Forget every cached answer (after sign-out, or when the user asks for a full refresh). */
  clearCache(): void {
    this.cache.clear();
  }

  /**
   * Forgets the cached answers that held an issue's state: the issue itself (org-scoped and legacy
   * routes), every issue list and count of its organization, and its short-id lookups. Its events
   * stay: a change of status or assignee does not change them. Returns how many answers went.
   */
  forgetIssue(org: string, issueId: string): number {
    const held = new Set([
      apiPath`/organizations/${org}/issues/`,
      apiPath`/organizations/${org}/issues/${issueId}/`,
      apiPath`/organizations/${org}/groups/${issueId}/`,
      apiPath`/issues/${issueId}/`,
      apiPath`/groups/${issueId}/`,
    ]);
    const shortIds = apiPath`/organizations/${org}/shortids/`;
    const projects = apiPath`/projects/${org}/`;
    return this.cache.drop((url) => {
      const path = apiPathOf(url);
      return held.has(path) || path.startsWith(shortIds) || (path.startsWith(projects) && /^[^/]+\/issues\/$/.test(path.slice(projects.length)));
    });
  }

  /**
   * One GET for the readers beside this class (look-ups, assignees, counts): to the organization's
   * region, or to the server when `org` is undefined; cached, logged and rate limited like the rest.
   */
  read(org: string | undefined, path: string, query: Record<string, string | undefined>, endpoint: Endpoint, options: RequestOptions = {}): Promise<TransportResponse> {
    return this.get(org === undefined ? this.baseUrl : this.orgBase(org), path, query, endpoint, options);
  }

  /** The cursor of the page after `response` (an answer `read` gave for `org`), only from a link on this Sentry. */
  nextCursor(org: string | undefined, response: TransportResponse): string | undefined {
    return this.cursors(org === undefined ? this.baseUrl : this.orgBase(org), response).nextCursor;
  }

  /** The API base for an organization's data: its region on multi-region sentry.io, else the server. */
  orgBase(org: string): string {
    return this.regionByOrg.get(org) ?? this.baseUrl;
  }

  /** The next page's cursor, only from a link on this Sentry; otherwise why the list ends here. */
  private cursors(base: string, response: { link?: string }): LinkCursors {
    return parseLinkHeader(response.link, { url: base, isSentryOrigin: (origin) => this.trustedOrigins.has(origin) });
  }

  private rememberRegion(org: Organization): void {
    if (!org.regionUrl || !isTrustedRegionUrl(this.baseUrl, org.regionUrl)) return;
    const region = normalizeRegion(org.regionUrl);
    this.trustedOrigins.add(new URL(region).origin);
    this.regionByOrg.set(org.slug, region);
  }

  protected async get(
    base: string,
    path: string,
    query: Record<string, string | undefined>,
    endpoint: Endpoint,
    options: RequestOptions,
  ): Promise<TransportResponse> {
    const url = buildUrl(base, path, query);
    const started = performance.now();
    let source: AnswerSource = 'network';
    try {
      const response = await this.cache.get(url, (signal) => this.transport.send({ url, endpoint, signal }), {
        ...options,
        onSource: (from) => (source = from),
      });
      this.logger.debug(requestLine('GET', url, String(response.status), started, source));
      return response;
    } catch (error) {
      this.logFailure('GET', url, started, error);
      throw error;
    }
  }

  /** A write: never cached, never shared; the caller forgets the cached answers it made stale. */
  protected async put(base: string, path: string, body: unknown, endpoint: Endpoint, options: RequestOptions): Promise<TransportResponse> {
    const url = buildUrl(base, path, {});
    const started = performance.now();
    try {
      const response = await this.transport.send({ url, endpoint, method: 'PUT', body, signal: options.signal });
      this.logger.debug(requestLine('PUT', url, String(response.status), started, 'network'));
      return response;
    } catch (error) {
      this.logFailure('PUT', url, started, error);
      throw error;
    }
  }

  private logFailure(method: string, url: string, started: number, error: unknown): void {
    if (error instanceof CancelledError) {
      this.logger.debug(requestLine(method, url, 'cancelled', started, 'network'));
      return;
    }
    const status = isSentryApiError(error) && error.status !== undefined ? String(error.status) : 'failed';
    this.logger.warn(requestLine(method, url, status, started, 'network'), error);
  }
}

/** "GET /api/0/organizations/?cursor=… 200 12 ms (cache)": the path and query, never a header or the token. */
function requestLine(method: string, url: string, status: string, started: number, source: AnswerSource): string {
  const parsed = new URL(url);
  const ms = Math.round(performance.now() - started);
  return `${method} ${parsed.host}${parsed.pathname}${parsed.search} ${status} ${ms} ms (${source === 'cache' ? 'cache hit' : source === 'shared' ? 'joined a request in flight' : 'network'})`;
}

function safeParseEvent(raw: unknown): SentryEvent | undefined {
  return asRecord(raw) ? parseEvent(raw) : undefined;
}

function buildUrl(base: string, path: string, query: Record<string, string | undefined>): string {
  const url = new URL(base + path);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.append(key, value);
  }
  return url.toString();
}

/** The `/api/0/…` part of a request URL (a self-hosted Sentry may sit below a path prefix). */
function apiPathOf(url: string): string {
  const path = new URL(url).pathname;
  const at = path.indexOf('/api/0/');
  return at < 0 ? path : path.slice(at);
}

function normalizeRegion(regionUrl: string): string {
  const url = new URL(regionUrl);
  return `${url.origin}${url.pathname.replace(/\/+$/, '').replace(/\/api\/0$/, '')}`;
}
