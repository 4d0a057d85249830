import { readConfig } from '../../config';
import type { EventRef } from '../../model/refs';
import type { SentryEvent } from '../../sentry/event/eventModel';
import { ExceptionNode } from './exceptionNode';
import { framesChildren } from './framesChildren';
import { MessageNode } from './messageNode';
import { ThreadNode } from './threadNode';
import type { TreeContext } from './treeContext';
import type { TreeNode } from './treeNode';

/**
 * Exceptions, newest (the one raised) first unless the user reads frames caller-first; threads
 * when there is no exception; a bare stack trace; or a message saying there is no stack.
 */
export function eventChildren(parent: TreeNode, ref: EventRef, event: SentryEvent, context: TreeContext): TreeNode[] {
  if (!event.hasDetail) return [new MessageNode(parent, 'This event was listed without its details.', { key: 'summary' })];
  if (event.exceptions.length > 0) {
    const last = event.exceptions.length - 1;
    const indexes = event.exceptions.map((_, index) => index);
    if (readConfig().frameOrder === 'crashFirst') indexes.reverse();
    return indexes.map((index) => new ExceptionNode(ref, index, index === last, parent, context));
  }
  const threads = event.threads.map((thread, index) => ({ thread, index })).filter(({ thread }) => thread.stacktrace && thread.stacktrace.frames.length > 0);
  if (threads.length > 0) {
    threads.sort((a, b) => Number(b.thread.crashed) - Number(a.thread.crashed) || Number(b.thread.current) - Number(a.thread.current));
    return threads.map(({ index }) => new ThreadNode(ref, index, parent, context));
  }
  if (event.stacktrace && event.stacktrace.frames.length > 0) return framesChildren(parent, ref, { kind: 'stacktrace' }, event.stacktrace.frames);
  const text = event.message || event.title;
  return [new MessageNode(parent, text ? `No stack trace. Message: ${text}` : 'No stack trace in this event.', { key: 'nostack' })];
}
