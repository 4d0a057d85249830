import { ApiResponse, jsonResponse } from './responses';
import { Realism } from './realism';

export interface Admission {
  /** `X-Sentry-Rate-Limit-*` for the answer. */
  headers: Record<string, string>;
  /** A 429 instead of the answer, when the caller went over a limit. */
  refused?: ApiResponse;
  /** Call once the answer is handed over, so the request stops counting as running. */
  done(): void;
}

/**
 * Sentry's API rate limiter as sentry.io applies it, per caller and endpoint: a fixed window of
 * `rateLimit` requests and at most `concurrentLimit` requests running at once. Going over either is
 * a 429 with Sentry's JSON-string body and no Retry-After. Counts every 429 it sends.
 */
export class EnforcedRateLimits {
  private windowStart = 0;
  private used = new Map<string, number>();
  private readonly running = new Map<string, number>();
  refusals = 0;

  constructor(private readonly realism: Realism) {}

  admit(key: string, nowMs: number): Admission {
    const windowMs = this.realism.rateLimitWindowSeconds * 1000;
    const windowStart = Math.floor(nowMs / windowMs) * windowMs;
    if (windowStart !== this.windowStart) {
      this.windowStart = windowStart;
      this.used = new Map();
    }
    const used = (this.used.get(key) ?? 0) + 1;
    this.used.set(key, used);
    const running = (this.running.get(key) ?? 0) + 1;
    this.running.set(key, running);
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      const left = (this.running.get(key) ?? 1) - 1;
      if (left > 0) this.running.set(key, left);
      else this.running.delete(key);
    };
    const { rateLimit, concurrentLimit } = this.realism;
    const headers = {
      'X-Sentry-Rate-Limit-Limit': String(rateLimit),
      'X-Sentry-Rate-Limit-Remaining': String(Math.max(0, rateLimit - used)),
      'X-Sentry-Rate-Limit-Reset': String(Math.ceil((windowStart + windowMs) / 1000)),
      'X-Sentry-Rate-Limit-ConcurrentLimit': String(concurrentLimit),
      'X-Sentry-Rate-Limit-ConcurrentRemaining': String(Math.max(0, concurrentLimit - running)),
    };
    if (used <= rateLimit && running <= concurrentLimit) return { headers, done };
    this.refusals++;
    const why =
      used > rateLimit
        ? `You are attempting to use this endpoint too frequently. Limit is ${rateLimit} requests in ${this.realism.rateLimitWindowSeconds} seconds`
        : `You are attempting to go above the allowed concurrency for this endpoint. Concurrency limit is ${concurrentLimit}`;
    return { headers, refused: jsonResponse(429, why, headers), done };
  }
}
