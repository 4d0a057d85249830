/**
 * Small serialisable references to Sentry data, what every command acting on an organization, a
 * project, an issue or an event takes: from the tree (a node gives its `ref`), the palette, a
 * `vscode://` link, a webview message or a test. The readers below check unknown input at that
 * boundary and copy only the fields they know. Self-contained (no imports): the webview's script
 * compiles the frame references too.
 */

export interface OrgRef {
  /** The organization's slug. */
  org: string;
}

export interface ProjectRef {
  org: string;
  /** The project's slug. */
  project: string;
}

export interface IssueRef {
  org: string;
  issueId: string;
}

export interface EventRef {
  org: string;
  /** The project's slug: events are keyed by organization, project and event id. */
  project: string;
  eventId: string;
  /** The issue (group) it belongs to, when known: its events are read through it. */
  issueId?: string;
}

export type SentryRef = OrgRef | ProjectRef | IssueRef | EventRef;

/** A stack of an event: an exception of the chain or a thread (indices in the model's order), or the bare stack trace. */
export type StackRef = { kind: 'exception'; index: number } | { kind: 'thread'; index: number } | { kind: 'stacktrace' };

/** A frame by its index in Sentry's order (caller first, the frame that raised last). */
export interface FrameRef {
  stack: StackRef;
  frame: number;
}

const MAX_ID_LENGTH = 200;
const CONTROL_OR_SPACE = /[\s\u0000-\u001f\u007f-\u009f]/;

/** A slug or id as data may carry it: non-empty, short, one word, never a path step. */
export function isIdText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH && !CONTROL_OR_SPACE.test(value) && value !== '.' && value !== '..';
}

export function readOrgRef(value: unknown): OrgRef | undefined {
  const record = plainRecord(value);
  return record && isIdText(record.org) ? { org: record.org } : undefined;
}

export function readProjectRef(value: unknown): ProjectRef | undefined {
  const record = plainRecord(value);
  if (!record || !isIdText(record.org) || !isIdText(record.project) || 'eventId' in record || 'issueId' in record) return undefined;
  return { org: record.org, project: record.project };
}

export function readIssueRef(value: unknown): IssueRef | undefined {
  const record = plainRecord(value);
  if (!record || !isIdText(record.org) || !isIdText(record.issueId) || 'eventId' in record) return undefined;
  return { org: record.org, issueId: record.issueId };
}

export function readEventRef(value: unknown): EventRef | undefined {
  const record = plainRecord(value);
  if (!record || !isIdText(record.org) || !isIdText(record.project) || !isIdText(record.eventId)) return undefined;
  if (record.issueId !== undefined && !isIdText(record.issueId)) return undefined;
  return record.issueId === undefined
    ? { org: record.org, project: record.project, eventId: record.eventId }
    : { org: record.org, project: record.project, eventId: record.eventId, issueId: record.issueId };
}

/** The most specific reference `value` is or gives (a node's `ref`): an event, an issue, a project, then an organization. */
export function refOf(value: unknown): SentryRef | undefined {
  return eventRefOf(value) ?? issueRefOf(value) ?? projectRefOf(value) ?? orgRefOf(value);
}

export function eventRefOf(value: unknown): EventRef | undefined {
  return readEventRef(value) ?? readEventRef(givenRef(value));
}

export function issueRefOf(value: unknown): IssueRef | undefined {
  return readIssueRef(value) ?? readIssueRef(givenRef(value));
}

export function projectRefOf(value: unknown): ProjectRef | undefined {
  return readProjectRef(value) ?? readProjectRef(givenRef(value));
}

export function orgRefOf(value: unknown): OrgRef | undefined {
  return readOrgRef(value) ?? readOrgRef(givenRef(value));
}

/** Store keys: one string per referenced thing (slugs and ids cannot hold the separator). */
export function orgKey(ref: OrgRef): string {
  return `org ${ref.org}`;
}

export function projectKey(ref: ProjectRef): string {
  return `project ${ref.org} ${ref.project}`;
}

export function issueKey(ref: IssueRef): string {
  return `issue ${ref.org} ${ref.issueId}`;
}

export function eventKey(ref: EventRef): string {
  return `event ${ref.org} ${ref.project} ${ref.eventId}`;
}

export function readFrameRef(value: unknown): FrameRef | undefined {
  const record = plainRecord(value);
  if (!record) return undefined;
  const stack = readStackRef(record.stack);
  return stack && isIndex(record.frame) ? { stack, frame: record.frame } : undefined;
}

export function readStackRef(value: unknown): StackRef | undefined {
  const record = plainRecord(value);
  if (!record) return undefined;
  if (record.kind === 'stacktrace') return { kind: 'stacktrace' };
  if ((record.kind === 'exception' || record.kind === 'thread') && isIndex(record.index)) return { kind: record.kind, index: record.index };
  return undefined;
}

export function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** A node (or anything) that names what it shows by a `ref` property. */
function givenRef(value: unknown): unknown {
  // A getter on a row's class counts: rows are objects of this extension, not data.
  return typeof value === 'object' && value !== null && 'ref' in value ? value.ref : undefined;
}

/** The object's own properties only: nothing read from a prototype (a crafted `{__proto__: {org}}` names nothing). */
function plainRecord(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const own: Record<string, unknown> = {};
  for (const key of ['org', 'project', 'issueId', 'eventId', 'stack', 'frame', 'kind', 'index']) {
    if (Object.prototype.hasOwnProperty.call(value, key)) own[key] = (value as Record<string, unknown>)[key];
  }
  return own;
}
