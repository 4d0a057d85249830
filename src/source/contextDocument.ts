/**
 * The text shown when no local file matches a frame: a few header lines naming the frame, then the source
 * lines Sentry captured with it, numbered, the frame's own line marked with `>`.
 */

import type { Frame } from '../sentry/event/eventModel';

export interface ContextDocument {
  text: string;
  /** 1-based line of `text` holding the frame's own line, when Sentry sent it. */
  focusLine?: number;
}

export interface ContextDocumentOptions {
  /** Why there is no local file, shown in the first line. */
  reason?: string;
}

export type ContextFrame = Pick<Frame, 'filename' | 'absPath' | 'module' | 'package' | 'function' | 'lineNo' | 'colNo' | 'inApp' | 'preContext' | 'contextLine' | 'postContext'>;

const MAX_HEADER_VALUE = 300;
const MAX_CODE_LINE = 2000;
const MAX_CONTEXT_LINES = 100;

export function renderFrameContext(frame: ContextFrame, options: ContextDocumentOptions = {}): ContextDocument {
  const header = headerLines(frame, options);
  const pre = codeLines(frame.preContext).slice(-MAX_CONTEXT_LINES);
  const post = codeLines(frame.postContext).slice(0, MAX_CONTEXT_LINES);
  const current = typeof frame.contextLine === 'string' ? clean(frame.contextLine, MAX_CODE_LINE) : undefined;
  if (current === undefined && pre.length === 0 && post.length === 0) {
    return { text: [...header, '', 'Sentry sent no source lines for this frame.', ''].join('\n') };
  }

  const lineNo = positiveInteger(frame.lineNo);
  const first = lineNo === undefined || lineNo - pre.length < 1 ? undefined : lineNo - pre.length;
  const window = current === undefined ? [...pre, ...post] : [...pre, current, ...post];
  const last = first === undefined ? undefined : first + window.length - 1;
  const width = last === undefined ? 0 : String(last).length;
  const body = window.map((code, i) => {
    const isCurrent = current !== undefined && i === pre.length;
    const number = first === undefined ? '' : String(first + i).padStart(width);
    return `${isCurrent ? '>' : ' '} ${number} | ${code}`;
  });
  const focusLine = current === undefined ? undefined : header.length + 2 + pre.length;
  return { text: [...header, '', ...body, ''].join('\n'), focusLine };
}

function headerLines(frame: ContextFrame, options: ContextDocumentOptions): string[] {
  const reason = options.reason === undefined ? 'no local file matches this frame' : clean(options.reason, MAX_HEADER_VALUE);
  const lines = [`Sentry frame (read-only): ${reason}`];
  const fields: Array<[string, unknown]> = [
    ['Function', frame.function],
    ['Module', frame.module],
    ['Package', frame.package],
  ];
  for (const [label, value] of fields) {
    if (typeof value === 'string' && value.length > 0) {
      lines.push(`${`${label}:`.padEnd(10)}${clean(value, MAX_HEADER_VALUE)}`);
    }
  }
  const file = typeof frame.filename === 'string' && frame.filename.length > 0 ? frame.filename : frame.absPath;
  if (typeof file === 'string' && file.length > 0) {
    lines.push(`${'File:'.padEnd(10)}${clean(file, MAX_HEADER_VALUE)}${position(frame)}`);
  }
  if (typeof frame.absPath === 'string' && frame.absPath.length > 0 && frame.absPath !== file) {
    lines.push(`${'Path:'.padEnd(10)}${clean(frame.absPath, MAX_HEADER_VALUE)}`);
  }
  lines.push(`${'In app:'.padEnd(10)}${frame.inApp === true ? 'yes' : 'no'}`);
  return lines;
}

function position(frame: ContextFrame): string {
  const line = positiveInteger(frame.lineNo);
  if (line === undefined) {
    return '';
  }
  const column = positiveInteger(frame.colNo);
  return column === undefined ? `:${line}` : `:${line}:${column}`;
}

function codeLines(lines: readonly string[] | undefined): string[] {
  return Array.isArray(lines) ? lines.map((line: unknown) => (typeof line === 'string' ? clean(line, MAX_CODE_LINE) : '')) : [];
}

/** One display line: control characters (line breaks included) become spaces, and long text is cut. */
function clean(value: string, max: number): string {
  const flat = value.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}
