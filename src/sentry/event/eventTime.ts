/**
 * A timestamp as Sentry sends it: epoch seconds (number or numeric string) or an ISO-8601 string.
 * Gives ISO-8601, or undefined when it is neither.
 */
export function toIsoTime(value: unknown): string | undefined {
  if (typeof value === 'number') return fromEpochSeconds(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return fromEpochSeconds(Number(trimmed));
  // Kept as written: re-formatting would move a zone-less time into the local zone.
  return /^\d{4}-\d{2}-\d{2}/.test(trimmed) ? trimmed : undefined;
}

function fromEpochSeconds(seconds: number): string | undefined {
  if (!Number.isFinite(seconds)) return undefined;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
