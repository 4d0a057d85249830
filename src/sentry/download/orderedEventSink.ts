import { CancelledError } from '../errors';
import { text } from '../lenient';
import type { EventFileWriter } from './eventFileWriter';
import { RecentIds } from './recentIds';

interface SerializedEvent {
  id?: string;
  time?: string;
  json: string;
}

interface WindowBuffer {
  events: SerializedEvent[];
  bytes: number;
  finished: boolean;
}

/** Ids remembered to drop repeats; far more than a window boundary can repeat. */
const RECENT_IDS = 10_000;

/**
 * Puts the events of windows fetched in parallel into the file in window order, so the file is in
 * time order. The current window (the newest not yet finished) is written as its pages arrive;
 * later windows wait in memory, and their fetching pauses while more than `bufferBytes` wait, so
 * memory stays bounded however many events there are. An event id already written among the
 * recent ones is dropped.
 */
export class OrderedEventSink {
  private current = 0;
  private readonly buffers: WindowBuffer[];
  private bufferedBytes = 0;
  private readonly recent = new RecentIds(RECENT_IDS);
  private lock: Promise<void> = Promise.resolve();
  private wakeups: Array<() => void> = [];
  written = 0;
  duplicates = 0;
  newest?: string;
  oldest?: string;

  constructor(
    windowCount: number,
    private readonly writer: EventFileWriter,
    private readonly bufferBytes: number,
    private readonly onWritten: () => void,
  ) {
    this.buffers = Array.from({ length: windowCount }, () => ({ events: [], bytes: 0, finished: false }));
  }

  /** The newest window not yet written to its end: everything before it is in the file. */
  get currentWindow(): number {
    return this.current;
  }

  /** Takes one page of window `index`, in the order the server sent it. */
  accept(index: number, events: readonly Record<string, unknown>[]): Promise<void> {
    const serialized = events.map(
      (event): SerializedEvent => ({ id: text(event.eventID) ?? text(event.id), time: text(event.dateCreated), json: JSON.stringify(event) }),
    );
    return this.locked(async () => {
      if (index === this.current) {
        await this.writeAll(serialized);
        return;
      }
      const buffer = this.buffers[index];
      for (const event of serialized) {
        buffer.events.push(event);
        buffer.bytes += event.json.length;
        this.bufferedBytes += event.json.length;
      }
    });
  }

  /** Window `index` has all its pages (or stopped for good): the windows after it may follow in the file. */
  finish(index: number): Promise<void> {
    return this.locked(async () => {
      this.buffers[index].finished = true;
      while (this.current < this.buffers.length && this.buffers[this.current].finished) {
        this.current++;
        if (this.current < this.buffers.length) await this.flush(this.current);
      }
      this.wake();
    });
  }

  /** Resolves when window `index` may fetch on: it is the current one, or few enough events wait. */
  async room(index: number, signal: AbortSignal): Promise<void> {
    while (index !== this.current && this.bufferedBytes > this.bufferBytes) {
      await new Promise<void>((resolve, reject) => {
        if (signal.aborted) return reject(new CancelledError());
        const onAbort = () => reject(new CancelledError());
        signal.addEventListener('abort', onAbort, { once: true });
        this.wakeups.push(() => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        });
      });
    }
  }

  /** After a stop: writes every event still waiting, window by window, so nothing fetched is lost. */
  flushAll(): Promise<void> {
    return this.locked(async () => {
      for (let index = this.current + 1; index < this.buffers.length; index++) await this.flush(index);
    });
  }

  private async flush(index: number): Promise<void> {
    const buffer = this.buffers[index];
    const events = buffer.events;
    buffer.events = [];
    this.bufferedBytes -= buffer.bytes;
    buffer.bytes = 0;
    await this.writeAll(events);
    this.wake();
  }

  private async writeAll(events: readonly SerializedEvent[]): Promise<void> {
    for (const event of events) {
      if (event.id !== undefined && this.recent.seen(event.id)) {
        this.duplicates++;
        continue;
      }
      await this.writer.write(event.json);
      this.written++;
      if (event.time !== undefined) {
        this.newest ??= event.time;
        this.oldest = event.time;
      }
    }
    if (events.length > 0) this.onWritten();
  }

  private locked(work: () => Promise<void>): Promise<void> {
    const run = this.lock.then(work);
    this.lock = run.catch(() => undefined);
    return run;
  }

  private wake(): void {
    const wakeups = this.wakeups;
    this.wakeups = [];
    for (const wake of wakeups) wake();
  }
}
