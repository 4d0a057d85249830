/**
 * How the opt-in realistic mode behaves (`startSentryTestServer({ realistic: … })`, CLI
 * `--realistic`): like sentry.io for the download benchmark and its tests. Every field has a default.
 */
export interface RealismOptions {
  /** Added to every API request before it is answered (default 30 ms). */
  latencyMs?: number;
  /** Requests per caller and endpoint in each fixed window (default 100); one more is a 429. */
  rateLimit?: number;
  /** Length of that window in seconds (default 1). */
  rateLimitWindowSeconds?: number;
  /** Requests per caller and endpoint running at once (default 10); one more is a 429. */
  concurrentLimit?: number;
  /** Full events per page on an issue's event list, whatever `per_page` asks (default 10). */
  fullEventsPerPage?: number;
  /** The data set's "now", for the 90-day default window and `statsPeriod` (default `REALISTIC_NOW`). */
  now?: string;
  /**
   * Include events at exactly `end` too (Sentry excludes them): a server whose ranges overlap at
   * their edges, to prove a download writes such events once (default false).
   */
  rangeEndInclusive?: boolean;
}

export type Realism = Required<RealismOptions>;

/** The realistic data set's fixed "now": its newest events are a little before it. */
export const REALISTIC_NOW = '2026-11-20T12:00:00Z';

/** What an issue's events list covers when neither `start`/`end` nor `statsPeriod` is sent (Sentry: 90 days). */
export const DEFAULT_EVENTS_WINDOW_DAYS = 90;

export function realismOf(options: RealismOptions | true): Realism {
  const given = options === true ? {} : options;
  return {
    latencyMs: given.latencyMs ?? 30,
    rateLimit: given.rateLimit ?? 100,
    rateLimitWindowSeconds: given.rateLimitWindowSeconds ?? 1,
    concurrentLimit: given.concurrentLimit ?? 10,
    fullEventsPerPage: given.fullEventsPerPage ?? 10,
    now: given.now ?? REALISTIC_NOW,
    rangeEndInclusive: given.rangeEndInclusive ?? false,
  };
}
