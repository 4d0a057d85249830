import type { Frame } from '../../sentry/event/eventModel';
import { clip, isRecordValue, oneLineText } from './displayText';
import { dataJson, el, EMPTY, frag, type Html, icon, text } from './html';
import { frameContextLines, frameFunctionText, frameLocationText } from './frameText';
import type { FrameRef, StackRef, ValuePath } from './protocol';
import type { RenderContext } from './renderContext';
import { LIMITS } from './renderLimits';
import { fragment, renderEntries, renderValue } from './renderValue';

/** One frame: a summary line (function, location that opens the local file, module) over its body. */
export function renderFrameRow(ctx: RenderContext, frame: Frame, ref: FrameRef, expanded: boolean): Html {
  const summary = el(
    'summary',
    undefined,
    el('span', { class: 'fn' }, text(frameFunctionText(frame))),
    el(
      'button',
      { class: 'link frame-link', type: 'button', 'data-action': 'openFrame', 'data-frame': dataJson(ref), title: `Open ${clip(frame.absPath || frame.filename || frame.module || 'this frame', 500)} in the editor` },
      icon('go-to-file'),
      text(` ${frameLocationText(frame)}`),
    ),
    frameOrigin(frame),
    frame.inApp ? el('span', { class: 'badge in-app' }, text('in app')) : EMPTY,
  );
  const className = frame.inApp ? 'frame in-app' : 'frame library';
  if (!expanded) return el('details', { class: className, 'data-fragment': fragment({ kind: 'frameBody', frame: ref }) }, summary, el('div', { class: 'pending' }));
  return el('details', { class: className, open: true }, summary, renderFrameBody(ctx, frame, ref));
}

/** Context lines with numbers, the error line marked, then the local variables. */
export function renderFrameBody(ctx: RenderContext, frame: Frame, ref: FrameRef): Html {
  const parts: Html[] = [];
  const lines = frameContextLines(frame);
  if (lines.length > 0) {
    ctx.spend(lines.length);
    const rows = lines.map((line) =>
      el(
        'tr',
        { class: line.isErrorLine ? 'error-line' : undefined },
        el('td', { class: 'ln' }, text(line.lineNo === undefined ? '' : String(line.lineNo))),
        el('td', { class: 'src' }, el('code', undefined, text(clip(line.code, LIMITS.codeLine)))),
      ),
    );
    parts.push(el('table', { class: 'code', role: 'presentation' }, el('tbody', undefined, ...rows)));
  }
  if (frame.absPath && frame.absPath !== frame.filename) parts.push(el('div', { class: 'muted path' }, text(oneLineText(frame.absPath, 1_000))));
  parts.push(renderVariables(ctx, frame.vars, [...stackPath(ref.stack), 'frames', ref.frame, 'vars']));
  if (lines.length === 0 && !hasVariables(frame.vars)) parts.push(el('p', { class: 'muted' }, text('No source context or variables were sent with this frame.')));
  return el('div', { class: 'frame-body' }, frag(parts));
}

/** The path of a stack's trace inside the event model. */
export function stackPath(ref: StackRef): ValuePath {
  if (ref.kind === 'stacktrace') return ['stacktrace'];
  return [ref.kind === 'exception' ? 'exceptions' : 'threads', ref.index, 'stacktrace'];
}

function renderVariables(ctx: RenderContext, vars: unknown, path: ValuePath): Html {
  if (vars === undefined || vars === null) return EMPTY;
  if (!isRecordValue(vars)) return el('div', { class: 'vars' }, el('h3', undefined, text('Local variables')), renderValue(ctx, vars, path, 1));
  const names = Object.keys(vars).length;
  if (names === 0) return EMPTY;
  ctx.spend(Math.min(names, LIMITS.entriesPage));
  return el(
    'details',
    { class: 'vars', open: true },
    el('summary', undefined, text(`Local variables (${names})`)),
    renderEntries(ctx, vars, path, 1, 0),
  );
}

function hasVariables(vars: unknown): boolean {
  if (vars === undefined || vars === null) return false;
  return !isRecordValue(vars) || Object.keys(vars).length > 0;
}

function frameOrigin(frame: Frame): Html {
  const origin = frame.module && frame.module !== frame.filename ? frame.module : frame.package;
  return origin ? el('span', { class: 'muted origin' }, text(oneLineText(origin, 80))) : EMPTY;
}
