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

/**
 * The frame a user most likely opens first: in the stack that raised (the last exception's; else the crashed,
 * or current, thread's; else the event's bare stack), the innermost in-app frame, or the innermost frame when
 * none is in-app.
 */
export function likelyFirstFrame(event: SentryEvent): FrameRef | undefined {
  const stack = raisingStack(event);
  const frames = stack ? stackAt(event, stack)?.frames : undefined;
  if (!stack || !frames || frames.length === 0) return undefined;
  for (let i = frames.length - 1; i >= 0; i--) {
    if (frames[i].inApp) return { stack, frame: i };
  }
  return { stack, frame: frames.length - 1 };
}

function raisingStack(event: SentryEvent): StackRef | undefined {
  if (event.exceptions.length > 0) return { kind: 'exception', index: event.exceptions.length - 1 };
  const withFrames = event.threads.map((thread, index) => ({ thread, index })).filter(({ thread }) => (thread.stacktrace?.frames.length ?? 0) > 0);
  const thread = withFrames.find(({ thread }) => thread.crashed) ?? withFrames.find(({ thread }) => thread.current) ?? withFrames[0];
  if (thread) return { kind: 'thread', index: thread.index };
  return event.stacktrace ? { kind: 'stacktrace' } : undefined;
}
