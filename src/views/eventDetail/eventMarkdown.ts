import type { ExceptionInfo, Frame, SentryEvent } from '../../sentry/event/eventModel';
import { describeValue, displayTime, isRecordValue } from './displayText';
import { frameContextLines, frameFunctionText, frameLocationText } from './frameText';
import { markdownCode, markdownCodeBlock, markdownText } from '../markdown';
import type { EventHeaderContext, FrameOrder } from './renderContext';
import { compactValue } from './compactValue';

const MAX_FRAMES = 25;
const MAX_VARIABLES = 12;
const MAX_TAGS = 50;
const LINE = 300;

/**
 * The event as Markdown for a ticket or a chat: headline and facts, each exception of the chain with
 * its in-app frames (context lines and variables), tags and a request summary. Every piece of event
 * text is escaped or fenced so that nothing in it changes the Markdown's structure.
 */
export function eventToMarkdown(event: SentryEvent, header: EventHeaderContext = {}, order: FrameOrder = 'crashFirst'): string {
  const out: string[] = [`## ${markdownText(headline(event), 300)}`, ''];
  const issue = [header.issueShortId, header.issueTitle].filter((part): part is string => typeof part === 'string' && part !== '');
  if (issue.length > 0) out.push(`Issue: ${markdownText(issue.join(' · '), 300)}`, '');
  const facts: Array<[string, string | undefined]> = [
    ['Level', event.level],
    ['Time', displayTime(event.dateCreated)],
    ['Release', event.release],
    ['Environment', event.environment],
    ['Platform', event.platform],
    ['Event ID', event.eventId],
  ];
  for (const [label, value] of facts) if (typeof value === 'string' && value !== '') out.push(`- **${label}:** ${markdownCode(value, 200)}`);
  out.push('');
  const chain = order === 'crashFirst' ? [...event.exceptions].reverse() : event.exceptions;
  if (chain.length > 0) {
    out.push(chain.length > 1 ? `### Exceptions (${chain.length}, ${order === 'crashFirst' ? 'most recent first' : 'oldest first'})` : '### Exception', '');
    chain.forEach((exception, i) => out.push(...exceptionMarkdown(exception, chain.length > 1 ? i + 1 : undefined, order), ''));
  } else if (event.stacktrace) {
    out.push('### Stack trace', '', ...framesMarkdown(event.stacktrace.frames, order), '');
  }
  if (event.tags.length > 0) {
    out.push('### Tags', '');
    for (const tag of event.tags.slice(0, MAX_TAGS)) out.push(`- ${markdownCode(String(tag.key), 100)}: ${markdownCode(String(tag.value), 200)}`);
    if (event.tags.length > MAX_TAGS) out.push(`- … and ${event.tags.length - MAX_TAGS} more`);
    out.push('');
  }
  if (event.request) out.push(...requestMarkdown(event.request), '');
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

function headline(event: SentryEvent): string {
  const raised = event.exceptions[event.exceptions.length - 1];
  if (raised) return typeof raised.value === 'string' && raised.value !== '' ? `${raised.type}: ${raised.value}` : String(raised.type);
  return event.message || event.title || 'Event';
}

function exceptionMarkdown(exception: ExceptionInfo, number: number | undefined, order: FrameOrder): string[] {
  const title = typeof exception.value === 'string' && exception.value !== '' ? `${exception.type}: ${exception.value}` : String(exception.type);
  const unhandled = exception.mechanism?.handled === false ? ' (unhandled)' : '';
  const out = [`#### ${number === undefined ? '' : `${number}. `}${markdownText(title, 300)}${unhandled}`, ''];
  const frames = exception.stacktrace?.frames ?? [];
  out.push(...framesMarkdown(frames, order));
  return out;
}

function framesMarkdown(frames: readonly Frame[], order: FrameOrder): string[] {
  const list = (Array.isArray(frames) ? frames : []).filter((frame): frame is Frame => typeof frame === 'object' && frame !== null);
  const ordered = order === 'crashFirst' ? [...list].reverse() : list;
  const inApp = ordered.filter((frame) => frame.inApp === true);
  const shown = (inApp.length > 0 ? inApp : ordered.slice(0, 1)).slice(0, MAX_FRAMES);
  const out: string[] = [];
  for (const frame of shown) out.push(...frameMarkdown(frame), '');
  const left = list.length - shown.length;
  if (left > 0) out.push(`*${left} other frame${left === 1 ? '' : 's'} (${inApp.length > MAX_FRAMES ? 'more in-app and ' : ''}library) not shown.*`);
  if (list.length === 0) out.push('*No stack trace.*');
  return out;
}

function frameMarkdown(frame: Frame): string[] {
  const out = [`**${markdownText(frameFunctionText(frame), 120)}** in ${markdownCode(frameLocationText(frame), 200)}`];
  const lines = frameContextLines(frame);
  if (lines.length > 0) {
    const width = Math.max(...lines.map((line) => String(line.lineNo ?? '').length));
    out.push('', markdownCodeBlock(lines.map((line) => `${line.isErrorLine ? '>' : ' '} ${String(line.lineNo ?? '').padStart(width)} | ${cutLine(line.code)}`), ''));
  }
  if (isRecordValue(frame.vars) && Object.keys(frame.vars).length > 0) {
    const names = Object.keys(frame.vars);
    out.push('', 'Variables:');
    for (const name of names.slice(0, MAX_VARIABLES)) out.push(`- ${markdownCode(name, 80)} = ${markdownCode(compactValue(frame.vars[name], 200), 200)}`);
    if (names.length > MAX_VARIABLES) out.push(`- … and ${names.length - MAX_VARIABLES} more`);
  }
  return out;
}

function requestMarkdown(request: NonNullable<SentryEvent['request']>): string[] {
  const out = ['### Request', '', `${markdownCode(`${request.method ?? ''} ${request.url ?? ''}`.trim() || '(no URL)', 500)}`];
  if (typeof request.query === 'string' && request.query !== '') out.push(`- Query: ${markdownCode(request.query, 300)}`);
  const headers = Array.isArray(request.headers) ? request.headers : [];
  for (const wanted of ['content-type', 'user-agent', 'referer']) {
    const header = headers.find(([name]) => typeof name === 'string' && name.toLowerCase() === wanted);
    if (header) out.push(`- ${markdownText(header[0], 60)}: ${markdownCode(String(header[1]), 300)}`);
  }
  if (request.data !== undefined && request.data !== null && request.data !== '') out.push(`- Body: ${markdownCode(compactValue(request.data, 300), 300)}`);
  return out;
}

function cutLine(code: string): string {
  const text = describeValue(code);
  return text.length > LINE ? `${text.slice(0, LINE - 1)}…` : text;
}
