import type { ExceptionInfo, Frame, SentryEvent, Stacktrace } from '../sentry/event/eventModel';
import type { FrameRef, StackRef } from './refs';

/** The stack a ref names, when the event has it. */
export function stackAt(event: SentryEvent, ref: StackRef): Stacktrace | undefined {
  if (ref.kind === 'stacktrace') return event.stacktrace;
  const list = ref.kind === 'exception' ? event.exceptions : event.threads;
  return Number.isInteger(ref.index) && ref.index >= 0 && ref.index < list.length ? list[ref.index].stacktrace : undefined;
}

/** The frame a ref names, when the event has it. */
export function frameAt(event: SentryEvent, ref: FrameRef): Frame | undefined {
  const frames = stackAt(event, ref.stack)?.frames;
  if (!frames || !Number.isInteger(ref.frame) || ref.frame < 0 || ref.frame >= frames.length) return undefined;
  return frames[ref.frame];
}

/** "TypeError: x is undefined" for an exception's stack, "Thread main" for a thread's (untrusted text). */
export function stackLabel(event: SentryEvent, ref: StackRef): string | undefined {
  if (ref.kind === 'exception') {
    const exception: ExceptionInfo | undefined = event.exceptions[ref.index];
    return exception && (exception.value ? `${exception.type}: ${exception.value}` : exception.type);
  }
  if (ref.kind === 'thread') {
    const thread = event.threads[ref.index];
    return thread && (thread.name ? `Thread ${thread.name}` : `Thread ${thread.id ?? '?'}`);
  }
  return undefined;
}
