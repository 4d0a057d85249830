import { toNumber } from '../json/jsonValues';

/**
 * Sentry's rate-limit headers as one answer carried them (sentry.io sends them on every answer,
 * self-hosted usually none): the fixed window's `limit`, what `remaining` in it after this request,
 * when it resets, and the same for requests running at once.
 */
export interface RateLimitHeaders {
  limit?: number;
  remaining?: number;
  /** When the window resets, epoch milliseconds (the header says epoch seconds). */
  resetAtMs?: number;
  concurrentLimit?: number;
  concurrentRemaining?: number;
}

/** The headers that are present and numeric; undefined when the answer carried none. */
export function readRateLimitHeaders(headers: { get(name: string): string | null }): RateLimitHeaders | undefined {
  const read = (name: string): number | undefined => {
    const value = toNumber(headers.get(`x-sentry-rate-limit-${name}`) ?? undefined);
    return value !== undefined && value >= 0 ? value : undefined;
  };
  const reset = read('reset');
  const found: RateLimitHeaders = {
    limit: read('limit'),
    remaining: read('remaining'),
    resetAtMs: reset === undefined ? undefined : reset * 1000,
    concurrentLimit: read('concurrentlimit'),
    concurrentRemaining: read('concurrentremaining'),
  };
  return Object.values(found).some((value) => value !== undefined) ? found : undefined;
}
