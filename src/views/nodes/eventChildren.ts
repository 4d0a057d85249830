import type { SentryEvent } from '../../sentry/event/eventModel';
import { ExceptionNode } from './exceptionNode';
import type { EventSource } from './frameNode';
import { framesChildren } from './framesChildren';
import { MessageNode } from './messageNode';
import { ThreadNode } from './threadNode';
import type { TreeContext } from './treeContext';
import type { TreeNode } from './treeNode';
import { readConfig } from '../../config';

/**
 * Exceptions, newest (the one raised) first unless the user reads frames caller-first; threads
 * when there is no exception; a bare stack trace; or a message saying there is no stack.
 */
export function eventChildren(parent: TreeNode, event: SentryEvent, context: TreeContext, source: EventSource): TreeNode[] {
  if (!event.hasDetail) return [new MessageNode(parent, 'This event was listed without its details.', { key: 'summary' })];
  if (event.exceptions.length > 0) {
    const crashFirst = readConfig().frameOrder === 'crashFirst';
    const last = event.exceptions.length - 1;
    const indexed = event.exceptions.map((exception, index) => ({ exception, index }));
    if (crashFirst) indexed.reverse();
    return indexed.map(({ exception, index }) => new ExceptionNode(exception, index, index === last, event.exceptions.length, parent, context, { ...source, event }));
  }
  const threads = event.threads.filter((t) => t.stacktrace && t.stacktrace.frames.length > 0);
  if (threads.length > 0) {
    threads.sort((a, b) => Number(b.crashed) - Number(a.crashed) || Number(b.current) - Number(a.current));
    return threads.map((thread, index) => new ThreadNode(thread, index, parent, context, { ...source, event }));
  }
  if (event.stacktrace && event.stacktrace.frames.length > 0) return framesChildren(parent, event.stacktrace.frames, context, { ...source, event });
  const text = event.message || event.title;
  return [new MessageNode(parent, text ? `No stack trace. Message: ${text}` : 'No stack trace in this event.', { key: 'nostack' })];
}
