/** Event values as text, safely: any type, any prototype (or none), any length. */

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'symbol':
      return 'symbol';
    case 'function':
      return 'function';
    default:
      return Array.isArray(value) ? `array(${value.length})` : 'object';
  }
}

/** The first `max` characters, an ellipsis when cut (never splitting a surrogate pair). */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = Math.max(0, max - 1);
  const code = value.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${value.slice(0, end)}…`;
}

/** Line breaks and tabs as spaces, for labels. */
export function oneLineText(value: string, max: number): string {
  const head = value.length > max ? value.slice(0, max) : value;
  const line = head.replace(/[\r\n\t\u2028\u2029]+/g, ' ');
  return head.length < value.length ? clip(`${line}…`, max) : line;
}

/** "1,234". */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "2024-05-01 12:30:05 UTC" from an ISO time; the text as given when it is not one. */
export function displayTime(iso: string | undefined): string | undefined {
  if (iso === undefined) return undefined;
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return clip(iso, 60);
  return `${new Date(time).toISOString().replace('T', ' ').replace(/\.\d+Z$|Z$/, '')} UTC`;
}

/** "12:30:05.120" for a breadcrumb. */
export function clockTime(iso: string | undefined): string | undefined {
  if (iso === undefined) return undefined;
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return clip(iso, 30);
  return new Date(time).toISOString().slice(11, 23);
}

export function isRecordValue(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property, never one inherited from a prototype. */
export function ownProperty(record: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}
