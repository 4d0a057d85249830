import { IssueRef, issueRefOf } from '../model/refs';
import type { DateRange, DownloadFormat } from '../sentry/download/downloadTypes';

/** What the user would otherwise choose in the save dialog and the options picker. */
export interface DownloadChoices {
  targetPath: string;
  format: DownloadFormat;
  range?: DateRange;
  environment?: string;
  /** Open the file once every event is in it (see openDownloadedFile). */
  openWhenDone?: boolean;
}

/**
 * The download command's argument: an issue ref (`{org, issueId}`) or a tree row that gives one, plus,
 * from a caller that wants no dialogs, `targetPath` and optional `format`, `start`, `end` (ISO 8601)
 * `environment`, and `openWhenDone` (true). Anything that names no issue is undefined; a range that cannot be read is refused.
 */
export function readDownloadArgs(value: unknown): { ref: IssueRef; choices?: DownloadChoices } | undefined {
  const ref = issueRefOf(value);
  if (!ref) return undefined;
  const targetPath = nonEmpty(ownField(value, 'targetPath'));
  if (!targetPath) return { ref };
  const formatAsked = ownField(value, 'format');
  const format: DownloadFormat = formatAsked === 'json' ? 'json' : formatAsked === 'ndjson' ? 'ndjson' : formatForPath(targetPath);
  const start = nonEmpty(ownField(value, 'start'));
  const end = nonEmpty(ownField(value, 'end'));
  let range: DateRange | undefined;
  if (start || end) {
    range = parseRange(start ?? '', end ?? '');
    if (!range) throw new Error('The download range needs a start and an end date, the start first (ISO 8601, e.g. 2026-01-31 or 2026-01-31T12:00:00Z).');
  }
  return {
    ref,
    choices: { targetPath, format, range, environment: nonEmpty(ownField(value, 'environment')), openWhenDone: ownField(value, 'openWhenDone') === true },
  };
}

/** `.json` is one JSON array; anything else one event a line. */
export function formatForPath(path: string): DownloadFormat {
  return /\.json$/i.test(path) ? 'json' : 'ndjson';
}

/** Two dates (a bare date is midnight UTC), the start before the end; undefined otherwise. */
export function parseRange(start: string, end: string): DateRange | undefined {
  const from = parseDate(start);
  const to = parseDate(end);
  return from && to && from.getTime() < to.getTime() ? { start: from, end: to } : undefined;
}

function parseDate(value: string): Date | undefined {
  const text = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return undefined;
  const iso = text.replace(' ', 'T');
  const ms = Date.parse(/T/.test(iso) && !/(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? `${iso}Z` : iso);
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}

/** A plain object's own property (never one from a prototype); undefined for anything else. */
function ownField(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
