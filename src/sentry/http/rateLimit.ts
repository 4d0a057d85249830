import { CancelledError } from './errors';
import { timerSafe } from './timerLimits';

/** However far off a server says its reset is, it is taken as at most a year away, so it stays a valid date. */
const LONGEST_RATE_LIMIT_MS = 366 * 24 * 60 * 60 * 1000;

/** `Retry-After` (a proxy's, seconds or HTTP date) wins; otherwise Sentry's own reset time. */
export function rateLimitWaitMs(headers: { get(name: string): string | null }, now = Date.now()): number | undefined {
  const waitMs = announcedWaitMs(headers, now);
  return waitMs === undefined ? undefined : Math.min(Math.max(0, waitMs), LONGEST_RATE_LIMIT_MS);
}

function announcedWaitMs(headers: { get(name: string): string | null }, now: number): number | undefined {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return seconds * 1000;
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return date - now;
  }
  const reset = headers.get('x-sentry-rate-limit-reset')?.trim();
  const resetSeconds = Number(reset);
  if (reset && Number.isFinite(resetSeconds)) return resetSeconds * 1000 - now;
  return undefined;
}

/** Waits, unless the caller gives up first. Never hands setTimeout a delay it cannot hold. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CancelledError());
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      timerSafe(ms),
    );
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The local clock time at which a rate limit ends, rounded up to the minute so that it never names
 * a time before the end: "14:05", or "2026-11-24 14:05" when that is not today.
 */
export function formatUntil(until: Date, now: Date = new Date()): string {
  const minute = 60_000;
  const shown = new Date(Math.ceil(until.getTime() / minute) * minute);
  const clock = `${pad(shown.getHours())}:${pad(shown.getMinutes())}`;
  const sameDay = shown.getFullYear() === now.getFullYear() && shown.getMonth() === now.getMonth() && shown.getDate() === now.getDate();
  return sameDay ? clock : `${shown.getFullYear()}-${pad(shown.getMonth() + 1)}-${pad(shown.getDate())} ${clock}`;
}

/** A wait in the largest unit that keeps it readable: "45 seconds", "3 minutes", "5 hours", "30 days". */
export function formatWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 90) return plural(seconds, 'second');
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return plural(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return plural(hours, 'hour');
  return plural(Math.round(hours / 24), 'day');
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
