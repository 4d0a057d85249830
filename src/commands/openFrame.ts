import type { FrameOpener, OpenFrameResult } from '../editor/frameOpener';
import { readEventRef, readFrameRef } from '../model/refs';
import { parseEvent } from '../sentry/event/eventParser';

/**
 * `sentry.openFrame`: a frame row (it gives `eventRef` and `frame`), or `{eventRef, frame}` from any
 * caller, or `{event, frame}` with an event's JSON in either form; `frame` names the stack and the
 * frame's index in Sentry's order. Everything is checked here; the opening is the service's.
 */
export function openFrame(arg: unknown, opener: FrameOpener): Promise<OpenFrameResult> {
  const given = typeof arg === 'object' && arg !== null ? (arg as Record<string, unknown>) : {};
  const frame = readFrameRef(given.frame);
  if (!frame) throw new Error('Pick a frame to open.');
  const eventRef = readEventRef(given.eventRef);
  if (eventRef) return opener.openInEvent(eventRef, frame);
  if (given.event !== undefined) return opener.openInParsedEvent(parseEvent(given.event), frame);
  throw new Error('Pick a frame to open.');
}
