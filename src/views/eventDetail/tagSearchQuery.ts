import type { SentryEvent } from '../../sentry/event/eventModel';

const PLAIN_KEY = /^[A-Za-z0-9_.:-]+$/;
const PLAIN_VALUE = /^[^\s"\\()]+$/;

/**
 * Sentry search syntax for one of the event's tags: `key:value`, the value quoted (and its quotes
 * escaped) when it has spaces, quotes or parentheses. Undefined for a tag index the event lacks, or a
 * key Sentry's search cannot name.
 */
export function tagSearchQuery(event: SentryEvent, tagIndex: number): string | undefined {
  if (!Number.isInteger(tagIndex) || tagIndex < 0 || tagIndex >= event.tags.length) return undefined;
  const { key, value } = event.tags[tagIndex];
  if (typeof key !== 'string' || typeof value !== 'string' || !PLAIN_KEY.test(key)) return undefined;
  const quoted = PLAIN_VALUE.test(value) ? value : `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  return `${key}:${quoted.replace(/[\r\n]+/g, ' ')}`;
}
