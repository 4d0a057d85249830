import type { SentryEvent } from '../../../../src/sentry/event/eventModel';
import type { FragmentRef } from '../../../../src/views/eventDetail/protocol';
import type { EventHeaderContext } from '../../../../src/views/eventDetail/renderContext';
import { renderEventDetail } from '../../../../src/views/eventDetail/renderEventDetail';
import { renderFragment } from '../../../../src/views/eventDetail/renderFragment';
import { checkMarkup, type MarkupSummary } from './strictMarkup';

export interface RenderedEvent {
  firstPaint: string;
  first: MarkupSummary;
  /** The first paint's text and that of every fragment reached, decoded. */
  allText: string;
  fragmentsRendered: number;
}

/** Renders the first paint, then every fragment it names and every fragment those name (up to `limit`), each checked strictly. */
export function renderEverything(event: SentryEvent, header: EventHeaderContext = {}, limit = 400): RenderedEvent {
  const firstPaint = renderEventDetail(event, header);
  const first = checkMarkup(firstPaint);
  const queue = [...first.fragments];
  let allText = first.text;
  let fragmentsRendered = 0;
  while (queue.length > 0 && fragmentsRendered < limit) {
    const ref = queue.shift() as FragmentRef;
    const html = renderFragment(event, ref, header);
    const summary = checkMarkup(html);
    allText += `\n${summary.text}`;
    queue.push(...summary.fragments);
    fragmentsRendered++;
  }
  return { firstPaint, first, allText, fragmentsRendered };
}
