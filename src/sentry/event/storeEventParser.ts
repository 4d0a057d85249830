import { type FieldReader, readObject } from '../json/fieldReader';
import { isRecord, nonEmpty, toNumber } from '../json/jsonValues';
import type { SentryEvent } from './eventModel';
import { parseBreadcrumbs } from './eventBreadcrumbs';
import { parseRequest } from './eventRequest';
import { parseSdk } from './eventSdk';
import { parseTags, tagValue } from './eventTags';
import { capLabel, deriveTitle } from './eventTitle';
import { parseUser } from './eventUser';
import { definedOnly, parseTextFields } from './eventTextFields';
import { parseExceptionInterface, parseThreadInterface } from './exceptionParser';
import { parseStacktrace } from './frameParser';
import type { ProblemLog } from './problemLog';

/** Raven-era SDKs sent `level` as Python's logging number (some as its text, "40"). */
const NUMERIC_LEVELS = new Map<number, string>([
  [10, 'debug'],
  [20, 'info'],
  [30, 'warning'],
  [40, 'error'],
  [50, 'fatal'],
]);

/**
 * The store (SDK / ingestion) form: snake_case, interfaces at the top level under their modern
 * names or their raven-era `sentry.interfaces.*` aliases.
 */
export function parseStoreEvent(reader: FieldReader, problems: ProblemLog): Omit<SentryEvent, 'problems'> {
  const tags = parseTags(reader.raw('tags'), problems);
  const exceptions = parseExceptionInterface(reader.raw('exception', 'sentry.interfaces.Exception'), 'exception', problems);
  const message = storeMessage(reader, problems);
  const eventId = reader.id('event_id');
  if (eventId === undefined) problems.add('the event has no event_id');
  const title = nonEmpty(reader.str('title'));
  return {
    eventId: eventId ?? 'unknown',
    projectId: reader.id('project'),
    title: title === undefined ? deriveTitle(exceptions, message) : capLabel(title),
    message,
    platform: reader.str('platform'),
    level: storeLevel(reader) ?? tagValue(tags, 'level'),
    dateCreated: reader.time('timestamp', 'datetime'),
    culprit: reader.str('culprit'),
    release: nonEmpty(reader.id('release')) ?? tagValue(tags, 'release'),
    environment: reader.str('environment') ?? tagValue(tags, 'environment'),
    user: parseUser(reader.raw('user', 'sentry.interfaces.User'), problems),
    tags,
    exceptions,
    threads: parseThreadInterface(reader.raw('threads', 'sentry.interfaces.Threads'), 'threads', problems),
    stacktrace: parseStacktrace(reader.raw('stacktrace', 'sentry.interfaces.Stacktrace'), 'stacktrace', problems),
    breadcrumbs: parseBreadcrumbs(reader.raw('breadcrumbs', 'sentry.interfaces.Breadcrumbs'), problems),
    request: parseRequest(reader.raw('request', 'sentry.interfaces.Http'), problems),
    contexts: reader.obj('contexts') ?? {},
    extra: reader.obj('extra') ?? {},
    sdk: parseSdk(reader.raw('sdk'), problems),
    ...definedOnly({ modules: parseTextFields(reader.raw('modules'), 'modules', problems) }),
    form: 'store',
    hasDetail: true,
  };
}

/** `logentry` (or raven's `sentry.interfaces.Message`) first, then a plain `message` string. */
function storeMessage(reader: FieldReader, problems: ProblemLog): string | undefined {
  for (const key of ['logentry', 'sentry.interfaces.Message']) {
    const entry = readObject(reader.raw(key), key, problems);
    const text = nonEmpty(entry?.str('formatted')) ?? nonEmpty(entry?.str('message'));
    if (text !== undefined) return text;
  }
  const message = reader.raw('message');
  if (isRecord(message)) {
    const entry = readObject(message, 'message', problems);
    return nonEmpty(entry?.str('formatted')) ?? nonEmpty(entry?.str('message'));
  }
  return nonEmpty(reader.str('message'));
}

function storeLevel(reader: FieldReader): string | undefined {
  const numeric = toNumber(reader.raw('level'));
  const named = numeric === undefined ? undefined : NUMERIC_LEVELS.get(numeric);
  return named ?? nonEmpty(reader.str('level'));
}
