import type { IssueUpdate } from '../sentry/api/client';
import type { Issue } from '../sentry/api/types';

/**
 * The issue actions of Sentry's web UI as API changes: what `PUT …/issues/{id}/` is sent, and what
 * the issue will look like once Sentry accepts it (shown at once, rolled back on refusal). No
 * `vscode`: the commands, a webview message and a test all build their change here.
 */

/** How long an issue stays ignored ("archived" in today's Sentry). */
export type IgnoreChoice =
  | 'forever'
  | 'untilEscalating'
  /** Minutes. */
  | { forDuration: number }
  /** Until it happens this many more times (within `window` minutes, when given). */
  | { untilCount: number; window?: number }
  /** Until this many more users see it (within `window` minutes, when given). */
  | { untilUserCount: number; window?: number };

export type IssueAction =
  | { kind: 'resolve' }
  | { kind: 'resolveInNextRelease' }
  | { kind: 'unresolve' }
  | { kind: 'ignore'; ignore: IgnoreChoice }
  /** `actor`: `user:12`, `team:4`, or null to unassign; `name` shows until Sentry answers. */
  | { kind: 'assign'; actor: string | null; name?: string }
  | { kind: 'bookmark'; bookmarked: boolean };

export interface IssueChange {
  update: IssueUpdate;
  /** The fields the issue shows before Sentry answers. */
  shows: Partial<Issue>;
  /** "resolved", "ignored for 1 hour": what happened, for messages. */
  done: string;
}

/** Sentry caps the windows of "until N more" at a week (`ignoreWindow` ≤ 10080 minutes). */
export const MAX_IGNORE_WINDOW_MINUTES = 10_080;
const MAX_COUNT = 1_000_000_000;
const MAX_DURATION_MINUTES = 60 * 24 * 365;

const NOT_IGNORED: Partial<Issue> = { ignoredUntil: undefined, ignoredUntilCount: undefined, ignoredUntilUserCount: undefined };

export function issueChange(action: IssueAction, now = Date.now()): IssueChange {
  switch (action.kind) {
    case 'resolve':
      return { update: { status: 'resolved' }, shows: { status: 'resolved', substatus: undefined, resolvedInNextRelease: undefined, ...NOT_IGNORED }, done: 'resolved' };
    case 'resolveInNextRelease':
      return {
        update: { status: 'resolved', statusDetails: { inNextRelease: true } },
        shows: { status: 'resolved', substatus: undefined, resolvedInNextRelease: true, ...NOT_IGNORED },
        done: 'resolved in the next release',
      };
    case 'unresolve':
      return { update: { status: 'unresolved', substatus: 'ongoing' }, shows: { status: 'unresolved', substatus: 'ongoing', resolvedInNextRelease: undefined, ...NOT_IGNORED }, done: 'unresolved' };
    case 'ignore':
      return ignoreChange(action.ignore, now);
    case 'assign':
      return {
        update: { assignedTo: action.actor ?? '' },
        shows: { assignedTo: action.actor ?? undefined, assignee: action.actor ? action.name : undefined },
        done: action.actor ? `assigned to ${action.name ?? action.actor}` : 'unassigned',
      };
    case 'bookmark':
      return { update: { isBookmarked: action.bookmarked }, shows: { isBookmarked: action.bookmarked }, done: action.bookmarked ? 'bookmarked' : 'no longer bookmarked' };
  }
}

function ignoreChange(choice: IgnoreChoice, now: number): IssueChange {
  const ignored = { status: 'ignored', resolvedInNextRelease: undefined, ...NOT_IGNORED } as const;
  if (choice === 'forever') {
    return { update: { status: 'ignored', substatus: 'archived_forever', statusDetails: {} }, shows: { ...ignored, substatus: 'archived_forever' }, done: 'ignored forever' };
  }
  if (choice === 'untilEscalating') {
    return {
      update: { status: 'ignored', substatus: 'archived_until_escalating', statusDetails: {} },
      shows: { ...ignored, substatus: 'archived_until_escalating' },
      done: 'ignored until it escalates',
    };
  }
  const substatus = 'archived_until_condition_met';
  if ('forDuration' in choice) {
    return {
      update: { status: 'ignored', substatus, statusDetails: { ignoreDuration: choice.forDuration } },
      shows: { ...ignored, substatus, ignoredUntil: new Date(now + choice.forDuration * 60_000).toISOString() },
      done: `ignored for ${durationWords(choice.forDuration)}`,
    };
  }
  const within = choice.window === undefined ? '' : ` within ${durationWords(choice.window)}`;
  if ('untilCount' in choice) {
    const details = choice.window === undefined ? { ignoreCount: choice.untilCount } : { ignoreCount: choice.untilCount, ignoreWindow: choice.window };
    return {
      update: { status: 'ignored', substatus, statusDetails: details },
      shows: { ...ignored, substatus, ignoredUntilCount: choice.untilCount },
      done: `ignored until it happens ${choice.untilCount} more time${choice.untilCount === 1 ? '' : 's'}${within}`,
    };
  }
  const details = choice.window === undefined ? { ignoreUserCount: choice.untilUserCount } : { ignoreUserCount: choice.untilUserCount, ignoreUserWindow: choice.window };
  return {
    update: { status: 'ignored', substatus, statusDetails: details },
    shows: { ...ignored, substatus, ignoredUntilUserCount: choice.untilUserCount },
    done: `ignored until ${choice.untilUserCount} more user${choice.untilUserCount === 1 ? '' : 's'} see it${within}`,
  };
}

/**
 * An ignore choice from a caller (a webview message, a test, a link): `"forever"`, `"untilEscalating"`,
 * `{forDuration: 60}`, `{untilCount: 100, window?: 60}`, `{untilUserCount: 10, window?: 60}`.
 * Anything else — wrong types, zero, fractions, absurd sizes — is undefined.
 */
export function readIgnoreChoice(value: unknown): IgnoreChoice | undefined {
  if (value === 'forever' || value === 'untilEscalating') return value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = ownFields(value, ['forDuration', 'untilCount', 'untilUserCount', 'window']);
  const window = record.window === undefined ? undefined : wholeNumber(record.window, MAX_IGNORE_WINDOW_MINUTES);
  if (record.window !== undefined && window === undefined) return undefined;
  const keys = ['forDuration', 'untilCount', 'untilUserCount'].filter((key) => record[key] !== undefined);
  if (keys.length !== 1) return undefined;
  if (keys[0] === 'forDuration') {
    const minutes = wholeNumber(record.forDuration, MAX_DURATION_MINUTES);
    return minutes === undefined || window !== undefined ? undefined : { forDuration: minutes };
  }
  const count = wholeNumber(record[keys[0]], MAX_COUNT);
  if (count === undefined) return undefined;
  const base = keys[0] === 'untilCount' ? { untilCount: count } : { untilUserCount: count };
  return window === undefined ? base : { ...base, window };
}

/** 30 → "30 minutes", 60 → "1 hour", 1440 → "1 day", 10080 → "1 week". */
export function durationWords(minutes: number): string {
  const units: Array<[number, string]> = [[10_080, 'week'], [1440, 'day'], [60, 'hour'], [1, 'minute']];
  for (const [size, word] of units) {
    if (minutes >= size && minutes % size === 0) {
      const n = minutes / size;
      return `${n} ${word}${n === 1 ? '' : 's'}`;
    }
  }
  return `${minutes} minutes`;
}

/** "45m", "6h", "3d", "2w" (or "90" minutes) → minutes; undefined for anything else. */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(\d{1,6})\s*(m|min|minutes?|h|hours?|d|days?|w|weeks?)?\s*$/i.exec(text);
  if (!match) return undefined;
  const unit = (match[2] ?? 'm').toLowerCase()[0];
  const minutes = Number(match[1]) * (unit === 'w' ? 10_080 : unit === 'd' ? 1440 : unit === 'h' ? 60 : 1);
  return minutes > 0 && minutes <= 525_600 ? minutes : undefined;
}

/** "500" or "500 in 1h" → an ignore-until-count choice. */
export function parseCount(text: string): IgnoreChoice | undefined {
  const match = /^\s*(\d{1,9})\s*(?:in\s+(.+))?$/i.exec(text);
  if (!match) return undefined;
  const count = Number(match[1]);
  if (count <= 0) return undefined;
  if (match[2] === undefined) return { untilCount: count };
  const window = parseDuration(match[2]);
  return window !== undefined && window <= MAX_IGNORE_WINDOW_MINUTES ? { untilCount: count, window } : undefined;
}

function wholeNumber(value: unknown, max: number): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 && value <= max ? value : undefined;
}

function ownFields(value: object, keys: readonly string[]): Record<string, unknown> {
  const own: Record<string, unknown> = {};
  for (const key of keys) if (Object.prototype.hasOwnProperty.call(value, key)) own[key] = (value as Record<string, unknown>)[key];
  return own;
}
