import { LRUCache } from 'lru-cache';
import { CancelledError } from './errors';

/**
 * Short-lived cache of GET answers plus de-duplication of identical requests in flight. A shared
 * request is aborted only when every caller waiting for it has given up.
 */
/** Where an answer came from: the cache, a request another caller already had in flight, or a new request. */
export type AnswerSource = 'cache' | 'shared' | 'network';

export interface CacheReadOptions {
  refresh?: boolean;
  signal?: AbortSignal;
  onSource?(source: AnswerSource): void;
}

export class ResponseCache<V extends object> {
  private readonly cache: LRUCache<string, V>;
  private readonly inFlight = new Map<string, Flight<V>>();

  constructor(ttlMs: number, maxEntries = 500) {
    this.cache = new LRUCache<string, V>({ max: maxEntries, ttl: Math.max(1, ttlMs) });
  }

  async get(key: string, load: (signal: AbortSignal) => Promise<V>, options: CacheReadOptions): Promise<V> {
    if (options.signal?.aborted) throw new CancelledError();
    if (!options.refresh) {
      const hit = this.cache.get(key);
      if (hit) {
        options.onSource?.('cache');
        return hit;
      }
    }
    let flight = options.refresh ? undefined : this.inFlight.get(key);
    options.onSource?.(flight ? 'shared' : 'network');
    if (!flight) flight = this.start(key, load);
    flight.waiters++;
    try {
      return await waitFor(flight.promise, options.signal);
    } finally {
      flight.waiters--;
      if (flight.waiters === 0 && options.signal?.aborted) flight.controller.abort();
    }
  }

  clear(): void {
    this.cache.clear();
  }

  /**
   * Drops the cached answers whose key (the request URL) `matches`, and detaches requests in flight
   * for them, so that no answer given before a change is handed out after it. Returns how many went.
   */
  drop(matches: (key: string) => boolean): number {
    let dropped = 0;
    for (const key of [...this.cache.keys()]) {
      if (matches(key) && this.cache.delete(key)) dropped++;
    }
    for (const [key, flight] of [...this.inFlight]) {
      if (!matches(key)) continue;
      this.inFlight.delete(key);
      flight.stale = true;
    }
    return dropped;
  }

  private start(key: string, load: (signal: AbortSignal) => Promise<V>): Flight<V> {
    const controller = new AbortController();
    const flight: Flight<V> = { controller, waiters: 0, stale: false, promise: Promise.resolve() as unknown as Promise<V> };
    flight.promise = load(controller.signal)
      .then((value) => {
        if (!flight.stale) this.cache.set(key, value);
        return value;
      })
      .finally(() => {
        if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
      });
    flight.promise.catch(() => undefined);
    this.inFlight.set(key, flight);
    return flight;
  }
}

interface Flight<V> {
  promise: Promise<V>;
  controller: AbortController;
  waiters: number;
  /** Dropped while in flight: its answer goes to those already waiting, not into the cache. */
  stale: boolean;
}

function waitFor<V>(promise: Promise<V>, signal: AbortSignal | undefined): Promise<V> {
  if (!signal) return promise;
  return new Promise<V>((resolve, reject) => {
    const onAbort = () => reject(new CancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
