import { isIndex } from './refs';

/**
 * An event of a file the user opened with Open Event File: the file's absolute path and the event's
 * position among the file's events. Like the refs in refs.ts it is small and serialisable, so the
 * same commands take it from a tree row, a panel and a test.
 */
export interface LocalEventRef {
  file: string;
  /** 0-based. */
  index: number;
}

const MAX_PATH_LENGTH = 4096;

export function readLocalEventRef(value: unknown): LocalEventRef | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const file = ownValue(value, 'file');
  const index = ownValue(value, 'index');
  if (typeof file !== 'string' || file.length === 0 || file.length > MAX_PATH_LENGTH || file.includes('\u0000') || !isIndex(index)) return undefined;
  return { file, index };
}

/** The local event `value` is, or the one it names by a `localEvent` property (a tree row). */
export function localEventRefOf(value: unknown): LocalEventRef | undefined {
  const direct = readLocalEventRef(value);
  if (direct || typeof value !== 'object' || value === null || !('localEvent' in value)) return direct;
  // A getter on a row's class counts: rows are objects of this extension, not data.
  return readLocalEventRef(value.localEvent);
}

export function localEventKey(ref: LocalEventRef): string {
  return `file ${JSON.stringify(ref.file)} ${ref.index}`;
}

function ownValue(record: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}
