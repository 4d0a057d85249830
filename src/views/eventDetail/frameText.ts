import type { Frame } from '../../sentry/event/eventModel';
import { oneLineText } from './displayText';

/** "src/app.py:12:5", or the module, or "unknown file". */
export function frameLocationText(frame: Frame): string {
  const file = oneLineText(frame.filename || frame.absPath || frame.module || 'unknown file', 120);
  if (frame.lineNo === undefined) return file;
  return frame.colNo === undefined ? `${file}:${frame.lineNo}` : `${file}:${frame.lineNo}:${frame.colNo}`;
}

export function frameFunctionText(frame: Frame): string {
  return oneLineText(frame.function || '<anonymous>', 120);
}

/** Source lines around the frame's line with their numbers (undefined when the frame has no line number). */
export interface ContextLine {
  lineNo?: number;
  code: string;
  isErrorLine: boolean;
}

export function frameContextLines(frame: Frame): ContextLine[] {
  const pre = Array.isArray(frame.preContext) ? frame.preContext : [];
  const post = Array.isArray(frame.postContext) ? frame.postContext : [];
  if (typeof frame.contextLine !== 'string' && pre.length === 0 && post.length === 0) return [];
  const first = typeof frame.lineNo === 'number' ? frame.lineNo - pre.length : undefined;
  const at = (offset: number) => (first === undefined ? undefined : first + offset);
  const lines: ContextLine[] = pre.map((code, i) => ({ lineNo: at(i), code: String(code), isErrorLine: false }));
  if (typeof frame.contextLine === 'string') lines.push({ lineNo: at(pre.length), code: frame.contextLine, isErrorLine: true });
  post.forEach((code, i) => lines.push({ lineNo: at(pre.length + 1 + i), code: String(code), isErrorLine: false }));
  return lines;
}
