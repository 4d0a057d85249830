import type { FrameOpener, OpenFrameResult } from '../editor/frameOpener';
import type { LocalEventFiles } from '../model/localEventFiles';
import { readLocalEventRef } from '../model/localEventRef';
import { readEventRef, readFrameRef } from '../model/refs';
import { parseEvent } from '../sentry/event/eventParser';

/**
 * `sentry.openFrame`: a frame row (it gives `eventRef` and `frame`, or `localEvent` and `frame` in an
 * opened event file), or the same from any caller, or `{event, frame}` with an event's JSON in either
 * form; `frame` names the stack and the frame's index in Sentry's order. Everything is checked here;
 * the opening is the service's. A file's event opens with local rules only: nothing is asked of Sentry.
 */
export async function openFrame(arg: unknown, opener: FrameOpener, localFiles: LocalEventFiles): Promise<OpenFrameResult> {
  const given = typeof arg === 'object' && arg !== null ? (arg as Record<string, unknown>) : {};
  const frame = readFrameRef(given.frame);
  if (!frame) throw new Error('Pick a frame to open.');
  const eventRef = readEventRef(given.eventRef);
  if (eventRef) return opener.openInEvent(eventRef, frame);
  const localEvent = readLocalEventRef(given.localEvent);
  if (localEvent) return opener.openInParsedEvent(await localFiles.load(localEvent), frame);
  if (given.event !== undefined) return opener.openInParsedEvent(parseEvent(given.event), frame);
  throw new Error('Pick a frame to open.');
}
