import { redactSecrets } from '../sentry/http/secretRedaction';
import { untrustedText } from './untrustedText';

/**
 * The one way to put untrusted text (from an event, a server, a workspace file) into Markdown, for
 * tooltips and for "Copy as Markdown": each value is one line of `untrustedText` with every mark
 * that can start Markdown structure backslash-escaped and bare URLs broken, so nothing in it becomes
 * a link, an image, HTML, emphasis, a heading or a list; code sits in a fence or span longer than
 * any backtick run inside it, with a language from a fixed shape. A hover renders exactly the
 * sanitised text.
 */

/** The marks that can start Markdown structure mid-line (links, images, emphasis, code, HTML, entities, table cells). */
const STRUCTURAL = /[\\`*_[\]<>|~!&#{}]/g;
/** A line that would open a list, a heading or a block quote: its first mark is escaped too. */
const BLOCK_START = /^(\s*)([-+=>]|\d+(?=[.)]))/;
const CODE_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;
const BIDI_AND_ZERO_WIDTH = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** One line of untrusted text as inert Markdown. */
export function markdownText(value: unknown, max = 300): string {
  return untrustedText(value, max)
    .replace(STRUCTURAL, (c) => `\\${c}`)
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, -1)}\\.`)
    .replace(BLOCK_START, (_, space: string, mark: string) => `${space}\\${mark}`);
}

/** A bold title and "label: value" rows; empty values are left out. */
export function fieldsMarkdown(title: string, rows: ReadonlyArray<readonly [string, string | undefined]>): string {
  const lines = rows.filter(([, value]) => value).map(([label, value]) => `- ${markdownText(label, 60)}: ${markdownText(value)}`);
  return [`**${markdownText(title)}**`, lines.join('\n')].filter(Boolean).join('\n\n');
}

/** An inline code span whose delimiters are longer than any backtick run inside it; one line, redacted. */
export function markdownCode(value: string, max = 300): string {
  const content = cut(codeLine(value), max);
  if (content === '') return '` `';
  const fence = '`'.repeat(longestBacktickRun(content) + 1);
  const pad = /^[` ]|[` ]$/.test(content) ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/**
 * A fenced code block: each line stays one line (control characters and direction overrides go,
 * secrets are redacted), and the fence is longer than any run of backticks in the code, so no line
 * can close it. A language that is not a plain id (`codeLanguageOf` gives one) is left out.
 */
export function markdownCodeBlock(lines: readonly string[], language = ''): string {
  const code = lines.map(codeLine).join('\n');
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(code) + 1));
  const info = /^[a-z][a-z-]{0,30}$/.test(language) ? language : '';
  return `${fence}${info}\n${code}\n${fence}`;
}

function codeLine(line: string): string {
  return redactSecrets(String(line)).replace(BIDI_AND_ZERO_WIDTH, '').replace(CODE_CONTROL, ' ');
}

function cut(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}
