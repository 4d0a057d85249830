import { redactSecrets } from '../sentry/http/secretRedaction';
import { untrustedText } from './untrustedText';

/**
 * Markdown text for tooltips built from untrusted data, as plain strings (no `vscode`): every
 * value is one line with all its punctuation backslash-escaped, so nothing in it becomes a link,
 * an image, HTML or emphasis; code sits in a fence longer than any backtick run inside it, with a
 * language from a fixed list.
 */

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
const CODE_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;
const BIDI_AND_ZERO_WIDTH = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** One line of untrusted text as inert Markdown. */
export function escapeMarkdown(value: unknown, max = 300): string {
  return untrustedText(value, max).replace(ASCII_PUNCTUATION, (c) => `\\${c}`);
}

/** A bold title and "label: value" rows; empty values are left out. */
export function fieldsMarkdown(title: string, rows: ReadonlyArray<readonly [string, string | undefined]>): string {
  const lines = rows.filter(([, value]) => value).map(([label, value]) => `- ${escapeMarkdown(label, 60)}: ${escapeMarkdown(value)}`);
  return [`**${escapeMarkdown(title)}**`, lines.join('\n')].filter(Boolean).join('\n\n');
}

/**
 * A fenced code block: each line stays one line (control characters and direction overrides go,
 * secrets are redacted), and the fence is longer than any run of backticks in the code, so no line
 * can close it. `language` must come from `codeLanguageOf`.
 */
export function codeBlockMarkdown(lines: readonly string[], language: string): string {
  const code = lines.map((line) => redactSecrets(line).replace(BIDI_AND_ZERO_WIDTH, '').replace(CODE_CONTROL, ' ')).join('\n');
  const longestRun = (code.match(/`+/g) ?? []).reduce((longest, run) => Math.max(longest, run.length), 0);
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  const info = /^[a-z][a-z-]{0,30}$/.test(language) ? language : '';
  return `${fence}${info}\n${code}\n${fence}`;
}
