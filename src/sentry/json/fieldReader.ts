import { toIsoTime } from '../event/eventTime';
import type { ProblemLog } from '../event/problemLog';
import { isList, isRecord, type JsonRecord, ownValue, toBoolean, toNumber, toText } from './jsonValues';

/**
 * Reads fields of one untrusted object. Each reader takes alternative keys (e.g. `lineNo`, `lineno`)
 * and returns the first one present whose value means what is asked for, whatever its JSON type
 * (`"12"` is line 12, `"true"` and `1` are true, `42` is the text "42"). Missing and null fields are
 * silently undefined; a field whose meaning is not clear is undefined too, and noted as a problem.
 */
export class FieldReader {
  constructor(
    readonly record: JsonRecord,
    private readonly where: string,
    private readonly problems: ProblemLog,
  ) {}

  /** The first present, non-null value, whatever its type. */
  raw(...keys: string[]): unknown {
    for (const key of keys) {
      const value = ownValue(this.record, key);
      if (value !== undefined && value !== null) return value;
    }
    return undefined;
  }

  has(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.record, key);
  }

  str(...keys: string[]): string | undefined {
    return this.read(keys, 'a string', toText);
  }

  /** Ids and versions: Sentry sends them as strings or numbers. */
  id(...keys: string[]): string | undefined {
    return this.read(keys, 'a string or number', toText);
  }

  num(...keys: string[]): number | undefined {
    return this.read(keys, 'a number', toNumber);
  }

  bool(...keys: string[]): boolean | undefined {
    return this.read(keys, 'true or false', toBoolean);
  }

  /** A time as ISO-8601: epoch seconds (number or numeral) or an ISO-8601 string. */
  time(...keys: string[]): string | undefined {
    return this.read(keys, 'a time', toIsoTime);
  }

  obj(...keys: string[]): JsonRecord | undefined {
    return this.read(keys, 'an object', (v) => (isRecord(v) ? v : undefined));
  }

  arr(...keys: string[]): unknown[] | undefined {
    return this.read(keys, 'a list', (v) => (isList(v) ? v : undefined));
  }

  note(problem: string): void {
    this.problems.add(this.where ? `${this.where}: ${problem}` : problem);
  }

  private read<T>(keys: string[], kind: string, accept: (value: unknown) => T | undefined): T | undefined {
    for (const key of keys) {
      const value = ownValue(this.record, key);
      if (value === undefined || value === null) continue;
      const accepted = accept(value);
      if (accepted !== undefined) return accepted;
      this.note(`${key} is not ${kind}`);
    }
    return undefined;
  }
}

/** A reader over `value` when it is an object; null or missing gives undefined quietly, any other type is noted. */
export function readObject(value: unknown, where: string, problems: ProblemLog): FieldReader | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    problems.add(`${where} is not an object`);
    return undefined;
  }
  return new FieldReader(value, where, problems);
}
