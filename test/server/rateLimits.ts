/**
 * Sentry's rate-limit headers, on every answer: a fixed 1-second window of 40 requests per caller and
 * endpoint (indicative values seen on sentry.io). The test server never refuses on its own; a
 * 429 only comes from an injected fault.
 */
export const RATE_LIMIT = 40;
const CONCURRENT_LIMIT = 25;

export class RateLimitWindows {
  private windowStart = 0;
  private counts = new Map<string, number>();

  headersFor(key: string, nowMs: number): Record<string, string> {
    const second = Math.floor(nowMs / 1000);
    if (second !== this.windowStart) {
      this.windowStart = second;
      this.counts = new Map();
    }
    const used = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, used);
    return {
      'X-Sentry-Rate-Limit-Limit': String(RATE_LIMIT),
      'X-Sentry-Rate-Limit-Remaining': String(Math.max(0, RATE_LIMIT - used)),
      'X-Sentry-Rate-Limit-Reset': String(second + 1),
      'X-Sentry-Rate-Limit-ConcurrentLimit': String(CONCURRENT_LIMIT),
      'X-Sentry-Rate-Limit-ConcurrentRemaining': String(CONCURRENT_LIMIT - 1),
    };
  }
}
