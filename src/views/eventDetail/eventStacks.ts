import type { ExceptionInfo, SentryEvent, Stacktrace, ThreadInfo } from '../../sentry/event/eventModel';
import type { FrameOrder } from './renderContext';
import type { StackRef } from './protocol';

/** One stack the panel shows: an exception of the chain, a thread, or the bare stack trace. */
export interface EventStack {
  ref: StackRef;
  stacktrace?: Stacktrace;
  exception?: ExceptionInfo;
  thread?: ThreadInfo;
}

/**
 * The exceptions of the chain in reading order (the one raised last first when frames read crash
 * first, as Sentry's "most recent first"), then the bare stack trace.
 */
export function exceptionStacks(event: SentryEvent, order: FrameOrder): EventStack[] {
  const stacks: EventStack[] = event.exceptions.map((exception, index) => ({ ref: { kind: 'exception', index }, exception, stacktrace: exception.stacktrace }));
  if (order === 'crashFirst') stacks.reverse();
  if (event.stacktrace) stacks.push({ ref: { kind: 'stacktrace' }, stacktrace: event.stacktrace });
  return stacks;
}

export function threadStacks(event: SentryEvent): EventStack[] {
  return event.threads.map((thread, index) => ({ ref: { kind: 'thread', index }, thread, stacktrace: thread.stacktrace }));
}

/** The model index (Sentry's order, caller first) of the frame shown at `position`. */
export function frameIndexAt(frameCount: number, position: number, order: FrameOrder): number {
  return order === 'crashFirst' ? frameCount - 1 - position : position;
}
