import type { LocalEventRef } from '../../model/localEventRef';
import type { EventRef } from '../../model/refs';
import type { SentryStore } from '../../model/store';
import type { SentryEvent } from '../../sentry/event/eventModel';

/**
 * The event that the rows below an event row (exceptions, threads, frames) show: a Sentry event
 * read from the store by its ref, or an event of a file the user opened. The rows give whichever ref
 * they have to the commands they run.
 */
export interface RowEvent {
  /** A Sentry event: commands such as Open in Browser act on it. */
  readonly ref?: EventRef;
  /** An event of an opened file: its frames open with local rules only, offline. */
  readonly localEvent?: LocalEventRef;
  current(): SentryEvent | undefined;
}

export function storedEvent(ref: EventRef, store: SentryStore): RowEvent {
  return { ref, current: () => store.event(ref) };
}

export function fileEvent(localEvent: LocalEventRef, event: SentryEvent): RowEvent {
  return { localEvent, current: () => event };
}
