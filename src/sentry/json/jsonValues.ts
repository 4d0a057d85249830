/**
 * The one family of lenient readers for JSON that Sentry (or anyone) wrote: each gives `undefined`
 * instead of throwing when a value is missing or of a type whose meaning is not clear. SDKs and old
 * servers send line numbers as "12", flags as "true" or 1, and text as a number; all of those read.
 * `FieldReader` (fieldReader.ts) reads whole objects with these and notes what it could not read.
 */

export type JsonRecord = Record<string, unknown>;

const DECIMAL = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isList(value: unknown): value is unknown[] {
  return Array.isArray(value);
}

/** The value when it is an object (not a list, not null). */
export function asRecord(value: unknown): JsonRecord | undefined {
  return isRecord(value) ? value : undefined;
}

export function asList(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** An own property only: `constructor` or `toString` must not come from Object.prototype. */
export function ownValue(record: JsonRecord, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** A finite number, or a decimal numeral ("12", "1.5"); not "", "0x1f" or "Infinity". */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !DECIMAL.test(value)) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** true / false, 1 / 0, and those written as text in any case ("True", "0"). */
export function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  if (word === 'true' || word === '1') return true;
  if (word === 'false' || word === '0') return false;
  return undefined;
}

/** A string, or a finite number written as one (Sentry sends ids and counts either way). */
export function toText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A non-empty string (or number), or undefined. */
export function nonEmptyText(value: unknown): string | undefined {
  return nonEmpty(toText(value));
}

export function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text === '' ? undefined : text;
}

/** Text from a string, number or boolean (tag values, header values). */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') return String(value);
  return undefined;
}
