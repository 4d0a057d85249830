import { readConfig } from '../../config';
import type { EventRef } from '../../model/refs';
import type { SentryEvent } from '../../sentry/event/eventModel';
import { ExceptionNode } from './exceptionNode';
import { framesChildren } from './framesChildren';
import { MessageNode } from './messageNode';
import { type RowEvent, storedEvent } from './rowEvent';
import { ThreadNode } from './threadNode';
import type { TreeContext } from './treeContext';
import type { TreeNode } from './treeNode';

/** The rows below a Sentry event the store holds. */
export function eventChildren(parent: TreeNode, ref: EventRef, event: SentryEvent, context: TreeContext): TreeNode[] {
  return eventRows(parent, storedEvent(ref, context.store), event);
}

/**
 * Exceptions, newest (the one raised) first unless the user reads frames caller-first; threads
 * when there is no exception; a bare stack trace; or a message saying there is no stack. The same
 * rows for a Sentry event and for an event of an opened file.
 */
export function eventRows(parent: TreeNode, source: RowEvent, event: SentryEvent): TreeNode[] {
  if (!event.hasDetail) return [new MessageNode(parent, 'This event was listed without its details.', { key: 'summary' })];
  if (event.exceptions.length > 0) {
    const last = event.exceptions.length - 1;
    const indexes = event.exceptions.map((_, index) => index);
    if (readConfig().frameOrder === 'crashFirst') indexes.reverse();
    return indexes.map((index) => new ExceptionNode(source, index, index === last, parent));
  }
  const threads = event.threads.map((thread, index) => ({ thread, index })).filter(({ thread }) => thread.stacktrace && thread.stacktrace.frames.length > 0);
  if (threads.length > 0) {
    threads.sort((a, b) => Number(b.thread.crashed) - Number(a.thread.crashed) || Number(b.thread.current) - Number(a.thread.current));
    return threads.map(({ index }) => new ThreadNode(source, index, parent));
  }
  if (event.stacktrace && event.stacktrace.frames.length > 0) return framesChildren(parent, source, { kind: 'stacktrace' }, event.stacktrace.frames);
  const text = event.message || event.title;
  return [new MessageNode(parent, text ? `No stack trace. Message: ${text}` : 'No stack trace in this event.', { key: 'nostack' })];
}
