/**
 * What a user pastes to open an issue or an event — a short id, a numeric issue id, an event id
 * (with its project or not), or a Sentry web or API URL of an issue or event in any of the shapes
 * Sentry writes them — read into what to look up. No network: resolving is the caller's job.
 */

/** An event of an issue: its 32-hex id, or one Sentry picks for the issue. */
export type IssueEventId = string;

export type OpenTarget =
  /** `eventId`: a 32-hex event id or `latest` / `oldest` / `recommended`. */
  | { kind: 'issue'; issueId: string; org?: string; eventId?: IssueEventId }
  | { kind: 'shortId'; shortId: string; org?: string; eventId?: IssueEventId }
  | { kind: 'event'; eventId: string; org?: string; project?: string }
  /** A published issue's public link (`/share/issue/{shareId}/`): it names neither the organization nor the issue id. */
  | { kind: 'sharedIssue'; shareId: string; org?: string };

/** Where a pasted URL points: the site it is on, which may not be the server the user is signed in to. */
export interface LinkSite {
  /** The URL as pasted (query and fragment dropped). */
  url: string;
  /** `https://host[:port]` plus the path prefix a self-hosted Sentry is served under (`/sentry`), no trailing slash. */
  base: string;
  host: string;
  /** The organization the host names (`acme.sentry.io`), when it names one. */
  orgOfHost?: string;
}

export type ParsedOpenInput =
  | { ok: true; target: OpenTarget; link?: LinkSite }
  | { ok: false; reason: string };

export const PINNED_EVENT_WORDS: readonly string[] = ['latest', 'oldest', 'recommended'];

const EVENT_ID = /^[0-9a-f]{32}$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMERIC_ID = /^\d{1,20}$/;
/** `BACKEND-1A2`, `API-SERVER-7`: a project's short name (a letter first), a dash, then base-32 digits. */
const SHORT_ID = /^[a-z][a-z0-9_-]*-[0-9a-z]{1,16}$/i;
const SLUG = /^[a-z0-9][a-z0-9_.-]{0,99}$/i;
/** `api-server:0a1b…`, `demo-org/api-server:0a1b…`, `api-server 0a1b…`. */
const PROJECT_EVENT = /^(?:([a-z0-9][a-z0-9_.-]*)\/)?([a-z0-9][a-z0-9_.-]*)\s*[:/\s]\s*([0-9a-f-]{32,36})$/i;
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`]+/i;
const HOST_AND_PATH = /^(?:localhost|(?:[a-z0-9-]+\.)+[a-z]{2,}|\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?\/\S*$/i;
/** Labels of sentry.io hosts that are not organizations: regions and Sentry's own sites. */
const SENTRY_IO_SITE_LABELS = new Set(['us', 'de', 'www', 'docs', 'blog', 'status', 'develop', 'changelog', 'api']);
const MAX_INPUT = 4000;

/** Reads what the user gave; `reason` says in plain words why it is none of the accepted forms. */
export function parseOpenInput(input: string): ParsedOpenInput {
  const text = stripWrapping(input.slice(0, MAX_INPUT).trim());
  if (!text) return fail('Paste a Sentry link, a short id such as BACKEND-1A2, an issue id or an event id.');
  const url = URL_IN_TEXT.exec(text)?.[0] ?? (HOST_AND_PATH.test(text) ? `https://${text}` : undefined);
  if (url) return parseSentryUrl(trimTrailingPunctuation(url));
  const word = text;
  const eventId = normalizeEventId(word);
  if (eventId) return { ok: true, target: { kind: 'event', eventId } };
  if (NUMERIC_ID.test(word)) return { ok: true, target: { kind: 'issue', issueId: word } };
  const projectEvent = PROJECT_EVENT.exec(word);
  if (projectEvent) {
    const id = normalizeEventId(projectEvent[3]);
    if (id) return { ok: true, target: definedTarget({ kind: 'event', eventId: id, project: projectEvent[2], org: projectEvent[1] }) };
  }
  if (SHORT_ID.test(word) && /[a-z]/i.test(word)) return { ok: true, target: { kind: 'shortId', shortId: word.toUpperCase() } };
  return fail(`"${word.length > 80 ? `${word.slice(0, 80)}…` : word}" is not a Sentry link, short id (BACKEND-1A2), issue id or event id.`);
}

/** A 32-hex event id in lower case, from its bare or UUID spelling; undefined for anything else. */
export function normalizeEventId(text: string): string | undefined {
  if (EVENT_ID.test(text)) return text.toLowerCase();
  if (UUID.test(text)) return text.replace(/-/g, '').toLowerCase();
  return undefined;
}

/** Whether the text a user types into a search reads as a short id (so Sentry's short-id lookup is asked for). */
export function looksLikeShortId(text: string): boolean {
  const word = text.trim();
  return SHORT_ID.test(word) && /[a-z]/i.test(word);
}

function parseSentryUrl(text: string): ParsedOpenInput {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('That link is not a URL that can be read.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('Only http and https links can be opened.');
  const segments = url.pathname.split('/').filter((s) => s !== '').map(safeDecode);
  const host = url.host.toLowerCase();
  const orgOfHost = organizationOfHost(url.hostname.toLowerCase());
  const found = readPath(segments);
  if (!found) {
    return fail(`${host} is there, but the link is not to an issue or an event (it should contain /issues/{id}/ or /events/{id}/).`);
  }
  const prefix = segments.slice(0, found.at).map(encodeURIComponent).join('/');
  const base = `${url.protocol}//${url.host}${prefix ? `/${prefix}` : ''}`;
  const link: LinkSite = withDefined({ url: `${url.origin}${url.pathname}`, base, host, orgOfHost });
  // The organization a path names wins over the one its host names.
  const target: OpenTarget = found.target.org === undefined && orgOfHost ? { ...found.target, org: orgOfHost } : found.target;
  return { ok: true, target, link };
}

interface PathMatch {
  target: OpenTarget;
  /** Index of the first segment that belongs to Sentry's routes (those before are a path prefix). */
  at: number;
}

/**
 * Finds the first place in the path where one of Sentry's routes begins. Routes, newest first:
 * `organizations/{org}/issues/{id}/[events/{e}/]`, `issues/{id}/[events/{e}/]` (customer domains),
 * `{org}/{project}/issues/{id}/` (old permalinks), `…/discover|performance/{project}:{event}/`,
 * `[organizations/{org}/]share/issue/{shareId}/`, and the API's `api/0/…` forms.
 */
function readPath(segments: string[]): PathMatch | undefined {
  for (let i = 0; i < segments.length; i++) {
    const match = readApiPath(segments, i) ?? readWebPath(segments, i);
    if (match) return match;
  }
  return undefined;
}

function readWebPath(s: string[], i: number): PathMatch | undefined {
  if (s[i] === 'organizations' && isSlug(s[i + 1])) {
    const org = s[i + 1];
    const rest = readOrgScoped(s, i + 2, org);
    return rest && { target: rest, at: i };
  }
  const scoped = readOrgScoped(s, i, undefined);
  if (scoped) return { target: scoped, at: i };
  // Old permalinks: /{org}/{project}/issues/{id}/ (the form in Sentry's API spec examples).
  if (isSlug(s[i]) && isSlug(s[i + 1]) && s[i + 2] === 'issues' && s[i + 3] !== undefined) {
    const issue = issueTarget(s[i + 3], s[i]);
    if (issue) return { target: withEvent(issue, s, i + 4), at: i };
  }
  return undefined;
}

/** The routes below an organization (or on its own host, when `org` is undefined). */
function readOrgScoped(s: string[], i: number, org: string | undefined): OpenTarget | undefined {
  const word = s[i];
  if ((word === 'issues' || word === 'groups') && s[i + 1] !== undefined) {
    const issue = issueTarget(s[i + 1], org);
    return issue && withEvent(issue, s, i + 2);
  }
  if ((word === 'discover' || word === 'performance') && s[i + 1] !== undefined) {
    const [project, id] = s[i + 1].split(':');
    const eventId = id === undefined ? undefined : normalizeEventId(id);
    if (eventId && isSlug(project)) return definedTarget({ kind: 'event', eventId, project, org });
    return undefined;
  }
  if (word === 'share' && s[i + 1] === 'issue' && s[i + 2] !== undefined && /^[0-9a-f-]{32,36}$/i.test(s[i + 2])) {
    return definedTarget({ kind: 'sharedIssue', shareId: s[i + 2].replace(/-/g, '').toLowerCase(), org });
  }
  return undefined;
}

/** `api/0/organizations/{org}/issues/{id}/…`, `api/0/issues/{id}/…`, `api/0/projects/{org}/{p}/events/{e}/`, `…/shortids/{s}/`, `…/eventids/{e}/`. */
function readApiPath(s: string[], i: number): PathMatch | undefined {
  if (s[i] !== 'api' || s[i + 1] !== '0') return undefined;
  const j = i + 2;
  if (s[j] === 'organizations' && isSlug(s[j + 1])) {
    const org = s[j + 1];
    if (s[j + 2] === 'shortids' && s[j + 3] && SHORT_ID.test(s[j + 3])) return { target: { kind: 'shortId', shortId: s[j + 3].toUpperCase(), org }, at: i };
    const eventId = s[j + 2] === 'eventids' && s[j + 3] ? normalizeEventId(s[j + 3]) : undefined;
    if (eventId) return { target: { kind: 'event', eventId, org }, at: i };
    const scoped = readOrgScoped(s, j + 2, org);
    return scoped && { target: scoped, at: i };
  }
  if ((s[j] === 'issues' || s[j] === 'groups') && s[j + 1] !== undefined) {
    const issue = issueTarget(s[j + 1], undefined);
    return issue && { target: withEvent(issue, s, j + 2), at: i };
  }
  if (s[j] === 'projects' && isSlug(s[j + 1]) && isSlug(s[j + 2]) && s[j + 3] === 'events' && s[j + 4]) {
    const eventId = normalizeEventId(s[j + 4]);
    return eventId ? { target: { kind: 'event', eventId, org: s[j + 1], project: s[j + 2] }, at: i } : undefined;
  }
  return undefined;
}

/** The issue segment of a path: a numeric id, or a short id (Sentry's issue pages accept both). */
function issueTarget(segment: string, org: string | undefined): OpenTarget | undefined {
  if (NUMERIC_ID.test(segment)) return definedTarget({ kind: 'issue', issueId: segment, org });
  if (SHORT_ID.test(segment) && /[a-z]/i.test(segment)) return definedTarget({ kind: 'shortId', shortId: segment.toUpperCase(), org });
  return undefined;
}

/** Adds `events/{id}/` when it follows: an event id, or latest / oldest / recommended; any other (an old numeric event key) is left out. */
function withEvent(target: OpenTarget, s: string[], i: number): OpenTarget {
  if (s[i] !== 'events' || s[i + 1] === undefined || (target.kind !== 'issue' && target.kind !== 'shortId')) return target;
  const word = s[i + 1].toLowerCase();
  const eventId = PINNED_EVENT_WORDS.includes(word) ? word : normalizeEventId(word);
  return eventId ? { ...target, eventId } : target;
}

/** `acme.sentry.io` → `acme`; regions (`us.sentry.io`) and Sentry's own sites name no organization. */
function organizationOfHost(hostname: string): string | undefined {
  const match = /^([a-z0-9-]+)\.sentry\.io$/.exec(hostname);
  if (!match || SENTRY_IO_SITE_LABELS.has(match[1])) return undefined;
  return match[1];
}

function isSlug(value: string | undefined): value is string {
  return value !== undefined && SLUG.test(value) && !['organizations', 'issues', 'api', 'share', 'settings'].includes(value);
}

function stripWrapping(text: string): string {
  const pairs: Array<[string, string]> = [['<', '>'], ['"', '"'], ["'", "'"], ['`', '`'], ['(', ')'], ['[', ']']];
  let current = text;
  for (let changed = true; changed; ) {
    changed = false;
    for (const [open, close] of pairs) {
      if (current.length >= 2 && current.startsWith(open) && current.endsWith(close)) {
        current = current.slice(1, -1).trim();
        changed = true;
      }
    }
  }
  return current;
}

/** Chat and mail put punctuation after a link: `(see https://…/issues/1/).` */
function trimTrailingPunctuation(url: string): string {
  return url.replace(/[).,;:!?\]>'"]+$/, '');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function fail(reason: string): ParsedOpenInput {
  return { ok: false, reason };
}

function definedTarget(target: OpenTarget): OpenTarget {
  return withDefined(target);
}

/** Drops keys whose value is undefined, so targets compare and print cleanly. */
function withDefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
  return value;
}
