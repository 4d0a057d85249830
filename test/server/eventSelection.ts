import { IssueEntry } from './dataStore';
import { DEFAULT_EVENTS_WINDOW_DAYS, Realism } from './realism';
import { badRequest } from './responses';
import { EventSource } from './serverData';

/** The events an issue's event list covers, as positions in the issue's (newest first) events. */
export interface EventSelection {
  total: number;
  /** The issue's event index of the `k`-th selected event. */
  indexAt(k: number): number;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * Sentry's `start` / `end` (both or neither; `start` inclusive, `end` exclusive, compared at whole
 * seconds as Snuba stores event times), `statsPeriod` (realistic mode, from the data set's "now"),
 * and `environment` (repeatable). In realistic mode a list without a range covers Sentry's default
 * 90 days before "now"; otherwise it covers every event, as this server always did.
 */
export function selectEvents(entry: IssueEntry, query: URLSearchParams, realism: Realism | undefined): EventSelection {
  const range = requestedRange(query, realism);
  const events = entry.events;
  const timeAt = (index: number) => Math.floor(eventTime(events, index) / 1000) * 1000;
  // Newest first: the selected range is one run of indexes, found by binary search.
  const endInclusive = realism?.rangeEndInclusive ?? false;
  const first = range ? firstIndexWhere(events.length, (i) => (endInclusive ? timeAt(i) <= range.endMs : timeAt(i) < range.endMs)) : 0;
  const last = range ? firstIndexWhere(events.length, (i) => timeAt(i) < range.startMs) : events.length;
  const environments = query.getAll('environment').filter((e) => e !== '');
  if (environments.length === 0) return { total: Math.max(0, last - first), indexAt: (k) => first + k };
  const matching: number[] = [];
  for (let i = first; i < last; i++) if (environments.includes(environmentOf(events, i))) matching.push(i);
  return { total: matching.length, indexAt: (k) => matching[k] };
}

function requestedRange(query: URLSearchParams, realism: Realism | undefined): { startMs: number; endMs: number } | undefined {
  const start = query.get('start');
  const end = query.get('end');
  if (start || end) {
    if (!start || !end) throw badRequest('start and end are both required');
    const startMs = parseSentryDate(start);
    const endMs = parseSentryDate(end);
    if (startMs >= endMs) throw badRequest('start must be before end');
    return { startMs, endMs };
  }
  if (!realism) return undefined;
  const nowMs = Date.parse(realism.now);
  const period = query.get('statsPeriod');
  if (period) return { startMs: nowMs - parseStatsPeriod(period), endMs: nowMs };
  return { startMs: nowMs - DEFAULT_EVENTS_WINDOW_DAYS * DAY_MS, endMs: nowMs };
}

/** What Sentry's `parse_datetime_string` reads: ISO 8601 with optional fraction, `Z` or `+00:00`, or a date. */
function parseSentryDate(value: string): number {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2})(\.\d{1,6})?)?(Z|\+00:00)?$/.exec(value);
  const ms = match ? Date.parse(`${match[1]}T${match[2] ?? '00:00:00'}${(match[3] ?? '').slice(0, 4)}Z`) : NaN;
  if (!Number.isFinite(ms)) throw badRequest(`${value} is not a valid ISO8601 date query`);
  return ms;
}

function parseStatsPeriod(value: string): number {
  const match = /^(\d+)([smhdw])$/.exec(value);
  if (!match) throw badRequest(`Invalid statsPeriod: '${value}'`);
  const unit = { s: 1000, m: 60_000, h: 3_600_000, d: DAY_MS, w: 7 * DAY_MS }[match[2] as 's' | 'm' | 'h' | 'd' | 'w'];
  return Number(match[1]) * unit;
}

function eventTime(events: EventSource, index: number): number {
  return events.timeAt ? events.timeAt(index) : Date.parse(events.at(index).dateCreated);
}

function environmentOf(events: EventSource, index: number): string {
  return events.environmentAt ? events.environmentAt(index) : (events.at(index).tags.find((t) => t.key === 'environment')?.value ?? '');
}

/** The first index in 0..length for which `test` holds, given it holds for every index after it too. */
function firstIndexWhere(length: number, test: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (test(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}
