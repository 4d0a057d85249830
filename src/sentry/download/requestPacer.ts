import { CancelledError } from '../http/errors';
import { sleep } from '../http/rateLimit';
import type { RateLimitHeaders } from '../http/rateLimitHeaders';

export interface PacerOptions {
  maxConcurrency: number;
  defaultConcurrency: number;
  maxRateWaitMs: number;
}

/** A request's place among those running; give it back once its answer is in. */
export interface PacerSlot {
  /** Reads the rate-limit headers of the answer (while the request still counts as running). */
  observe(headers: RateLimitHeaders | undefined): void;
  release(): void;
}

/** Requests left unused in each window and concurrency slot, for the rest of the extension (the tree). */
const RESERVE = 1;
/** Past the announced reset, in case the server's clock runs a little behind ours. */
const RESET_MARGIN_MS = 50;
/** Pause when a window is used up but the server named no reset time. */
const UNKNOWN_RESET_PAUSE_MS = 500;

/**
 * Keeps requests within what Sentry advertises: as many at once as `X-Sentry-Rate-Limit-
 * ConcurrentRemaining` leaves room for (a small default when the server names no limit), and,
 * within each rate-limit window, stops sending one request short of `-Remaining` until `-Reset`.
 * Starts with one request, so the first answer's headers are known before any others go out.
 */
export class RequestPacer {
  private running = 0;
  private concurrency = 1;
  private learned = false;
  private limit?: number;
  private remaining?: number;
  private resetAtMs?: number;
  private wakeups: Array<() => void> = [];
  /** How many times sending paused for a rate-limit window to reset. */
  pauses = 0;
  /** The most requests that ran at once. */
  peak = 0;

  constructor(
    private readonly options: PacerOptions,
    private readonly now: () => number = Date.now,
  ) {}

  get allowedConcurrency(): number {
    return this.concurrency;
  }

  async acquire(signal: AbortSignal): Promise<PacerSlot> {
    for (;;) {
      if (signal.aborted) throw new CancelledError();
      if (this.running >= this.concurrency) {
        await this.nextChange(signal);
        continue;
      }
      const pauseMs = this.windowPauseMs();
      if (pauseMs > 0) {
        this.pauses++;
        await sleep(pauseMs, signal);
        continue;
      }
      this.running++;
      this.peak = Math.max(this.peak, this.running);
      if (this.remaining !== undefined) this.remaining--;
      return this.slot();
    }
  }

  private slot(): PacerSlot {
    let released = false;
    return {
      observe: (headers) => {
        if (!released) this.observe(headers);
      },
      release: () => {
        if (released) return;
        released = true;
        this.running--;
        this.wake();
      },
    };
  }

  private observe(headers: RateLimitHeaders | undefined): void {
    this.learnConcurrency(headers);
    if (headers?.remaining === undefined) return;
    // Other requests still running may not have been counted yet when the server answered this one.
    const estimate = headers.remaining - (this.running - 1);
    if (headers.resetAtMs === undefined || this.resetAtMs === undefined || headers.resetAtMs > this.resetAtMs) {
      this.resetAtMs = headers.resetAtMs;
      this.remaining = estimate;
    } else if (headers.resetAtMs === this.resetAtMs) {
      this.remaining = Math.min(this.remaining ?? estimate, estimate);
    }
    this.limit = headers.limit ?? this.limit;
    this.wake();
  }

  private learnConcurrency(headers: RateLimitHeaders | undefined): void {
    const { maxConcurrency, defaultConcurrency } = this.options;
    let allowed: number | undefined;
    if (headers?.concurrentRemaining !== undefined) {
      // The server counted this request and the others running when it answered.
      allowed = this.running + headers.concurrentRemaining - RESERVE;
      if (headers.concurrentLimit !== undefined) allowed = Math.min(allowed, headers.concurrentLimit - RESERVE);
    } else if (headers?.concurrentLimit !== undefined) {
      allowed = headers.concurrentLimit - RESERVE;
    } else if (!this.learned) {
      allowed = defaultConcurrency;
    }
    this.learned = true;
    if (allowed !== undefined) this.concurrency = Math.max(1, Math.min(maxConcurrency, allowed));
  }

  /** How long to hold back because the window is used up (down to the reserve); 0 to send now. */
  private windowPauseMs(): number {
    if (this.remaining === undefined || this.remaining > RESERVE) return 0;
    this.resetAtMs ??= this.now() + UNKNOWN_RESET_PAUSE_MS;
    // A reset further off than the longest pause: after that pause a request goes out, and the server's
    // answer (a 429 the transport reports with its time) decides.
    this.resetAtMs = Math.min(this.resetAtMs, this.now() + this.options.maxRateWaitMs);
    const untilReset = this.resetAtMs + RESET_MARGIN_MS - this.now();
    if (untilReset > 0) return untilReset;
    // A fresh window, until an answer says otherwise.
    this.remaining = this.limit !== undefined && this.limit > RESERVE ? this.limit : undefined;
    this.resetAtMs = undefined;
    return 0;
  }

  private nextChange(signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(new CancelledError());
      signal.addEventListener('abort', onAbort, { once: true });
      this.wakeups.push(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      });
    });
  }

  private wake(): void {
    const wakeups = this.wakeups;
    this.wakeups = [];
    for (const wake of wakeups) wake();
  }
}
