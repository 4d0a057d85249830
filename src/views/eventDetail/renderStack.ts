import type { Frame, Stacktrace } from '../../sentry/event/eventModel';
import { count, oneLineText } from './displayText';
import { el, EMPTY, type Html, icon, text } from './html';
import { type EventStack, frameIndexAt } from './eventStacks';
import type { StackRef } from './protocol';
import type { FrameOrder, RenderContext } from './renderContext';
import { LIMITS } from './renderLimits';
import { renderFrameRow } from './renderFrame';
import { fragment, moreControl } from './renderValue';

/** Exceptions painted with their frames at first; further ones open on demand. */
const OPEN_STACKS = 5;

/**
 * One page of a stack's frames in reading order: in-app frames expanded (up to a cap per page, of which
 * `expandedBefore` were already expanded by the page's first screen), runs of library frames folded
 * into one row, then "show more frames".
 */
export function renderFramesPage(ctx: RenderContext, stacktrace: Stacktrace | undefined, ref: StackRef, start: number, expandedBefore = 0): Html {
  const frames = framesOf(stacktrace);
  if (frames.length === 0) return noFrames();
  const end = pageEnd(frames.length, start);
  return (renderFrameRows(ctx, frames, ref, start, end, expandedBefore).html + moreFrames(ref, frames.length, end)) as Html;
}

/**
 * A stack's first page as the panel's first HTML holds it: the first screen of rows, then a slot the
 * page fills with the rest of the first page (`renderFramesPage` from where the screen ended) as soon
 * as it has painted.
 */
export function renderFirstScreen(ctx: RenderContext, stacktrace: Stacktrace | undefined, ref: StackRef): Html {
  const frames = framesOf(stacktrace);
  const end = pageEnd(frames.length, 0);
  const cut = firstScreenEnd(frames, ctx.options.frameOrder, end);
  if (cut >= end) return renderFramesPage(ctx, stacktrace, ref, 0);
  const screen = renderFrameRows(ctx, frames, ref, 0, cut, 0);
  const rest = el(
    'div',
    { class: 'slot autoload', 'data-fragment': fragment({ kind: 'frames', stack: ref, start: cut, expanded: screen.expanded }) },
    el('p', { class: 'muted' }, icon('loading'), text(' Loading more frames…')),
  );
  return (screen.html + rest) as Html;
}

function framesOf(stacktrace: Stacktrace | undefined): Frame[] {
  return Array.isArray(stacktrace?.frames) ? stacktrace.frames : [];
}

function noFrames(): Html {
  return el('p', { class: 'muted' }, text('No frames were sent with this stack.'));
}

/** Where the page starting at `start` ends: the first page (or its rest) at `framesFirstPage`, later pages `framesPage` on. */
function pageEnd(frameCount: number, start: number): number {
  return Math.min(frameCount, start < LIMITS.framesFirstPage ? LIMITS.framesFirstPage : start + LIMITS.framesPage);
}

/**
 * Where the first screen ends: after `framesFirstScreen` rows, or later, at the end of the run of
 * library frames that row falls in, so that no folded group is cut in two (at most at `end`).
 */
function firstScreenEnd(frames: Frame[], order: FrameOrder, end: number): number {
  if (!frames.some(isInApp)) return Math.min(end, LIMITS.framesFirstScreen);
  const inAppAt = (position: number) => isInApp(frames[frameIndexAt(frames.length, position, order)]);
  for (let cut = LIMITS.framesFirstScreen; cut < end; cut++) {
    if (inAppAt(cut - 1) || inAppAt(cut)) return cut;
  }
  return end;
}

function isInApp(frame: Frame | undefined): boolean {
  return typeof frame === 'object' && frame !== null && frame.inApp === true;
}

/** The rows of positions `start` to `end`, and how many in-app frames are expanded by the end of them. */
function renderFrameRows(ctx: RenderContext, frames: Frame[], ref: StackRef, start: number, end: number, expandedBefore: number): { html: Html; expanded: number } {
  const anyInApp = frames.some(isInApp);
  const out: Html[] = [];
  let library: Html[] = [];
  let expanded = expandedBefore;
  const flushLibrary = () => {
    if (library.length === 1) out.push(library[0]);
    else if (library.length > 1) out.push(el('details', { class: 'library-group' }, el('summary', undefined, text(`${count(library.length)} library frames`)), ...library));
    library = [];
  };
  for (let position = start; position < end; position++) {
    const index = frameIndexAt(frames.length, position, ctx.options.frameOrder);
    const frame = frames[index];
    if (typeof frame !== 'object' || frame === null) continue;
    const frameRef = { stack: ref, frame: index };
    if (!anyInApp) {
      const expand = position === 0 && ctx.spend(1);
      out.push(renderFrameRow(ctx, frame, frameRef, expand));
      continue;
    }
    if (!frame.inApp) {
      ctx.spend(1);
      library.push(renderFrameRow(ctx, frame, frameRef, false));
      continue;
    }
    flushLibrary();
    const expand = expanded < LIMITS.expandedFramesPage && ctx.spend(1);
    if (expand) expanded++;
    out.push(renderFrameRow(ctx, frame, frameRef, expand));
  }
  flushLibrary();
  return { html: out.join('') as Html, expanded };
}

function moreFrames(ref: StackRef, frameCount: number, end: number): Html {
  if (end >= frameCount) return EMPTY;
  const rest = frameCount - end;
  return moreControl({ kind: 'frames', stack: ref, start: end }, `Show ${count(Math.min(rest, LIMITS.framesPage))} more frames of ${count(rest)}`);
}

/** A stack under its heading: an exception's type and value, a thread's name, or "Stack trace". */
export function renderStack(ctx: RenderContext, stack: EventStack, position: number): Html {
  const frameCount = Array.isArray(stack.stacktrace?.frames) ? stack.stacktrace.frames.length : 0;
  const open = stack.ref.kind !== 'thread' ? position < OPEN_STACKS : stack.thread?.crashed === true && position === 0;
  const summary = el('summary', undefined, stackHeading(stack), el('span', { class: 'muted count' }, text(frameCount === 1 ? '1 frame' : `${count(frameCount)} frames`)));
  const detail = stack.exception ? exceptionDetail(stack) : EMPTY;
  if (frameCount > 0 && open && ctx.spend(1)) {
    return el('details', { class: 'stack', open: true }, summary, detail, el('div', { class: 'frames' }, ctx.firstPaint ? renderFirstScreen(ctx, stack.stacktrace, stack.ref) : renderFramesPage(ctx, stack.stacktrace, stack.ref, 0)));
  }
  if (frameCount === 0) return el('details', { class: 'stack', open: stack.exception !== undefined }, summary, detail);
  return el('details', { class: 'stack', 'data-fragment': fragment({ kind: 'frames', stack: stack.ref, start: 0 }) }, summary, detail, el('div', { class: 'frames' }, el('div', { class: 'pending' })));
}

function stackHeading(stack: EventStack): Html {
  if (stack.exception) {
    return el('span', { class: 'stack-title' }, el('span', { class: 'exc-type' }, text(oneLineText(stack.exception.type || 'Error', 200))));
  }
  if (stack.thread) {
    const thread = stack.thread;
    const name = [thread.name, thread.id === undefined ? undefined : `#${thread.id}`].filter(Boolean).join(' ') || 'Thread';
    return el(
      'span',
      { class: 'stack-title' },
      text(oneLineText(name, 200)),
      thread.crashed ? el('span', { class: 'badge error' }, text('crashed')) : EMPTY,
      thread.current ? el('span', { class: 'badge' }, text('current')) : EMPTY,
    );
  }
  return el('span', { class: 'stack-title' }, text('Stack trace'));
}

function exceptionDetail(stack: EventStack): Html {
  const exception = stack.exception;
  if (!exception) return EMPTY;
  const mechanism = exception.mechanism;
  const badges: Html[] = [];
  if (mechanism?.handled === false) badges.push(el('span', { class: 'badge error' }, text('unhandled')));
  if (mechanism?.type) badges.push(el('span', { class: 'badge' }, text(`mechanism: ${oneLineText(mechanism.type, 60)}`)));
  if (exception.module) badges.push(el('span', { class: 'badge' }, text(`module: ${oneLineText(exception.module, 120)}`)));
  const value = typeof exception.value === 'string' ? exception.value : '';
  const index = stack.ref.kind === 'exception' ? stack.ref.index : 0;
  return el(
    'div',
    { class: 'exc-detail' },
    value ? el('pre', { class: 'exc-value' }, headlineText(value, ['exceptions', index, 'value'])) : EMPTY,
    badges.length > 0 ? el('div', { class: 'badges' }, ...badges) : EMPTY,
  );
}

/** A headline's text, cut with "show all" past the headline limit. */
export function headlineText(value: string, path: Array<string | number>): Html {
  if (value.length <= LIMITS.headline) return text(value);
  return el(
    'span',
    { class: 'slot' },
    text(`${value.slice(0, LIMITS.headline)}…`),
    el('button', { class: 'link', type: 'button', 'data-action': 'loadFragment', 'data-fragment': fragment({ kind: 'value', path, start: 0 }) }, text(`show all (${count(value.length)} characters)`)),
  );
}
