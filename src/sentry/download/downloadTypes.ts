import type { IssueEventsRange, RawEventsPage } from '../api/rawEvents';

/** NDJSON: one event a line (the default). JSON: one array of events. */
export type DownloadFormat = 'ndjson' | 'json';

/** What the download needs to know about the issue (from the tree, a store or one request). */
export interface IssueFacts {
  firstSeen?: string;
  lastSeen?: string;
  /** Sentry's event count for the issue's whole life. */
  count: number;
}

/** A time range: `start` inclusive, `end` exclusive. */
export interface DateRange {
  start: Date;
  end: Date;
}

/** The part of the API client the download uses (the SentryClient has it). */
export interface IssueEventsSource {
  issueEventsPage(org: string, issueId: string, params: IssueEventsRange & { cursor?: string }, options: { signal?: AbortSignal }): Promise<RawEventsPage>;
  countIssueEvents(org: string, issueId: string, range: IssueEventsRange, options: { signal?: AbortSignal }): Promise<number | undefined>;
}

export interface DownloadTuning {
  /** Events each time window is meant to hold (the windows split the range evenly in time). */
  eventsPerWindow: number;
  maxWindows: number;
  /** Requests at once, at most, whatever the server allows. */
  maxConcurrency: number;
  /** Requests at once when the server advertises no concurrency limit. */
  defaultConcurrency: number;
  /** Bytes of later windows' events kept on disk beside the file while an earlier window is still being written. */
  waitingBytes: number;
  /** Retries of a page after a server error or a broken connection, each after a longer pause. */
  maxRetries: number;
  retryBaseMs: number;
  /** Longest pause for a rate-limit window to reset before sending on. */
  maxRateWaitMs: number;
  /** Added before the issue's first seen and after its last seen, for events timestamped a little outside. */
  marginMs: number;
}

export interface DownloadInput {
  client: IssueEventsSource;
  org: string;
  issueId: string;
  issue: IssueFacts;
  /** Where the file goes; it appears there only once the download is complete. */
  targetPath: string;
  format: DownloadFormat;
  range?: DateRange;
  environment?: string;
  signal?: AbortSignal;
  onProgress?(progress: DownloadProgress): void;
  log?(message: string): void;
  tuning?: Partial<DownloadTuning>;
}

export interface DownloadProgress {
  written: number;
  /** The events expected: the count in the range when one was asked for, else the issue's count. */
  total: number;
  eventsPerSecond: number;
  /** Undefined until a rate is known, or when the total is already reached. */
  secondsLeft?: number;
  requests: number;
}

/**
 * How one time window ended: every page read, refused by the server (a 4xx for that window), its
 * next page on another origin, a page repeated, cut short by a stop, or never started.
 */
export type WindowState = 'complete' | 'refused' | 'foreignLink' | 'repeatedPage' | 'incomplete' | 'notStarted';

export interface WindowReport {
  start: string;
  end: string;
  state: WindowState;
  events: number;
  /** For `refused`: what the server said; for `foreignLink`: the origin it named. */
  detail?: string;
}

/**
 * `complete`: every window was read to its end (some may have been refused: see `missing`).
 * `partial`: the download stopped early; the events so far are in `file` (`<name>.partial.<ext>`).
 * `cancelled`: stopped by the user; no file was left anywhere.
 */
export type DownloadOutcome = 'complete' | 'partial' | 'cancelled';

export interface DownloadSummary {
  outcome: DownloadOutcome;
  /** The file written: the target when complete, the partial file when stopped early. */
  file?: string;
  format: DownloadFormat;
  written: number;
  issueCount: number;
  /** Events in the asked range and environment, as Sentry counts them (when a range was asked for). */
  rangeCount?: number;
  expected: number;
  duplicatesDropped: number;
  requests: number;
  retries: number;
  rateLimitPauses: number;
  /** The most page requests that ran at once. */
  peakConcurrency: number;
  elapsedMs: number;
  windows: WindowReport[];
  /** Time of the newest and the oldest event written. */
  newestWritten?: string;
  oldestWritten?: string;
  /** With a stop: back to when the file holds every event without a gap. */
  completeBackTo?: string;
  /** With a stop: why, in plain words (server text included, secrets redacted). */
  stopReason?: string;
  /** Why fewer (or more) events were written than expected, one reason a line. */
  missing: string[];
}
