import type { ExceptionInfo, Frame, SentryEvent } from '../sentry/event/eventModel';
import type { Issue } from '../sentry/api/types';
import { codeLanguageOf } from './codeLanguage';
import { frameVariableLines } from './eventDetail/frameVariablesText';
import { relativeTime } from './format';
import { statusText } from './issueState';
import { markdownCodeBlock, markdownText, fieldsMarkdown } from './markdown';

/** The Markdown text of each tree row's tooltip; the nodes wrap it in an untrusted MarkdownString. */

const CONTEXT_LINES_EACH_SIDE = 5;
const CODE_LINE_MAX = 200;

export function issueTooltipMarkdown(issue: Issue, now = Date.now()): string {
  return fieldsMarkdown(issue.title, [
    ['Issue', issue.shortId],
    ['Culprit', issue.culprit || undefined],
    ['Level', issue.level],
    ['Status', statusText(issue, now) ?? issue.status],
    ['Events', String(issue.count)],
    ['Users', String(issue.userCount)],
    ['First seen', issue.firstSeen && `${issue.firstSeen} (${relativeTime(issue.firstSeen, now) ?? '?'})`],
    ['Last seen', issue.lastSeen && `${issue.lastSeen} (${relativeTime(issue.lastSeen, now) ?? '?'})`],
    ['Assigned to', issue.assignee],
    ['Bookmarked', issue.isBookmarked ? 'yes' : undefined],
  ]);
}

export function eventTooltipMarkdown(event: SentryEvent, headline: string, user: string | undefined): string {
  const parts = [
    fieldsMarkdown(event.title || headline, [
      ['Event', event.eventId],
      ['Time', event.dateCreated],
      ['Level', event.level],
      ['Release', event.release],
      ['Environment', event.environment],
      ['User', user],
      ['Platform', event.platform],
    ]),
  ];
  const tags = event.tags.slice(0, 20);
  if (tags.length > 0) parts.push(`Tags: ${markdownText(tags.map((t) => `${t.key}=${t.value}`).join(', '), 1500)}`);
  if (event.problems.length > 0) parts.push(`Could not read: ${markdownText(event.problems.slice(0, 5).join('; '), 1500)}`);
  return parts.join('\n\n');
}

export function exceptionTooltipMarkdown(exception: ExceptionInfo): string {
  const label = exception.value ? `${exception.type}: ${exception.value}` : exception.type;
  const parts = [markdownText(label, 2000)];
  if (exception.mechanism?.handled === false) parts.push('Unhandled');
  return parts.join('\n\n');
}

/** Where the frame is, its context lines in a code block (the raising line marked with `>`), then its first variables. */
export function frameTooltipMarkdown(frame: Frame): string {
  const where = `${frame.function || '<anonymous>'} — ${frame.absPath || frame.filename || frame.module || 'unknown file'}${frame.inApp ? ' (in app)' : ' (library)'}`;
  const lines = contextLines(frame);
  const code = lines.length > 0 ? markdownCodeBlock(lines, codeLanguageOf(frame.filename || frame.absPath, frame.platform)) : '*No source context was sent with this frame.*';
  const variables = frameVariableLines(frame);
  const shown = variables.length > 0 ? `\n\n**Variables**\n\n${variables.join('  \n')}` : '';
  return `${markdownText(where, 500)}\n\n${code}${shown}`;
}

export function projectTooltipMarkdown(name: string, slug: string, query: string, sort: string): string {
  return `${markdownText(`${name} (${slug})`)}\n\nIssues: ${markdownText(`${query || '(all)'}, sorted by ${sort}`)}`;
}

function contextLines(frame: Frame): string[] {
  const pre = frame.preContext.slice(-CONTEXT_LINES_EACH_SIDE);
  const post = frame.postContext.slice(0, CONTEXT_LINES_EACH_SIDE);
  const first = frame.lineNo === undefined ? undefined : frame.lineNo - pre.length;
  const number = (offset: number) => (first === undefined ? '' : `${String(first + offset).padStart(5)} `);
  const lines = pre.map((line, i) => `${number(i)}  ${clip(line)}`);
  if (frame.contextLine !== undefined) lines.push(`${number(pre.length)}> ${clip(frame.contextLine)}`);
  post.forEach((line, i) => lines.push(`${number(pre.length + 1 + i)}  ${clip(line)}`));
  return lines;
}

function clip(line: string): string {
  return line.length > CODE_LINE_MAX ? `${line.slice(0, CODE_LINE_MAX - 1)}…` : line;
}
