import { basename } from 'node:path';
import type { EventFile, EventSummary, OpenEventFileOptions } from '../sentry/event/eventFile';
import { openEventFile } from '../sentry/event/eventFile';
import type { SentryEvent } from '../sentry/event/eventModel';
import { Emitter } from './emitter';
import { type LocalEventRef, localEventKey } from './localEventRef';

/** Opens an event file; the real one reads the disk (tests may count calls). */
export type EventFileOpener = (path: string, options?: OpenEventFileOptions) => Promise<EventFile>;

/** Thrown for a ref whose file is not open (closed since, or never opened here). */
export class EventFileNotOpenError extends Error {
  constructor(file: string) {
    super(`${basename(file)} is not open any more; open it again with Open Event File.`);
    this.name = 'EventFileNotOpenError';
  }
}

/**
 * The event files the user opened, in the order they were opened, for the tree's "Local files" and
 * the detail panel. A file keeps only its index of summaries (NDJSON: byte offsets); a full event is
 * parsed when it is loaded, and only the last few loaded are kept.
 */
export class LocalEventFiles {
  private readonly files = new Map<string, EventFile>();
  private readonly loaded = new Map<string, SentryEvent>();
  private readonly changed = new Emitter<void>();
  /** A file was opened, opened again or closed. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly opener: EventFileOpener = openEventFile,
    private readonly keepLoaded = 8,
  ) {}

  /** Open files by path, oldest first. */
  paths(): string[] {
    return [...this.files.keys()];
  }

  get(path: string): EventFile | undefined {
    return this.files.get(path);
  }

  /**
   * Reads the file (again, when it was open: it may have changed) and keeps it.
   * @throws EventParseError when it holds no event, saying what was expected and where JSON broke.
   */
  async open(path: string, options?: OpenEventFileOptions): Promise<EventFile> {
    const file = await this.opener(path, options);
    this.forgetLoaded(path);
    this.files.delete(path);
    this.files.set(path, file);
    this.changed.fire();
    return file;
  }

  close(path: string): boolean {
    const had = this.files.delete(path);
    this.forgetLoaded(path);
    if (had) this.changed.fire();
    return had;
  }

  summary(ref: LocalEventRef): EventSummary | undefined {
    return this.files.get(ref.file)?.summaries[ref.index];
  }

  /** The event if it was loaded lately; never reads the disk. */
  event(ref: LocalEventRef): SentryEvent | undefined {
    return this.loaded.get(localEventKey(ref));
  }

  /** The full event, parsed now unless it was loaded lately. */
  async load(ref: LocalEventRef): Promise<SentryEvent> {
    const key = localEventKey(ref);
    const cached = this.loaded.get(key);
    if (cached) {
      this.loaded.delete(key);
      this.loaded.set(key, cached);
      return cached;
    }
    const file = this.files.get(ref.file);
    if (!file) throw new EventFileNotOpenError(ref.file);
    if (ref.index >= file.summaries.length) throw new RangeError(`${file.name} has ${file.summaries.length} events; there is no event ${ref.index + 1}.`);
    const event = await file.load(ref.index);
    // The file may have been closed or opened again while the event was read.
    if (this.files.get(ref.file) === file) {
      this.loaded.set(key, event);
      while (this.loaded.size > this.keepLoaded) this.loaded.delete(this.loaded.keys().next().value as string);
    }
    return event;
  }

  dispose(): void {
    this.files.clear();
    this.loaded.clear();
    this.changed.dispose();
  }

  private forgetLoaded(path: string): void {
    const prefix = localEventKey({ file: path, index: 0 }).replace(/ 0$/, ' ');
    for (const key of [...this.loaded.keys()]) if (key.startsWith(prefix)) this.loaded.delete(key);
  }
}
