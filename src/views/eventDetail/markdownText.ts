/**
 * Event text inside Markdown that stays text: nothing in it can open a link, an image, HTML, a
 * heading, a list, emphasis or a table cell, or close the code block it sits in.
 */

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const DIRECTION = /[\u202a-\u202e\u2066-\u2069]/g;
/** The marks that can start Markdown structure mid-line (links, images, emphasis, code, HTML, entities, table cells). */
const STRUCTURAL = /[\\`*_[\]<>|~!&#{}]/g;

function clean(value: string): string {
  return value.replace(DIRECTION, '\ufffd').replace(CONTROL, '');
}

function cut(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

/**
 * Running text on one line: the structural marks backslash-escaped, and bare URLs (`https://`,
 * `www.`) broken so that no renderer turns them into links. Other punctuation stays readable.
 */
export function markdownText(value: string, max = 500): string {
  return cut(clean(value).replace(/\s+/g, ' ').trim(), max)
    .replace(STRUCTURAL, (c) => `\\${c}`)
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, -1)}\\.`);
}

/** An inline code span whose delimiters are longer than any backtick run inside it. */
export function markdownCode(value: string, max = 300): string {
  const content = cut(clean(value).replace(/[\r\n]+/g, ' '), max);
  if (content === '') return '` `';
  const fence = '`'.repeat(longestBacktickRun(content) + 1);
  const pad = /^[` ]|[` ]$/.test(content) ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/** A fenced code block whose fence is longer than any backtick run in its lines. */
export function markdownCodeBlock(lines: readonly string[], language = ''): string {
  const body = lines.map((line) => clean(line)).join('\n');
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1));
  const info = language.replace(/[^A-Za-z0-9_+-]/g, '');
  return `${fence}${info}\n${body}\n${fence}`;
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}
