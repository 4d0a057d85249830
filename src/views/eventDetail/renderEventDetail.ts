import type { SentryEvent } from '../../sentry/event/eventModel';
import { isRecordValue } from './displayText';
import { el, type Html, icon, text } from './html';
import { exceptionStacks, threadStacks } from './eventStacks';
import { renderBreadcrumbFilter, renderBreadcrumbsPageWithin } from './renderBreadcrumbs';
import { type EventHeaderContext, RenderContext, type RenderOptions } from './renderContext';
import { renderContexts } from './renderContexts';
import { renderHeader } from './renderHeader';
import { LIMITS } from './renderLimits';
import { renderFieldTable, renderPairsPage } from './renderPairs';
import { renderRequest } from './renderRequest';
import { renderSection } from './renderSection';
import { headlineText, renderStack } from './renderStack';
import { renderTagsPage } from './renderTags';
import { fragment, renderEntries } from './renderValue';

/**
 * The panel's body for one event: a pure function of the event model and what the extension knows
 * about it. Large or folded parts are placeholders the webview asks for (see renderFragment.ts); the
 * sections below the stack trace follow as one such part when they would make the first paint large.
 */
export function renderEventDetail(event: SentryEvent, header: EventHeaderContext = {}, options?: RenderOptions): Html {
  const ctx = new RenderContext(event, header, options, LIMITS.valueCells, true);
  const top: Array<Html | undefined> = [
    guarded('header', () => renderHeader(event, header)),
    guarded('message', () => messageSection(event)),
    guarded('stack trace', () => stacksSection(ctx)),
  ];
  const rest = renderSectionsBelowStacks(ctx, LIMITS.firstPaintRest);
  const deferred = el(
    'div',
    { class: 'slot autoload', 'data-fragment': fragment({ kind: 'sections' }) },
    el('p', { class: 'muted' }, icon('loading'), text(' Loading breadcrumbs, tags, contexts, request and the rest…')),
  );
  return el('div', { class: 'event' }, ...top, rest ?? deferred);
}

/**
 * Threads, breadcrumbs, tags, contexts, request, user, extra, SDK and packages; undefined as soon as
 * they pass `maxChars` (the sections after the one that passed it are not rendered).
 */
export function renderSectionsBelowStacks(ctx: RenderContext, maxChars = Number.POSITIVE_INFINITY): Html | undefined {
  const event = ctx.event;
  const sections: Array<() => Html | undefined | typeof TOO_LARGE> = [
    () => guarded('threads', () => threadsSection(ctx)),
    () => breadcrumbsSection(ctx, maxChars - out.length),
    () => guarded('tags', () => (event.tags.length > 0 ? renderSection('tags', 'Tags', renderTagsPage(event, 0), event.tags.length) : undefined)),
    () => guarded('contexts', () => (nonEmptyRecord(event.contexts) ? renderSection('contexts', 'Contexts', renderContexts(ctx, event.contexts), Object.keys(event.contexts).length) : undefined)),
    () => guarded('request', () => (isRecordValue(event.request) ? renderSection('request', 'Request', renderRequest(ctx, event.request)) : undefined)),
    () => guarded('user', () => userSection(event)),
    () => guarded('extra', () => (nonEmptyRecord(event.extra) ? renderSection('extra', 'Extra', renderEntries(ctx, event.extra, ['extra'], 1, 0), Object.keys(event.extra).length) : undefined)),
    () => guarded('SDK', () => (event.sdk ? renderSection('sdk', 'SDK', renderFieldTable([['Name', event.sdk.name], ['Version', event.sdk.version]])) : undefined)),
    () => guarded('packages', () => (Array.isArray(event.modules) && event.modules.length > 0 ? renderSection('modules', 'Packages', renderPairsPage('modules', event.modules, 0), event.modules.length, false) : undefined)),
  ];
  let out = '';
  for (const section of sections) {
    const html = section();
    if (html === TOO_LARGE) return undefined;
    out += html ?? '';
    if (out.length > maxChars) return undefined;
  }
  return out as Html;
}

/** The message, when the header shows an exception instead (an event with a message has it in the header otherwise). */
function messageSection(event: SentryEvent): Html | undefined {
  if (event.exceptions.length === 0 || typeof event.message !== 'string' || event.message === '') return undefined;
  return renderSection('message', 'Message', el('pre', { class: 'exc-value' }, headlineText(event.message, ['message'])));
}

function stacksSection(ctx: RenderContext): Html | undefined {
  const stacks = exceptionStacks(ctx.event, ctx.options.frameOrder);
  if (stacks.length === 0) return undefined;
  const title = ctx.event.exceptions.length > 1 ? `Exceptions (chain of ${ctx.event.exceptions.length})` : ctx.event.exceptions.length === 1 ? 'Exception' : 'Stack Trace';
  return renderSection('stacks', title, (stacks.map((stack, position) => renderStack(ctx, stack, position)).join('')) as Html);
}

function threadsSection(ctx: RenderContext): Html | undefined {
  const stacks = threadStacks(ctx.event);
  if (stacks.length === 0) return undefined;
  const showCrashed = ctx.event.exceptions.every((exception) => !exception.stacktrace) && !ctx.event.stacktrace;
  const body = stacks.map((stack, position) => renderStack(ctx, stack, showCrashed && stack.thread?.crashed ? 0 : position + 1)).join('') as Html;
  return renderSection('threads', 'Threads', body, stacks.length, showCrashed);
}

/** A section that would pass what the first paint may hold: every section is deferred then. */
const TOO_LARGE = Symbol('too large');

/** TOO_LARGE as soon as the first page of breadcrumbs passes `maxChars` (its later rows are not rendered). */
function breadcrumbsSection(ctx: RenderContext, maxChars: number): Html | undefined | typeof TOO_LARGE {
  const crumbs = ctx.event.breadcrumbs;
  if (crumbs.length === 0) return undefined;
  return guarded('breadcrumbs', () => {
    const page = renderBreadcrumbsPageWithin(ctx, ctx.event, 0, maxChars);
    if (page === undefined) return undefined;
    const list = el('div', { class: 'crumbs', role: 'list', 'data-list': 'breadcrumbs' }, page);
    return renderSection('breadcrumbs', 'Breadcrumbs', (renderBreadcrumbFilter() + list) as Html, crumbs.length);
  }) ?? TOO_LARGE;
}

function userSection(event: SentryEvent): Html | undefined {
  const user = event.user;
  if (typeof user !== 'object' || user === null) return undefined;
  const geo = Array.isArray(user.geo) ? user.geo.map(([key, value]) => `${key}: ${value}`).join(', ') : undefined;
  return renderSection('user', 'User', renderFieldTable([['ID', user.id], ['Email', user.email], ['Username', user.username], ['IP address', user.ipAddress], ['Name', user.name], ['Geo', geo]]));
}

function nonEmptyRecord(value: unknown): value is Record<string, unknown> {
  return isRecordValue(value) && Object.keys(value).length > 0;
}

/** A section that fails to render says so in its place; the rest of the event is still shown. */
function guarded(name: string, render: () => Html | undefined): Html | undefined {
  try {
    return render();
  } catch {
    return el('p', { class: 'notice' }, icon('warning'), text(` The ${name} part of this event could not be shown.`));
  }
}
