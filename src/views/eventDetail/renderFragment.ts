import type { SentryEvent } from '../../sentry/event/eventModel';
import { isRecordValue, ownProperty } from './displayText';
import { el, type Html, icon, text } from './html';
import { frameAt, stackAt } from '../../model/eventFrames';
import type { FragmentRef, PagedList, ValuePath } from './protocol';
import { renderBreadcrumbsPage } from './renderBreadcrumbs';
import { renderSectionsBelowStacks } from './renderEventDetail';
import { type EventHeaderContext, RenderContext, type RenderOptions } from './renderContext';
import { renderFrameBody } from './renderFrame';
import { LIMITS } from './renderLimits';
import { renderPairsPage } from './renderPairs';
import { queryPairs } from './renderRequest';
import { renderFramesPage } from './renderStack';
import { renderTagsPage } from './renderTags';
import { renderEntries, renderFullString, renderValue } from './renderValue';

/**
 * A part of the panel the webview asked for, rendered with the same functions as the first paint.
 * A reference to something the event does not hold (a stale or forged message) gets a notice, never an exception.
 */
export function renderFragment(event: SentryEvent, ref: FragmentRef, header: EventHeaderContext = {}, options?: RenderOptions): Html {
  const ctx = new RenderContext(event, header, options, LIMITS.valueCells);
  try {
    return renderKnownFragment(ctx, ref) ?? missing();
  } catch {
    return missing();
  }
}

function renderKnownFragment(ctx: RenderContext, ref: FragmentRef): Html | undefined {
  const event = ctx.event;
  switch (ref.kind) {
    case 'frameBody': {
      const frame = frameAt(event, ref.frame);
      return frame ? renderFrameBody(ctx, frame, ref.frame) : undefined;
    }
    case 'frames': {
      const stacktrace = stackAt(event, ref.stack);
      return stacktrace ? renderFramesPage(ctx, stacktrace, ref.stack, ref.start, ref.expanded) : undefined;
    }
    case 'value': {
      const found = valueAt(event, ref.path);
      if (!found.exists) return undefined;
      if (typeof found.value === 'string') return renderFullString(found.value);
      if (typeof found.value === 'object' && found.value !== null) return renderEntries(ctx, found.value, ref.path, 1, ref.start);
      return renderValue(ctx, found.value, ref.path, 1);
    }
    case 'rows':
      return renderRows(ctx, ref.list, ref.start);
    case 'sections':
      return renderSectionsBelowStacks(ctx);
  }
}

function renderRows(ctx: RenderContext, list: PagedList, start: number): Html | undefined {
  const event = ctx.event;
  switch (list) {
    case 'breadcrumbs':
      return renderBreadcrumbsPage(ctx, event, start);
    case 'tags':
      return renderTagsPage(event, start);
    case 'modules':
      return Array.isArray(event.modules) ? renderPairsPage('modules', event.modules, start) : undefined;
    case 'headers':
      return event.request ? renderPairsPage('headers', event.request.headers, start) : undefined;
    case 'cookies':
      return event.request?.cookies ? renderPairsPage('cookies', event.request.cookies, start) : undefined;
    case 'query':
      return typeof event.request?.query === 'string' ? renderPairsPage('query', queryPairs(event.request.query), start) : undefined;
  }
}

/** Walks own properties of records and indices of arrays only: nothing inherited, nothing past the model. */
export function valueAt(root: unknown, path: ValuePath): { exists: boolean; value?: unknown } {
  let current: unknown = root;
  for (const segment of path) {
    if (Array.isArray(current)) {
      if (typeof segment !== 'number' || !Number.isInteger(segment) || segment < 0 || segment >= current.length) return { exists: false };
      current = current[segment];
    } else if (isRecordValue(current)) {
      if (typeof segment !== 'string' || !Object.prototype.hasOwnProperty.call(current, segment)) return { exists: false };
      current = ownProperty(current, segment);
    } else {
      return { exists: false };
    }
  }
  return { exists: current !== undefined, value: current };
}

function missing(): Html {
  return el('p', { class: 'notice' }, icon('warning'), text(' This part of the event is no longer available; reopen the event to see it.'));
}
