import { CancelledError } from '../sentry/http/errors';
import type { ListEnd, Page } from '../sentry/http/page';

export interface PageRequest {
  /** Undefined for the first page. */
  cursor?: string;
  /** Ask past the cache. */
  refresh: boolean;
  /** Aborted when the load is no longer wanted (reset, collapse, refresh of the tree). */
  signal: AbortSignal;
}

export interface PagedListOptions<T> {
  /** Identity of an item: an item already in the list is never added again. */
  keyOf(item: T): string;
  /** When aborted, every load of this list stops for good (the tree it belongs to was reloaded). */
  lifetime?: AbortSignal;
  /** Told once each time the list stops early although the server said there is more. */
  onEnd?(end: ListEnd): void;
  /** Told once for each load that failed (not for one that was cancelled or discarded). */
  onError?(error: unknown): void;
}

/** Where a list is: never asked, loading its first page, loaded (maybe loading more), or failed. */
export type PagedListState = 'unloaded' | 'loading' | 'loaded' | 'loadingMore' | 'failed';

/**
 * The loaded part of a cursor-paged list: items so far, the cursor of the next page, why it ended
 * early, and the error of the last attempt. One first load and one "load more" at a time: a second
 * call joins the one in flight. A reset or a cancel discards whatever is in flight, so an old
 * answer never writes into the new list.
 */
export class PagedList<T> {
  private itemList: T[] = [];
  private readonly keys = new Set<string>();
  nextCursor?: string;
  end?: ListEnd;
  error?: unknown;
  moreError?: unknown;
  private loaded = false;
  private refreshNext = false;
  private generation = 0;
  private controller = new AbortController();
  private firstLoad?: Promise<void>;
  private moreLoad?: Promise<void>;

  constructor(
    private readonly fetchPage: (request: PageRequest) => Promise<Page<T>>,
    private readonly options: PagedListOptions<T>,
  ) {
    options.lifetime?.addEventListener('abort', () => this.abortLoads(), { once: true });
  }

  get items(): readonly T[] {
    return this.itemList;
  }

  get isLoaded(): boolean {
    return this.loaded;
  }

  get isLoadingMore(): boolean {
    return this.moreLoad !== undefined;
  }

  /** Progress, for a view that says what the list is doing. */
  get state(): PagedListState {
    if (this.firstLoad) return 'loading';
    if (!this.loaded) return 'unloaded';
    if (this.error) return 'failed';
    return this.moreLoad ? 'loadingMore' : 'loaded';
  }

  /** Takes one item out (an issue that left the list); true when it was there. */
  remove(key: string): boolean {
    if (!this.keys.delete(key)) return false;
    this.itemList = this.itemList.filter((item) => this.options.keyOf(item) !== key);
    return true;
  }

  keyOf(item: T): string {
    return this.options.keyOf(item);
  }

  ensureLoaded(): Promise<void> {
    if (this.loaded || this.options.lifetime?.aborted) return Promise.resolve();
    if (!this.firstLoad) {
      const load: Promise<void> = this.loadFirst(this.generation, this.controller.signal).finally(() => {
        if (this.firstLoad === load) this.firstLoad = undefined;
      });
      this.firstLoad = load;
    }
    return this.firstLoad;
  }

  /** Appends the next page; joins the load already in flight instead of asking twice. */
  loadMore(): Promise<void> {
    if (this.moreLoad) return this.moreLoad;
    if (!this.loaded || this.error || !this.nextCursor || this.options.lifetime?.aborted) return Promise.resolve();
    const load: Promise<void> = this.loadNext(this.nextCursor, this.generation, this.controller.signal).finally(() => {
      if (this.moreLoad === load) this.moreLoad = undefined;
    });
    this.moreLoad = load;
    return load;
  }

  /** Drop everything and whatever is in flight; the next load asks the server again (past the cache when `refresh`). */
  reset(refresh = true): void {
    this.abortLoads();
    this.itemList = [];
    this.keys.clear();
    this.nextCursor = undefined;
    this.end = undefined;
    this.error = undefined;
    this.moreError = undefined;
    this.loaded = false;
    this.refreshNext = refresh;
  }

  /** Stops the loads in flight and keeps what was loaded; true when there was one to stop. */
  cancel(): boolean {
    if (!this.firstLoad && !this.moreLoad) return false;
    this.abortLoads();
    return true;
  }

  private abortLoads(): void {
    this.generation++;
    this.controller.abort();
    this.controller = new AbortController();
    this.firstLoad = undefined;
    this.moreLoad = undefined;
  }

  private async loadFirst(generation: number, signal: AbortSignal): Promise<void> {
    try {
      const page = await untilAborted(this.fetchPage({ cursor: undefined, refresh: this.refreshNext, signal }), signal);
      if (generation !== this.generation) return;
      this.refreshNext = false;
      this.itemList = [];
      this.keys.clear();
      this.append(page.items);
      this.follow(page, undefined);
      this.error = undefined;
      this.moreError = undefined;
      this.loaded = true;
    } catch (error) {
      // A cancelled first load leaves the list unloaded and quiet: the next look loads it again.
      if (generation !== this.generation || error instanceof CancelledError) return;
      this.error = error;
      this.loaded = true;
      this.refreshNext = true;
      this.options.onError?.(error);
    }
  }

  private async loadNext(cursor: string, generation: number, signal: AbortSignal): Promise<void> {
    try {
      const page = await untilAborted(this.fetchPage({ cursor, refresh: false, signal }), signal);
      if (generation !== this.generation) return;
      const added = this.append(page.items);
      if (page.items.length > 0 && added === 0) this.stop({ kind: 'repeatedPage' });
      else this.follow(page, cursor);
      this.moreError = undefined;
    } catch (error) {
      if (generation !== this.generation || error instanceof CancelledError) return;
      this.moreError = error;
      this.options.onError?.(error);
    }
  }

  private append(items: readonly T[]): number {
    let added = 0;
    for (const item of items) {
      const key = this.options.keyOf(item);
      if (this.keys.has(key)) continue;
      this.keys.add(key);
      this.itemList.push(item);
      added++;
    }
    return added;
  }

  private follow(page: Page<T>, usedCursor: string | undefined): void {
    if (page.nextCursor !== undefined && page.nextCursor === usedCursor) return this.stop({ kind: 'repeatedPage' });
    this.nextCursor = page.nextCursor;
    this.end = undefined;
    if (!page.nextCursor && page.end) this.stop(page.end);
  }

  private stop(end: ListEnd): void {
    this.nextCursor = undefined;
    this.end = end;
    this.options.onEnd?.(end);
  }
}

/** The fetch, or a CancelledError as soon as the signal aborts, whether or not the fetch listens. */
function untilAborted<V>(promise: Promise<V>, signal: AbortSignal): Promise<V> {
  if (signal.aborted) return Promise.reject(new CancelledError());
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
