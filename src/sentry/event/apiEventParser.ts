import { type FieldReader, readObject } from '../json/fieldReader';
import { isRecord, nonEmpty, toText } from '../json/jsonValues';
import type { Breadcrumb, EventRequest, ExceptionInfo, SentryEvent, Stacktrace, ThreadInfo } from './eventModel';
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

interface EntryParts {
  exceptions: ExceptionInfo[];
  threads: ThreadInfo[];
  stacktrace?: Stacktrace;
  breadcrumbs: Breadcrumb[];
  request?: EventRequest;
  message?: string;
}

/**
 * The API form (`GET …/events/{id}/`): camelCase, the interfaces in `entries[]`. Without `entries`
 * it is a list summary (the events list without `full=true`): only its top-level fields are read.
 */
export function parseApiEvent(reader: FieldReader, problems: ProblemLog): Omit<SentryEvent, 'problems'> {
  const entries = reader.arr('entries');
  const parts = entries ? readEntries(entries, problems) : emptyParts();
  const tags = parseTags(reader.raw('tags'), problems);
  const message = nonEmpty(reader.str('message')) ?? parts.message;
  const eventId = reader.id('eventID', 'id');
  if (eventId === undefined) problems.add('the event has no eventID');
  const title = nonEmpty(reader.str('title'));
  return {
    eventId: eventId ?? 'unknown',
    groupId: reader.id('groupID', 'groupId'),
    projectId: reader.id('projectID', 'projectId'),
    title: title === undefined ? deriveTitle(parts.exceptions, message) : capLabel(title),
    message,
    platform: reader.str('platform'),
    level: reader.str('level') ?? tagValue(tags, 'level'),
    dateCreated: reader.time('dateCreated'),
    culprit: reader.str('culprit'),
    release: releaseVersion(reader, problems) ?? tagValue(tags, 'release'),
    environment: reader.str('environment') ?? tagValue(tags, 'environment'),
    user: parseUser(reader.raw('user'), problems),
    tags,
    exceptions: parts.exceptions,
    threads: parts.threads,
    stacktrace: parts.stacktrace,
    breadcrumbs: parts.breadcrumbs,
    request: parts.request,
    contexts: reader.obj('contexts') ?? {},
    extra: reader.obj('context') ?? {},
    sdk: parseSdk(reader.raw('sdk'), problems),
    ...definedOnly({ modules: parseTextFields(reader.raw('packages'), 'packages', problems) }),
    form: 'api',
    hasDetail: entries !== undefined,
  };
}

function emptyParts(): EntryParts {
  return { exceptions: [], threads: [], breadcrumbs: [] };
}

function readEntries(entries: unknown[], problems: ProblemLog): EntryParts {
  const parts = emptyParts();
  entries.forEach((item, i) => {
    const entry = readObject(item, `entry ${i + 1}`, problems);
    if (!entry) return;
    const type = entry.str('type');
    const data = entry.raw('data');
    const where = `${type ?? 'entry'} entry`;
    switch (type) {
      case 'exception':
        parts.exceptions.push(...parseExceptionInterface(data, where, problems));
        break;
      case 'threads':
        parts.threads.push(...parseThreadInterface(data, where, problems));
        break;
      case 'stacktrace':
        parts.stacktrace ??= parseStacktrace(data, 'stacktrace', problems);
        break;
      case 'breadcrumbs':
        parts.breadcrumbs.push(...parseBreadcrumbs(data, problems));
        break;
      case 'request':
        parts.request ??= parseRequest(data, problems);
        break;
      case 'message':
        parts.message ??= entryMessage(data, where, problems);
        break;
      default:
        // Entries the model does not hold (template, debugmeta, spans, csp…) are left out on purpose.
        break;
    }
  });
  return parts;
}

function entryMessage(data: unknown, where: string, problems: ProblemLog): string | undefined {
  const reader = readObject(data, where, problems);
  if (!reader) return undefined;
  return nonEmpty(reader.str('formatted')) ?? nonEmpty(reader.str('message'));
}

/** `release` is an object (`{version, shortVersion, …}`) in the API form; a plain string or number is accepted too. */
function releaseVersion(reader: FieldReader, problems: ProblemLog): string | undefined {
  const release = reader.raw('release');
  if (release === undefined) return undefined;
  if (!isRecord(release)) {
    const version = toText(release);
    if (version !== undefined) return nonEmpty(version);
    reader.note('release is not an object');
    return undefined;
  }
  return readObject(release, 'release', problems)?.id('version');
}
