import { parseApiEvent } from './apiEventParser';
import { FieldReader } from '../json/fieldReader';
import { isList, isRecord, type JsonRecord, ownValue } from '../json/jsonValues';
import type { SentryEvent } from './eventModel';
import { EventParseError } from './eventParseError';
import { locateJsonError } from './jsonErrorLocation';
import { ProblemLog } from './problemLog';
import { parseStoreEvent } from './storeEventParser';

export { EventParseError } from './eventParseError';

const API_KEYS = ['eventID', 'groupID', 'projectID', 'dateCreated', 'dateReceived'];
const STORE_KEYS = ['event_id', 'exception', 'stacktrace', 'threads', 'logentry', 'breadcrumbs', 'timestamp', 'extra', 'request'];
/** Keys only an event has (an issue, project or organization object has none of them). */
const EVENT_KEYS = ['entries', 'eventID', 'event_id', 'exception', 'stacktrace', 'threads', 'logentry', 'breadcrumbs', 'message'];
const LEGACY_PREFIX = 'sentry.interfaces.';

/**
 * One Sentry event, in the API form or the store (SDK) form, as the one model. Never throws for
 * an object, however malformed: unreadable parts are left out and described in `problems`.
 * @throws EventParseError when `input` is not an object.
 */
export function parseEvent(input: unknown): SentryEvent {
  if (!isRecord(input)) throw new EventParseError(`Not an event object: found ${describeType(input)}.`);
  const problems = new ProblemLog();
  const reader = new FieldReader(input, '', problems);
  const parsed = isApiForm(input) ? parseApiEvent(reader, problems) : parseStoreEvent(reader, problems);
  let hasDetail = parsed.hasDetail;
  if (!looksLikeEvent(input)) {
    problems.add('no Sentry event fields were found');
    hasDetail = false;
  }
  return { ...parsed, hasDetail, problems: problems.list() };
}

/**
 * The events in a file's text: one event, an exported array of events, or an object wrapping them
 * (`{events: [...]}`, or the event-id lookup's `{event: {...}}`).
 * @throws EventParseError naming the line and column when the text is not JSON, or when it holds no event.
 */
export function parseEventText(text: string, sourceName = 'The text'): SentryEvent[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new EventParseError(`${sourceName} is empty.`);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    const where = locateJsonError(body, error);
    const hint = where.atEnd ? ' (the file may be cut off)' : '';
    throw new EventParseError(
      `${sourceName} is not valid JSON: ${where.reason} at line ${where.line}, column ${where.column}${hint}.`,
      where.line,
      where.column,
    );
  }
  return eventsIn(json, sourceName);
}

/**
 * The events in a parsed JSON value, as `parseEventText` reads them (for callers that parse the JSON themselves).
 * @throws EventParseError when it holds no event.
 */
export function parseEventJson(json: unknown, sourceName = 'The value'): SentryEvent[] {
  return eventsIn(json, sourceName);
}

function eventsIn(json: unknown, sourceName: string): SentryEvent[] {
  if (isList(json)) return eventList(json, sourceName);
  if (!isRecord(json)) throw new EventParseError(`${sourceName} holds ${describeType(json)}, not a Sentry event.`);
  if (looksLikeEvent(json)) return [parseEvent(json)];
  const wrapped = ownValue(json, 'event');
  if (isRecord(wrapped)) return [parseEvent(wrapped)];
  for (const key of ['events', 'data', 'results']) {
    const list = ownValue(json, key);
    if (isList(list)) return eventList(list, sourceName);
  }
  throw new EventParseError(
    `${sourceName} does not look like a Sentry event: expected an event object, a list of events, or {"events": [...]}.`,
  );
}

function eventList(items: unknown[], sourceName: string): SentryEvent[] {
  const records = items.filter(isRecord);
  if (!records.some(looksLikeEvent)) {
    throw new EventParseError(`${sourceName} holds a list, but none of its ${items.length} items is a Sentry event.`);
  }
  const events = records.map(parseEvent);
  const skipped = items.length - records.length;
  if (skipped > 0) {
    const note = `${skipped} of the ${items.length} items in ${sourceName} are not event objects and were skipped`;
    events[0] = { ...events[0], problems: [note, ...events[0].problems] };
  }
  return events;
}

/** `entries` or the id's spelling decide; failing both, the interfaces present; a bare object counts as store form. */
function isApiForm(record: JsonRecord): boolean {
  if (isList(ownValue(record, 'entries'))) return true;
  if (ownValue(record, 'event_id') !== undefined) return false;
  if (ownValue(record, 'eventID') !== undefined) return true;
  if (hasAny(record, STORE_KEYS) || hasLegacyKey(record)) return false;
  return hasAny(record, API_KEYS);
}

function looksLikeEvent(record: JsonRecord): boolean {
  return hasAny(record, EVENT_KEYS) || hasLegacyKey(record);
}

function hasAny(record: JsonRecord, keys: readonly string[]): boolean {
  return keys.some((key) => ownValue(record, key) !== undefined);
}

function hasLegacyKey(record: JsonRecord): boolean {
  return Object.keys(record).some((key) => key.startsWith(LEGACY_PREFIX));
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (isList(value)) return 'a list';
  return `a ${typeof value}`;
}
