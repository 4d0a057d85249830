import { isList, toNumber } from '../json/jsonValues';
import type { ProblemLog } from './problemLog';

export interface SourceContext {
  preContext: string[];
  contextLine?: string;
  postContext: string[];
}

/** One line of source as Sentry sent it; null (a line Sentry could not read) becomes an empty line so positions hold. */
export function sourceLine(value: unknown, where: string, problems: ProblemLog): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  problems.add(`${where} is not text`);
  return '';
}

/** Store form: `pre_context` / `post_context` lists of lines. */
export function sourceLines(value: unknown, where: string, problems: ProblemLog): string[] {
  if (value === undefined || value === null) return [];
  if (!isList(value)) {
    problems.add(`${where} is not a list`);
    return [];
  }
  return value.map((line, i) => sourceLine(line, `${where} line ${i + 1}`, problems));
}

/**
 * API form: `context: [[lineNo, code], …]` holds the lines before, at and after `lineNo` in one list.
 * The pair numbered `lineNo` is the current line. When no pair has that number, no line is made
 * current (guessing would show the wrong code as the one that raised): pairs numbered below
 * `lineNo` go before, the others after. Without a `lineNo` every line counts as before.
 */
export function splitContextPairs(
  pairs: unknown[],
  lineNo: number | undefined,
  where: string,
  problems: ProblemLog,
): SourceContext {
  const numbered: Array<{ n: number; line: string }> = [];
  pairs.forEach((pair, i) => {
    const n = isList(pair) && pair.length >= 2 ? toNumber(pair[0]) : undefined;
    if (isList(pair) && n !== undefined) {
      numbered.push({ n, line: sourceLine(pair[1], `${where} context ${i + 1}`, problems) });
    } else {
      problems.add(`${where}: context ${i + 1} is not a [line number, code] pair`);
    }
  });
  if (numbered.length === 0) return { preContext: [], postContext: [] };

  if (lineNo === undefined) {
    problems.add(`${where}: has context lines but no line number`);
    return { preContext: numbered.map((p) => p.line), postContext: [] };
  }
  const current = numbered.findIndex((p) => p.n === lineNo);
  if (current >= 0) {
    return {
      preContext: numbered.slice(0, current).map((p) => p.line),
      contextLine: numbered[current].line,
      postContext: numbered.slice(current + 1).map((p) => p.line),
    };
  }
  problems.add(`${where}: no context line is numbered ${lineNo}`);
  return {
    preContext: numbered.filter((p) => p.n < lineNo).map((p) => p.line),
    postContext: numbered.filter((p) => p.n > lineNo).map((p) => p.line),
  };
}
