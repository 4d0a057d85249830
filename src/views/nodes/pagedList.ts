import type { Page } from '../../sentry/types';

/**
 * The loaded part of a cursor-paged list: items so far, the cursor of the next page, and the
 * error of the last attempt. The parent node owns it, so "Load more" appends without refetching.
 */
export class PagedList<T> {
  items: T[] = [];
  nextCursor?: string;
  error?: unknown;
  moreError?: unknown;
  private loaded = false;
  private pending?: Promise<void>;
  private refreshNext = false;

  constructor(private readonly fetchPage: (cursor: string | undefined, refresh: boolean) => Promise<Page<T>>) {}

  get isLoaded(): boolean {
    return this.loaded;
  }

  ensureLoaded(): Promise<void> {
    if (this.loaded) return Promise.resolve();
    this.pending ??= this.loadFirst().finally(() => (this.pending = undefined));
    return this.pending;
  }

  async loadMore(): Promise<void> {
    if (!this.nextCursor) return;
    try {
      const page = await this.fetchPage(this.nextCursor, false);
      this.items.push(...page.items);
      this.nextCursor = page.nextCursor;
      this.moreError = undefined;
    } catch (error) {
      this.moreError = error;
    }
  }

  /** Drop everything; the next load asks the server again, past the cache when `refresh` is set. */
  reset(refresh = true): void {
    this.items = [];
    this.nextCursor = undefined;
    this.error = undefined;
    this.moreError = undefined;
    this.loaded = false;
    this.refreshNext = refresh;
  }

  private async loadFirst(): Promise<void> {
    const refresh = this.refreshNext;
    this.refreshNext = false;
    try {
      const page = await this.fetchPage(undefined, refresh);
      this.items = page.items;
      this.nextCursor = page.nextCursor;
      this.error = undefined;
      this.loaded = true;
    } catch (error) {
      this.error = error;
      this.loaded = true;
      this.refreshNext = true;
    }
  }
}
