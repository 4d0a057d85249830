export interface JsonErrorLocation {
  /** 0-based offset into the text. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units as editors count. */
  column: number;
  /** Nothing but whitespace follows: the text was most likely cut off. */
  atEnd: boolean;
  /** V8's reason, without its position or its quote of the input. */
  reason: string;
}

/**
 * Where `JSON.parse(text)` failed. V8 names the offset for most errors ("… in JSON at position 12");
 * for "Unexpected token" it quotes the input instead, so then the text is scanned for the first error.
 */
export function locateJsonError(text: string, error: Error): JsonErrorLocation {
  const position = /\bat position (\d+)/.exec(error.message);
  let offset: number;
  if (position) offset = Number(position[1]);
  else if (/Unexpected end of JSON input/.test(error.message)) offset = text.length;
  else offset = findJsonErrorOffset(text) ?? text.length;
  offset = Math.min(offset, text.length);
  const { line, column } = lineAndColumn(text, offset);
  return { offset, line, column, atEnd: /^\s*$/.test(text.slice(offset)), reason: jsonErrorReason(error.message) };
}

function jsonErrorReason(message: string): string {
  return message
    .replace(/\s+in JSON at position \d+[\s\S]*$/, '')
    .replace(/,\s*"[\s\S]*"(\.\.\.)?\s+is not valid JSON$/, '')
    .trim();
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

type Expect = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose' | 'end';

/** How far a token reaches: `end` just past it, or `error` where it went wrong. */
type Scan = { end: number; error?: undefined } | { end?: undefined; error: number };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** The offset of the first JSON syntax error, found without recursion (nesting depth is unbounded). */
export function findJsonErrorOffset(text: string): number | undefined {
  const open: Array<'{' | '['> = [];
  let expect: Expect = 'value';
  let pos = skipWhitespace(text, 0);
  while (pos < text.length) {
    const c = text[pos];
    let scan: Scan;
    if (expect === 'end') return pos;
    if (expect === 'colon') {
      if (c !== ':') return pos;
      expect = 'value';
      scan = { end: pos + 1 };
    } else if (expect === 'commaOrClose') {
      const top = open[open.length - 1];
      if (c === ',') expect = top === '{' ? 'key' : 'value';
      else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
        open.pop();
        expect = afterValue(open);
      } else return pos;
      scan = { end: pos + 1 };
    } else if ((c === '}' && expect === 'keyOrClose') || (c === ']' && expect === 'valueOrClose')) {
      open.pop();
      expect = afterValue(open);
      scan = { end: pos + 1 };
    } else if (expect === 'key' || expect === 'keyOrClose') {
      if (c !== '"') return pos;
      scan = scanString(text, pos);
      expect = 'colon';
    } else if (c === '{' || c === '[') {
      open.push(c);
      expect = c === '{' ? 'keyOrClose' : 'valueOrClose';
      scan = { end: pos + 1 };
    } else {
      scan = scanScalar(text, pos);
      expect = afterValue(open);
    }
    if (scan.error !== undefined) return scan.error;
    pos = skipWhitespace(text, scan.end);
  }
  return expect === 'end' ? undefined : text.length;
}

function afterValue(open: ReadonlyArray<'{' | '['>): Expect {
  return open.length === 0 ? 'end' : 'commaOrClose';
}

function scanScalar(text: string, pos: number): Scan {
  if (text[pos] === '"') return scanString(text, pos);
  for (const literal of ['true', 'false', 'null']) {
    if (text.startsWith(literal, pos)) return { end: pos + literal.length };
  }
  NUMBER.lastIndex = pos;
  const match = NUMBER.exec(text);
  return match ? { end: pos + match[0].length } : { error: pos };
}

function scanString(text: string, pos: number): Scan {
  for (let i = pos + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return { end: i + 1 };
    if (code < 0x20) return { error: i };
    if (code !== 0x5c) continue;
    const escaped = text[i + 1];
    if (escaped === 'u') {
      if (!HEX4.test(text.slice(i + 2, i + 6))) return { error: i + 1 };
      i += 5;
    } else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) i++;
    else return { error: i + 1 };
  }
  return { error: text.length };
}

function skipWhitespace(text: string, pos: number): number {
  WHITESPACE.lastIndex = pos;
  WHITESPACE.exec(text);
  return WHITESPACE.lastIndex;
}
