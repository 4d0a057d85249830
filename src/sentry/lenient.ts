/**
 * Readers for JSON that Sentry (or anyone) wrote: each returns `undefined` instead of throwing
 * when a field is missing or of the wrong type.
 */

import { isRecord, JsonRecord } from './eventFieldReader';
import { toBoolean, toNumber, toText } from './jsonScalars';

export function obj(value: unknown): JsonRecord | undefined {
  return isRecord(value) ? value : undefined;
}

export function arr(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** A string; numbers are accepted too, since Sentry sends ids and counts either way. */
export function str(value: unknown): string | undefined {
  return toText(value);
}

/** A non-empty string, or undefined. */
export function text(value: unknown): string | undefined {
  const s = str(value);
  return s === undefined || s.length === 0 ? undefined : s;
}

/** A finite number; numeric strings are accepted ("150"). */
export function num(value: unknown): number | undefined {
  return toNumber(value);
}

/** A flag; "true" / "false" and 1 / 0 are accepted. */
export function bool(value: unknown): boolean | undefined {
  return toBoolean(value);
}
