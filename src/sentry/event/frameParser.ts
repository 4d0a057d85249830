import { readObject } from '../json/fieldReader';
import { isList, ownValue } from '../json/jsonValues';
import type { Frame, Stacktrace } from './eventModel';
import type { ProblemLog } from './problemLog';
import { type SourceContext, sourceLine, sourceLines, splitContextPairs } from './sourceContext';

/**
 * Reads a stack trace in either form: frame keys are tried in API spelling (`lineNo`, `absPath`,
 * `context` pairs) and store spelling (`lineno`, `abs_path`, `pre_context`…), so a frame written
 * in the "wrong" form for its event still reads. Frame order is kept: caller first, raiser last.
 */
export function parseStacktrace(value: unknown, where: string, problems: ProblemLog): Stacktrace | undefined {
  const reader = readObject(value, where, problems);
  if (!reader) return undefined;
  const list = reader.arr('frames');
  if (!list) {
    if (!reader.has('frames')) reader.note('has no frames');
    return undefined;
  }
  const frames: Frame[] = [];
  list.forEach((item, i) => {
    const frame = parseFrame(item, `${where}, frame ${i + 1}`, problems);
    if (frame) frames.push(frame);
  });
  return { frames };
}

export function parseFrame(value: unknown, where: string, problems: ProblemLog): Frame | undefined {
  const reader = readObject(value, where, problems);
  if (!reader) {
    if (value === null || value === undefined) problems.add(`${where} is empty`);
    return undefined;
  }
  const lineNo = reader.num('lineNo', 'lineno');
  const context = readContext(reader.raw('context'), reader.record, lineNo, where, problems);
  return {
    filename: reader.str('filename'),
    absPath: reader.str('absPath', 'abs_path'),
    module: reader.str('module'),
    package: reader.str('package'),
    function: reader.str('function'),
    platform: reader.str('platform'),
    lineNo,
    colNo: reader.num('colNo', 'colno'),
    inApp: reader.bool('inApp', 'in_app') ?? false,
    preContext: context.preContext,
    contextLine: context.contextLine,
    postContext: context.postContext,
    vars: reader.obj('vars'),
  };
}

function readContext(
  pairs: unknown,
  record: Record<string, unknown>,
  lineNo: number | undefined,
  where: string,
  problems: ProblemLog,
): SourceContext {
  if (isList(pairs) && pairs.length > 0) return splitContextPairs(pairs, lineNo, where, problems);
  if (pairs !== undefined && !isList(pairs)) problems.add(`${where}: context is not a list`);
  const current = ownValue(record, 'context_line');
  return {
    preContext: sourceLines(ownValue(record, 'pre_context'), `${where} pre_context`, problems),
    contextLine: current === undefined || current === null ? undefined : sourceLine(current, `${where} context_line`, problems),
    postContext: sourceLines(ownValue(record, 'post_context'), `${where} post_context`, problems),
  };
}
