import type { DateRange, IssueFacts } from './downloadTypes';

/** A stretch of time, `startMs` inclusive and `endMs` exclusive, both on whole seconds. */
export interface TimeWindow {
  startMs: number;
  endMs: number;
}

const SECOND = 1000;
/** Used when the issue says neither when it was first seen nor a range was asked for: before Sentry existed. */
const EARLIEST_MS = Date.UTC(2008, 0, 1);

/**
 * What to ask Sentry for: the issue's first to last seen, widened by a margin and cut to the asked
 * range. Sentry's issue events endpoint covers only 90 days when no range is sent, so one is always
 * sent. Undefined when nothing is left (a range outside the issue's life).
 */
export function downloadSpan(issue: IssueFacts, range: DateRange | undefined, marginMs: number, nowMs = Date.now()): TimeWindow | undefined {
  const first = parseTime(issue.firstSeen);
  const last = parseTime(issue.lastSeen);
  let startMs = first === undefined ? EARLIEST_MS : first - marginMs;
  // +1 s: the end is exclusive, and a last-seen time with milliseconds still falls inside.
  let endMs = (last === undefined ? nowMs : last + marginMs) + SECOND;
  if (range) {
    startMs = Math.max(startMs, range.start.getTime());
    endMs = Math.min(endMs, range.end.getTime());
  }
  startMs = Math.floor(startMs / SECOND) * SECOND;
  endMs = Math.ceil(endMs / SECOND) * SECOND;
  return endMs > startMs ? { startMs, endMs } : undefined;
}

/**
 * Splits a span into windows meant to hold about `eventsPerWindow` events each if the events were
 * spread evenly, at most `maxWindows` and none shorter than a second; newest first, as Sentry
 * lists events. Windows touch without overlapping, so every instant is in exactly one.
 */
export function splitIntoWindows(span: TimeWindow, expectedEvents: number, eventsPerWindow: number, maxWindows: number): TimeWindow[] {
  const seconds = (span.endMs - span.startMs) / SECOND;
  const wanted = Math.ceil(Math.max(1, expectedEvents) / Math.max(1, eventsPerWindow));
  const count = Math.max(1, Math.min(wanted, maxWindows, seconds));
  const bounds: number[] = [];
  for (let i = 0; i <= count; i++) bounds.push(span.startMs + Math.round((i * seconds) / count) * SECOND);
  const windows: TimeWindow[] = [];
  for (let i = count; i > 0; i--) windows.push({ startMs: bounds[i - 1], endMs: bounds[i] });
  return windows;
}

/** The form Sentry's `start` / `end` parameters read: ISO 8601 in UTC. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

export function parseTime(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * After a few pages of a window: when its latest page shows events much denser than the window was
 * cut for (a burst), the part not yet covered, from the window's start to the second of the page's
 * oldest event (that second included: repeats are dropped when written), cut into windows of about
 * `eventsPerWindow` events at that density, newest first. Undefined when the window is not dense.
 */
export function splitDenseRemainder(
  window: TimeWindow,
  page: { events: number; newestMs?: number; oldestMs?: number },
  eventsPerWindow: number,
  maxPieces: number,
): TimeWindow[] | undefined {
  const { events, newestMs, oldestMs } = page;
  if (newestMs === undefined || oldestMs === undefined || oldestMs < window.startMs || oldestMs >= window.endMs) return undefined;
  const oldestSecond = Math.floor(oldestMs / SECOND) * SECOND;
  const rest = { startMs: window.startMs, endMs: oldestSecond + SECOND };
  const restMs = rest.endMs - rest.startMs;
  if (restMs < 2 * SECOND || rest.endMs >= window.endMs) return undefined;
  const pageMs = Math.max(SECOND, newestMs - oldestMs + SECOND);
  const expected = (events * restMs) / pageMs;
  if (expected <= 2 * eventsPerWindow) return undefined;
  return splitIntoWindows(rest, expected, eventsPerWindow, maxPieces);
}
