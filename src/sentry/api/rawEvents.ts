import { NotSentryError, withCause } from '../http/errors';
import type { Page } from '../http/page';
import type { RateLimitHeaders } from '../http/rateLimitHeaders';
import { JsonArraySplitter, JsonSplitError } from '../json/jsonArraySplitter';

/** An issue's events within a time range (`start` inclusive, `end` exclusive, ISO 8601) and an environment. */
export interface IssueEventsRange {
  start?: string;
  end?: string;
  environment?: string;
}

/** One event as Sentry sent it, never parsed: its bytes (views of the answer's pieces, in order), and its id and time read from them. */
export interface RawEvent {
  pieces: Buffer[];
  size: number;
  /** `eventID`, else `id`. */
  id?: string;
  /** `dateCreated`. */
  time?: string;
}

/** One page of an issue's events as sent, with the rate-limit headers of its answer. */
export interface RawEventsPage extends Page<RawEvent> {
  rateLimit?: RateLimitHeaders;
}

/** No event comes near this; a larger one is refused rather than held. */
const MAX_EVENT_BYTES = 64 * 1024 * 1024;

/**
 * The events of one page as its body arrives, each cut out as the bytes it was sent as: the page is
 * never held as one string nor parsed into objects. A body that is not a JSON array of events is
 * not Sentry's answer.
 */
export async function readRawEvents(body: AsyncIterable<Uint8Array>, host: string, status: number): Promise<RawEvent[]> {
  const splitter = new JsonArraySplitter({ capture: ['eventID', 'id', 'dateCreated'], maxElementBytes: MAX_EVENT_BYTES });
  const events: RawEvent[] = [];
  try {
    for await (const chunk of body) {
      for (const { pieces, size, fields } of splitter.push(chunk)) {
        events.push({ pieces, size, id: nonEmpty(fields.eventID) ?? nonEmpty(fields.id), time: nonEmpty(fields.dateCreated) });
      }
    }
    splitter.end();
  } catch (error) {
    if (!(error instanceof JsonSplitError)) throw error;
    throw withCause(new NotSentryError(`${host} sent a list of events that is not valid JSON: ${error.message}. It does not look like Sentry's API.`, status), error);
  }
  return events;
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === '' ? undefined : text;
}
