import { CancelledError } from '../http/errors';
import type { RawEvent } from '../api/rawEvents';
import type { WindowReport } from './downloadTypes';
import type { EventFileWriter } from './eventFileWriter';
import { RecentIds } from './recentIds';
import { isoTime, TimeWindow } from './timeWindows';
import { WindowSpill } from './windowSpill';


/** One time window on its way into the file: what it fetched and has not written yet, and how it went. */
export class WindowSlot {
  /** Its events fetched while an earlier window was still being written, on disk. */
  spill?: WindowSpill;
  bytes = 0;
  started = false;
  finished = false;
  readonly report: WindowReport;

  constructor(readonly window: TimeWindow) {
    this.report = { start: isoTime(window.startMs), end: isoTime(window.endMs), state: 'notStarted', events: 0 };
  }
}

/** Ids remembered to drop repeats; far more than a window boundary can repeat. */
const RECENT_IDS = 10_000;

/**
 * Puts the events of windows fetched in parallel into the file in window order, so the file is in
 * time order. The current window (the newest not yet finished) is written as its pages arrive;
 * later windows wait on disk beside the file (see WindowSpill), and their fetching pauses while
 * more than `waitingBytes` wait. A window may be split while it runs: its pieces follow it. An event
 * id already written among the recent ones is dropped.
 */
export class OrderedEventSink {
  private readonly slots: WindowSlot[];
  private current = 0;
  private waitingNow = 0;
  private readonly recent = new RecentIds(RECENT_IDS);
  private lock: Promise<void> = Promise.resolve();
  private wakeups: Array<() => void> = [];
  private spills = 0;
  written = 0;
  duplicates = 0;
  newest?: string;
  oldest?: string;

  constructor(
    windows: readonly TimeWindow[],
    private readonly writer: EventFileWriter,
    private readonly waitingBytes: number,
    private readonly onWritten: () => void,
  ) {
    this.slots = windows.map((window) => new WindowSlot(window));
  }

  /** Every window's report, in file order (newest first). */
  get reports(): WindowReport[] {
    return this.slots.map((slot) => slot.report);
  }

  /**
   * The next window to fetch in file order, marked started. While none is waiting but some still
   * run (and may be split), waits; undefined once every window has finished.
   */
  async next(signal: AbortSignal): Promise<WindowSlot | undefined> {
    for (;;) {
      if (signal.aborted) throw new CancelledError();
      const waiting = this.slots.find((slot, i) => i >= this.current && !slot.started);
      if (waiting) {
        waiting.started = true;
        return waiting;
      }
      if (!this.slots.some((slot, i) => i >= this.current && !slot.finished)) return undefined;
      await this.change(signal);
    }
  }

  /** Puts `windows` (newest first) right after `slot`, for the part of it still to fetch. */
  insertAfter(slot: WindowSlot, windows: readonly TimeWindow[]): void {
    this.slots.splice(this.slots.indexOf(slot) + 1, 0, ...windows.map((window) => new WindowSlot(window)));
    this.wake();
  }

  /** Takes one page of a window, in the order the server sent it. */
  accept(slot: WindowSlot, events: readonly RawEvent[]): Promise<void> {
    return this.locked(async () => {
      if (events.length === 0) return;
      if (slot === this.slots[this.current]) {
        await this.writeEvents(events);
        this.onWritten();
        return;
      }
      slot.spill ??= new WindowSpill(`${this.writer.tempPath}.${++this.spills}`);
      await slot.spill.add(events);
      const bytes = events.reduce((sum, event) => sum + event.size, 0);
      slot.bytes += bytes;
      this.waitingNow += bytes;
    });
  }

  /** The window has all its pages (or stopped for good): the windows after it may follow in the file. */
  finish(slot: WindowSlot): Promise<void> {
    return this.locked(async () => {
      slot.finished = true;
      if (slot !== this.slots[this.current]) await slot.spill?.close();
      while (this.current < this.slots.length && this.slots[this.current].finished) {
        this.current++;
        if (this.current < this.slots.length) await this.flush(this.slots[this.current]);
      }
      this.wake();
    });
  }

  /** Resolves when the window may fetch on: it is the current one, or few enough events wait. */
  async room(slot: WindowSlot, signal: AbortSignal): Promise<void> {
    while (slot !== this.slots[this.current] && this.waitingNow > this.waitingBytes) await this.change(signal);
  }

  private change(signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(new CancelledError());
      const onAbort = () => reject(new CancelledError());
      signal.addEventListener('abort', onAbort, { once: true });
      this.wakeups.push(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      });
    });
  }

  /** After a stop: writes every event still waiting, window by window, so nothing fetched is lost. */
  flushAll(): Promise<void> {
    return this.locked(async () => {
      for (let i = this.current + 1; i < this.slots.length; i++) await this.flush(this.slots[i]);
    });
  }

  /** Removes what still waits on disk: after a cancel or a failure; nothing is left once every window is written. */
  discardWaiting(): Promise<void> {
    return this.locked(async () => {
      for (const slot of this.slots) await slot.spill?.discard();
    });
  }

  private async flush(slot: WindowSlot): Promise<void> {
    const spill = slot.spill;
    if (spill) {
      const count = spill.count;
      for await (const batch of spill.batches()) await this.writeEvents(batch);
      slot.spill = undefined;
      if (count > 0) this.onWritten();
    }
    this.waitingNow -= slot.bytes;
    slot.bytes = 0;
    this.wake();
  }

  /** Writes the events in order, but those whose id is among the recent ones; counts them once the file took them. */
  private async writeEvents(events: readonly RawEvent[]): Promise<void> {
    const fresh: Buffer[][] = [];
    let newest: string | undefined;
    let oldest: string | undefined;
    for (const event of events) {
      if (event.id !== undefined && this.recent.seen(event.id)) {
        this.duplicates++;
        continue;
      }
      fresh.push(event.pieces);
      if (event.time !== undefined) {
        newest ??= event.time;
        oldest = event.time;
      }
    }
    if (fresh.length === 0) return;
    await this.writer.writeEvents(fresh);
    this.written += fresh.length;
    this.newest ??= newest;
    this.oldest = oldest ?? this.oldest;
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
