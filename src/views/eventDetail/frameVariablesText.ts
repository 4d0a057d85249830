import type { Frame } from '../../sentry/event/eventModel';
import { compactValue } from './compactValue';
import { isRecordValue } from './displayText';
import { markdownText } from '../markdown';

/**
 * The first few local variables of a frame as Markdown lines for the tree's tooltip, each
 * `name = value` on one line, cut to `width`, with every piece of event text escaped (so the lines
 * can be appended with `appendMarkdown` to an untrusted MarkdownString as they are).
 */
export function frameVariableLines(frame: Frame, max = 5, width = 100): string[] {
  const vars = frame.vars;
  if (!isRecordValue(vars)) return [];
  const names = Object.keys(vars);
  const lines = names.slice(0, max).map((name) => {
    const shownName = name.length > 40 ? `${name.slice(0, 39)}…` : name;
    const room = Math.max(10, width - shownName.length - 3);
    return `${markdownText(shownName, 40)} = ${markdownText(compactValue(vars[name], room), room)}`;
  });
  if (names.length > max) lines.push(`… and ${names.length - max} more`);
  return lines;
}
