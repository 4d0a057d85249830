import type { Breadcrumb, SentryEvent } from '../../sentry/event/eventModel';
import { clockTime, count, oneLineText } from './displayText';
import { el, EMPTY, type Html, text } from './html';
import type { RenderContext } from './renderContext';
import { LIMITS } from './renderLimits';
import { moreControl, renderValue } from './renderValue';

/** The filter box over the timeline; the webview script filters the rows by their text. */
export function renderBreadcrumbFilter(): Html {
  return el('input', { class: 'filter', type: 'search', 'data-filter': 'breadcrumbs', placeholder: 'Filter breadcrumbs', 'aria-label': 'Filter breadcrumbs', spellcheck: 'false' });
}

/** One page of the timeline, oldest first: time, category, level, message, data. */
export function renderBreadcrumbsPage(ctx: RenderContext, event: SentryEvent, start: number): Html {
  return renderBreadcrumbsPageWithin(ctx, event, start, Number.POSITIVE_INFINITY) ?? EMPTY;
}

/** The same page, or undefined as soon as its rows pass `maxChars` (the rows after that are not rendered). */
export function renderBreadcrumbsPageWithin(ctx: RenderContext, event: SentryEvent, start: number, maxChars: number): Html | undefined {
  const crumbs = event.breadcrumbs;
  const end = Math.min(crumbs.length, start + LIMITS.breadcrumbsPage);
  let rows = '';
  for (let i = start; i < end; i++) {
    const crumb = crumbs[i];
    if (typeof crumb === 'object' && crumb !== null) rows += renderCrumb(ctx, crumb, i);
    if (rows.length > maxChars) return undefined;
  }
  if (end < crumbs.length) rows += moreControl({ kind: 'rows', list: 'breadcrumbs', start: end }, `Show ${count(crumbs.length - end)} more breadcrumbs`);
  return rows as Html;
}

function renderCrumb(ctx: RenderContext, crumb: Breadcrumb, index: number): Html {
  const level = typeof crumb.level === 'string' ? oneLineText(crumb.level, 20) : '';
  const category = [crumb.category, crumb.type && crumb.type !== 'default' && crumb.type !== crumb.category ? crumb.type : undefined].filter((part) => typeof part === 'string' && part !== '').join(' · ');
  const hasData = typeof crumb.data === 'object' && crumb.data !== null && Object.keys(crumb.data).length > 0;
  return el(
    'div',
    { class: `crumb${level ? ` level-${levelClass(level)}` : ''}`, role: 'listitem' },
    el('span', { class: 'crumb-time', title: typeof crumb.timestamp === 'string' ? crumb.timestamp : undefined }, text(clockTime(crumb.timestamp) ?? '')),
    el('span', { class: 'crumb-category' }, text(oneLineText(category, 80))),
    el('span', { class: 'crumb-level' }, text(level)),
    el('span', { class: 'crumb-message' }, typeof crumb.message === 'string' ? renderValue(ctx, crumb.message, ['breadcrumbs', index, 'message'], 1) : EMPTY),
    hasData ? el('div', { class: 'crumb-data' }, renderValue(ctx, crumb.data, ['breadcrumbs', index, 'data'], 1)) : EMPTY,
  );
}

/** A CSS class suffix from a level the event names (letters only). */
export function levelClass(level: string): string {
  const known = ['fatal', 'error', 'warning', 'info', 'debug', 'log', 'critical'];
  const lower = level.toLowerCase();
  return known.includes(lower) ? lower : 'other';
}
