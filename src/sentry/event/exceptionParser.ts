import { readObject } from '../json/fieldReader';
import { isList, isRecord, ownValue } from '../json/jsonValues';
import type { ExceptionInfo, ThreadInfo } from './eventModel';
import { parseStacktrace } from './frameParser';
import type { ProblemLog } from './problemLog';

/** Shown when an exception names no type. */
export const UNKNOWN_EXCEPTION_TYPE = 'unknown';

/**
 * The exception interface in any of its shapes: `{values: [...]}`, a bare list, or (raven-era)
 * one exception object. Order is kept: root cause first, the exception raised last.
 */
export function parseExceptionInterface(value: unknown, where: string, problems: ProblemLog): ExceptionInfo[] {
  if (value === undefined || value === null) return [];
  if (isList(value)) return parseExceptionList(value, problems);
  if (!isRecord(value)) {
    problems.add(`${where} is not an object or a list`);
    return [];
  }
  const values = ownValue(value, 'values');
  if (isList(values)) return parseExceptionList(values, problems);
  if (values !== undefined && values !== null) {
    problems.add(`${where}: values is not a list`);
    return [];
  }
  const looksSingle = ['type', 'value', 'stacktrace'].some((key) => ownValue(value, key) !== undefined);
  if (!looksSingle) return [];
  const single = parseException(value, 'exception 1', problems);
  return single ? [single] : [];
}

export function parseExceptionList(values: unknown[], problems: ProblemLog): ExceptionInfo[] {
  const exceptions: ExceptionInfo[] = [];
  values.forEach((item, i) => {
    const exception = parseException(item, `exception ${i + 1}`, problems);
    if (exception) exceptions.push(exception);
  });
  return exceptions;
}

function parseException(value: unknown, where: string, problems: ProblemLog): ExceptionInfo | undefined {
  const reader = readObject(value, where, problems);
  if (!reader) return undefined;
  const mechanismReader = readObject(reader.obj('mechanism'), `${where} mechanism`, problems);
  return {
    type: reader.str('type') ?? UNKNOWN_EXCEPTION_TYPE,
    value: reader.str('value') ?? '',
    module: reader.str('module'),
    mechanism: mechanismReader && {
      type: mechanismReader.str('type'),
      handled: mechanismReader.bool('handled'),
    },
    threadId: reader.id('threadId', 'thread_id'),
    stacktrace: parseStacktrace(reader.raw('stacktrace'), `${where} stacktrace`, problems),
    rawStacktrace: parseStacktrace(reader.raw('rawStacktrace', 'raw_stacktrace'), `${where} raw stacktrace`, problems),
  };
}

/** The threads interface: `{values: [...]}` or a bare list. */
export function parseThreadInterface(value: unknown, where: string, problems: ProblemLog): ThreadInfo[] {
  if (value === undefined || value === null) return [];
  let list: unknown[] | undefined;
  if (isList(value)) list = value;
  else if (isRecord(value)) list = readList(ownValue(value, 'values'));
  if (!list) {
    problems.add(`${where} is not a list of threads`);
    return [];
  }
  const threads: ThreadInfo[] = [];
  list.forEach((item, i) => {
    const place = `thread ${i + 1}`;
    const reader = readObject(item, place, problems);
    if (!reader) return;
    threads.push({
      id: reader.id('id'),
      name: reader.str('name'),
      crashed: reader.bool('crashed') ?? false,
      current: reader.bool('current') ?? false,
      stacktrace: parseStacktrace(reader.raw('stacktrace'), `${place} stacktrace`, problems),
    });
  });
  return threads;
}

function readList(value: unknown): unknown[] | undefined {
  return isList(value) ? value : undefined;
}
