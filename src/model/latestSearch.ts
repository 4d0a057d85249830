import { CancelledError } from '../sentry/http/errors';

export interface LatestSearchOptions<R> {
  /** Quiet time after the last keystroke before a search starts. */
  delayMs: number;
  /** A search started (true) or the last one settled or was stopped (false). */
  onBusy(busy: boolean): void;
  /** The answer for `query`, only ever for the latest one asked. */
  onResult(query: string, result: R): void;
  onError(query: string, error: unknown): void;
}

/**
 * Search-as-you-type without a request per keystroke: each new value stops the search in flight
 * (its request is aborted) and waits `delayMs` of quiet before asking. An answer for anything but
 * the latest value is dropped. No `vscode`: the quick pick feeds it and renders what it reports.
 */
export class LatestSearch<R> {
  private timer?: ReturnType<typeof setTimeout>;
  private running?: AbortController;
  private generation = 0;
  private disposed = false;

  constructor(
    private readonly run: (query: string, signal: AbortSignal) => Promise<R>,
    private readonly options: LatestSearchOptions<R>,
  ) {}

  /** The user typed: stop what is running, search once they pause. */
  type(query: string): void {
    this.stop();
    if (this.disposed) return;
    const generation = this.generation;
    this.timer = setTimeout(() => void this.start(query, generation), this.options.delayMs);
  }

  /** Search at once (the scope changed, the picker opened with a query). */
  now(query: string): void {
    this.stop();
    if (!this.disposed) void this.start(query, this.generation);
  }

  /** Stops the pending and the running search; nothing more is reported for them. */
  stop(): void {
    this.generation++;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.running) {
      this.running.abort();
      this.running = undefined;
      this.options.onBusy(false);
    }
  }

  dispose(): void {
    this.stop();
    this.disposed = true;
  }

  private async start(query: string, generation: number): Promise<void> {
    if (generation !== this.generation) return;
    const controller = new AbortController();
    this.running = controller;
    this.options.onBusy(true);
    try {
      const result = await this.run(query, controller.signal);
      if (generation === this.generation && !controller.signal.aborted) this.options.onResult(query, result);
    } catch (error) {
      if (generation === this.generation && !controller.signal.aborted && !(error instanceof CancelledError)) this.options.onError(query, error);
    } finally {
      if (this.running === controller) {
        this.running = undefined;
        this.options.onBusy(false);
      }
    }
  }
}
