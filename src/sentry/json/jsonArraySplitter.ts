/**
 * One element of the array: the bytes it was sent as, in order, as views of the chunks it came in
 * (no copy), and the top-level string fields asked for.
 */
export interface ArrayElement {
  pieces: Buffer[];
  size: number;
  /** Of an object element, the asked-for keys whose value is a string, unescaped (the last one of a repeated key). */
  fields: Record<string, string>;
}

/** The input is not one complete JSON array; `offset` is the byte where that became clear. */
export class JsonSplitError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(`${reason} (at byte ${offset})`);
    this.name = 'JsonSplitError';
  }
}

export interface SplitterOptions {
  /** Top-level keys of object elements whose string values to read (an event's id and time). */
  capture: readonly string[];
  /** Largest element accepted; a larger one is an error rather than memory held. */
  maxElementBytes: number;
}

const enum Mode {
  ByteOrderMark,
  Start,
  Value,
  ArrayValueOrEnd,
  ObjectKeyOrEnd,
  ObjectKey,
  Colon,
  AfterValue,
  String,
  Utf8,
  Escape,
  Unicode,
  Minus,
  Zero,
  Integer,
  FractionStart,
  Fraction,
  ExponentStart,
  ExponentSign,
  Exponent,
  Literal,
  Done,
}

const ARRAY = 1;
const OBJECT = 2;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const LITERALS = { t: Buffer.from('true'), f: Buffer.from('false'), n: Buffer.from('null') };
/** Captured keys and values longer than this are not what is asked for (ids and times are short). */
const MAX_KEY_BYTES = 64;
const MAX_VALUE_BYTES = 1024;

/**
 * Cuts a JSON array that arrives in chunks into its elements, each as the bytes it was sent as,
 * checking the whole JSON grammar on the way (strings and their escapes, numbers, literals, nesting,
 * and UTF-8) without building any value or copying any byte, so each element is valid JSON on its
 * own. Of object elements it reads the string values of a few top-level keys. Elements are views of
 * the chunks: chunks handed to `push` must not be changed afterwards.
 */
export class JsonArraySplitter {
  private mode = Mode.ByteOrderMark;
  /** Open containers, outermost first: the array being split is `stack[0]`. */
  private readonly stack: number[] = [];
  /** Bytes of chunks already pushed. */
  private consumed = 0;
  private bomIndex = 0;
  private literal: Buffer = LITERALS.t;
  private literalIndex = 0;
  private unicodeDigits = 0;
  private stringIsKey = false;
  /** In a multi-byte character: continuation bytes still due, and the range the next one must be in. */
  private utf8Due = 0;
  private utf8Low = 0x80;
  private utf8High = 0xbf;

  /** The element being read: where it starts in the current chunk (-1 when in an earlier one), and its earlier pieces. */
  private inElement = false;
  private elementStart = -1;
  private elementParts: Buffer[] = [];
  private elementBytes = 0;
  private fields: Record<string, string> = {};

  /** A key or value being read for `fields`: where it starts in the current chunk, and its earlier pieces. */
  private capturing = false;
  private captureStart = -1;
  private captureParts: Uint8Array[] = [];
  private captureBytes = 0;
  /** Whether the string being captured has an escape, so its bytes are not its text. */
  private captureEscaped = false;
  /** The wanted key whose value comes next, at the element's top level. */
  private pendingKey: string | undefined;

  private readonly wanted: ReadonlySet<string>;
  private readonly wantedBytes: ReadonlyArray<{ key: string; bytes: Buffer }>;

  constructor(private readonly options: SplitterOptions) {
    this.wanted = new Set(options.capture);
    this.wantedBytes = options.capture.map((key) => ({ key, bytes: Buffer.from(key) }));
  }

  /** Reads one more chunk; returns the elements it completed, in order. Throws a JsonSplitError on bad input. */
  push(chunk: Uint8Array): ArrayElement[] {
    const found: ArrayElement[] = [];
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      const c = chunk[i];
      switch (this.mode) {
        case Mode.String: {
          // The bulk of an event is text: skip plain bytes in a tight loop.
          let j = i;
          while (j < n) {
            const b = chunk[j];
            if (b === QUOTE || b === BACKSLASH || b < 0x20 || b > 0x7f) break;
            j++;
          }
          if (j === n) {
            i = n;
            continue;
          }
          const b = chunk[j];
          if (b === QUOTE) this.stringEnd(chunk, j, found);
          else if (b === BACKSLASH) {
            this.mode = Mode.Escape;
            this.captureEscaped = true;
          }
          else if (b > 0x7f) this.utf8Start(b, j);
          else this.fail('a control character inside a string', j);
          i = j + 1;
          continue;
        }
        case Mode.Utf8:
          if (c < this.utf8Low || c > this.utf8High) this.fail('text that is not valid UTF-8', i);
          this.utf8Low = 0x80;
          this.utf8High = 0xbf;
          if (--this.utf8Due === 0) this.mode = Mode.String;
          break;
        case Mode.Escape:
          if (c === 0x75) {
            this.mode = Mode.Unicode;
            this.unicodeDigits = 0;
          } else if (c === QUOTE || c === BACKSLASH || c === 0x2f || c === 0x62 || c === 0x66 || c === 0x6e || c === 0x72 || c === 0x74) {
            this.mode = Mode.String;
          } else {
            this.fail('an invalid escape in a string', i);
          }
          break;
        case Mode.Unicode:
          if (!isHexDigit(c)) this.fail('an invalid \\u escape in a string', i);
          if (++this.unicodeDigits === 4) this.mode = Mode.String;
          break;
        case Mode.AfterValue:
          if (isSpace(c)) break;
          if (c === 0x2c) this.mode = this.top() === OBJECT ? Mode.ObjectKey : Mode.Value;
          else if (c === 0x5d) this.close(ARRAY, chunk, i, found);
          else if (c === 0x7d) this.close(OBJECT, chunk, i, found);
          else this.fail(`${describe(c)} where a comma or the end of ${this.top() === OBJECT ? 'an object' : 'an array'} belongs`, i);
          break;
        case Mode.Value:
          if (!isSpace(c)) this.beginValue(chunk, i);
          break;
        case Mode.ArrayValueOrEnd:
          if (isSpace(c)) break;
          if (c === 0x5d) this.close(ARRAY, chunk, i, found);
          else this.beginValue(chunk, i);
          break;
        case Mode.ObjectKeyOrEnd:
        case Mode.ObjectKey:
          if (isSpace(c)) break;
          if (c === QUOTE) {
            this.beginString(true, i);
          } else if (c === 0x7d && this.mode === Mode.ObjectKeyOrEnd) {
            this.close(OBJECT, chunk, i, found);
          } else {
            this.fail(`${describe(c)} where a key belongs`, i);
          }
          break;
        case Mode.Colon:
          if (isSpace(c)) break;
          if (c !== 0x3a) this.fail(`${describe(c)} where a colon belongs`, i);
          this.mode = Mode.Value;
          break;
        case Mode.Minus:
          if (c === 0x30) this.mode = Mode.Zero;
          else if (isDigit(c)) this.mode = Mode.Integer;
          else this.fail('a minus sign without digits', i);
          break;
        case Mode.Zero:
        case Mode.Integer:
        case Mode.Fraction:
          if (isDigit(c) && this.mode !== Mode.Zero) break;
          if (c === 0x2e && this.mode !== Mode.Fraction) this.mode = Mode.FractionStart;
          else if (c === 0x65 || c === 0x45) this.mode = Mode.ExponentStart;
          else {
            // The number ended before this byte, which is read again after it.
            this.valueEnd(chunk, i, found);
            continue;
          }
          break;
        case Mode.FractionStart:
          if (!isDigit(c)) this.fail('a decimal point without digits after it', i);
          this.mode = Mode.Fraction;
          break;
        case Mode.ExponentStart:
          if (c === 0x2b || c === 0x2d) this.mode = Mode.ExponentSign;
          else if (isDigit(c)) this.mode = Mode.Exponent;
          else this.fail('an exponent without digits', i);
          break;
        case Mode.ExponentSign:
          if (!isDigit(c)) this.fail('an exponent without digits', i);
          this.mode = Mode.Exponent;
          break;
        case Mode.Exponent:
          if (isDigit(c)) break;
          this.valueEnd(chunk, i, found);
          continue;
        case Mode.Literal:
          if (c !== this.literal[this.literalIndex]) this.fail(`a misspelt ${this.literal.toString()}`, i);
          if (++this.literalIndex === this.literal.length) this.valueEnd(chunk, i + 1, found);
          break;
        case Mode.ByteOrderMark:
          if (this.consumed + i === this.bomIndex && c === UTF8_BOM[this.bomIndex]) {
            if (++this.bomIndex === UTF8_BOM.length) this.mode = Mode.Start;
            break;
          }
          if (this.bomIndex > 0) this.fail('a broken byte order mark', i);
          this.mode = Mode.Start;
          continue;
        case Mode.Start:
          if (isSpace(c)) break;
          if (c !== 0x5b) this.fail(`${describe(c)} where a JSON array should begin`, i);
          this.stack.push(ARRAY);
          this.mode = Mode.ArrayValueOrEnd;
          break;
        case Mode.Done:
          if (!isSpace(c)) this.fail(`${describe(c)} after the end of the array`, i);
          break;
      }
      i++;
    }
    this.keepTail(chunk);
    this.consumed += n;
    return found;
  }

  /** The input is over: throws a JsonSplitError unless the array was complete. */
  end(): void {
    if (this.mode === Mode.Done) return;
    if (this.consumed === 0 || this.mode === Mode.Start || this.mode === Mode.ByteOrderMark) throw new JsonSplitError('no JSON array: the input is empty', this.consumed);
    throw new JsonSplitError(this.inElement ? 'the input ends inside an element' : 'the input ends before the array is closed', this.consumed);
  }

  private top(): number {
    return this.stack[this.stack.length - 1];
  }

  /** Directly inside an element that is an object: where its keys and their values are. */
  private atElementTop(): boolean {
    return this.stack.length === 2 && this.stack[1] === OBJECT;
  }

  private beginValue(chunk: Uint8Array, i: number): void {
    const c = chunk[i];
    if (this.stack.length === 1) {
      this.inElement = true;
      this.elementStart = i;
      this.elementParts = [];
      this.elementBytes = 0;
      this.fields = {};
    }
    if (c === QUOTE) this.beginString(false, i);
    else if (c === 0x7b) {
      this.stack.push(OBJECT);
      this.mode = Mode.ObjectKeyOrEnd;
    } else if (c === 0x5b) {
      this.stack.push(ARRAY);
      this.mode = Mode.ArrayValueOrEnd;
    } else if (c === 0x2d) this.mode = Mode.Minus;
    else if (c === 0x30) this.mode = Mode.Zero;
    else if (isDigit(c)) this.mode = Mode.Integer;
    else if (c === 0x74 || c === 0x66 || c === 0x6e) {
      this.literal = c === 0x74 ? LITERALS.t : c === 0x66 ? LITERALS.f : LITERALS.n;
      this.literalIndex = 1;
      this.mode = Mode.Literal;
    } else {
      this.fail(`${describe(c)} where a value belongs`, i);
    }
  }

  /** The first byte of a multi-byte character (Unicode's table of well-formed UTF-8: no overlong forms, no surrogates). */
  private utf8Start(b: number, i: number): void {
    this.utf8Low = 0x80;
    this.utf8High = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) this.utf8Due = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      this.utf8Due = 2;
      if (b === 0xe0) this.utf8Low = 0xa0;
      else if (b === 0xed) this.utf8High = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      this.utf8Due = 3;
      if (b === 0xf0) this.utf8Low = 0x90;
      else if (b === 0xf4) this.utf8High = 0x8f;
    } else {
      this.fail('text that is not valid UTF-8', i);
    }
    this.mode = Mode.Utf8;
  }

  private beginString(isKey: boolean, quote: number): void {
    this.mode = Mode.String;
    this.stringIsKey = isKey;
    this.capturing = this.atElementTop() && (isKey || this.pendingKey !== undefined);
    if (this.capturing) {
      this.captureStart = quote + 1;
      // Every top-level key of every event starts a capture: reuse the list rather than make one each time.
      if (this.captureParts.length > 0) this.captureParts = [];
      this.captureBytes = 0;
      this.captureEscaped = false;
    }
  }

  private stringEnd(chunk: Uint8Array, quote: number, found: ArrayElement[]): void {
    let text: string | undefined;
    if (this.capturing) {
      text = this.stringIsKey ? this.wantedKey(chunk, quote) : this.captured(chunk, quote);
      this.capturing = false;
    }
    if (this.stringIsKey) {
      if (this.atElementTop()) this.pendingKey = text;
      this.mode = Mode.Colon;
      return;
    }
    if (this.pendingKey !== undefined && this.stack.length === 2) {
      if (text !== undefined) this.fields[this.pendingKey] = text;
      else delete this.fields[this.pendingKey];
      this.pendingKey = undefined;
    }
    this.valueEnd(chunk, quote + 1, found);
  }

  /**
   * The wanted key the key just read is, if any. Every key of every event comes here, so a plain key
   * in one chunk is compared as bytes, without making a string of it.
   */
  private wantedKey(chunk: Uint8Array, quote: number): string | undefined {
    if (this.captureEscaped || this.captureParts.length > 0) {
      const text = this.captured(chunk, quote);
      return text !== undefined && this.wanted.has(text) ? text : undefined;
    }
    const start = this.captureStart;
    const length = quote - start;
    for (let k = 0; k < this.wantedBytes.length; k++) {
      const { key, bytes } = this.wantedBytes[k];
      if (bytes.length === length && sameBytes(chunk, start, bytes)) return key;
    }
    return undefined;
  }

  /** The captured string's text, unescaped; undefined when it is too long to be what is asked for. */
  private captured(chunk: Uint8Array, quote: number): string | undefined {
    const start = Math.max(0, this.captureStart);
    if (this.captureBytes + quote - start > (this.stringIsKey ? MAX_KEY_BYTES : MAX_VALUE_BYTES)) return undefined;
    // Within one chunk (nearly always) the text is decoded in place, without a Buffer made for it.
    const text =
      this.captureParts.length === 0
        ? (Buffer.isBuffer(chunk) ? chunk : view(chunk, 0, chunk.length)).toString('utf8', start, quote)
        : Buffer.concat([...this.captureParts, view(chunk, start, quote)]).toString('utf8');
    return this.captureEscaped ? (JSON.parse(`"${text}"`) as string) : text;
  }

  private close(kind: number, chunk: Uint8Array, i: number, found: ArrayElement[]): void {
    if (this.top() !== kind) this.fail(`${describe(chunk[i])} closing ${this.top() === OBJECT ? 'an object' : 'an array'}`, i);
    this.stack.pop();
    if (this.stack.length === 0) {
      this.mode = Mode.Done;
      return;
    }
    if (this.stack.length === 1) this.pendingKey = undefined;
    this.valueEnd(chunk, i + 1, found);
  }

  /** A value ended just before `end` (an index into the current chunk). */
  private valueEnd(chunk: Uint8Array, end: number, found: ArrayElement[]): void {
    this.mode = Mode.AfterValue;
    if (this.stack.length === 2 && this.pendingKey !== undefined) {
      // The wanted key's value was not a string.
      delete this.fields[this.pendingKey];
      this.pendingKey = undefined;
    }
    if (this.stack.length !== 1) return;
    const head = view(chunk, Math.max(0, this.elementStart), end);
    const size = this.elementBytes + head.length;
    if (size > this.options.maxElementBytes) this.fail(`an element larger than ${this.options.maxElementBytes} bytes`, end);
    const pieces = this.elementParts;
    if (head.length > 0) pieces.push(head);
    found.push({ pieces, size, fields: this.fields });
    this.inElement = false;
    this.elementParts = [];
    this.elementBytes = 0;
  }

  /** At the end of a chunk: keeps the part of the element (and of a captured string) still being read. */
  private keepTail(chunk: Uint8Array): void {
    if (this.inElement) {
      const piece = view(chunk, Math.max(0, this.elementStart), chunk.length);
      this.elementParts.push(piece);
      this.elementBytes += piece.length;
      this.elementStart = -1;
      if (this.elementBytes > this.options.maxElementBytes) this.fail(`an element larger than ${this.options.maxElementBytes} bytes`, chunk.length);
    }
    if (this.capturing) {
      const piece = chunk.subarray(Math.max(0, this.captureStart));
      this.captureBytes += piece.length;
      if (this.captureBytes <= MAX_VALUE_BYTES) this.captureParts.push(piece);
      this.captureStart = -1;
    }
  }

  private fail(reason: string, i: number): never {
    throw new JsonSplitError(reason, this.consumed + i);
  }
}

/** Bytes `start` to `end` of a chunk as a Buffer over the same memory. */
function view(chunk: Uint8Array, start: number, end: number): Buffer {
  return Buffer.from(chunk.buffer, chunk.byteOffset + start, end - start);
}

function sameBytes(chunk: Uint8Array, start: number, bytes: Buffer): boolean {
  for (let k = 0; k < bytes.length; k++) if (chunk[start + k] !== bytes[k]) return false;
  return true;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

function describe(c: number): string {
  return c >= 0x21 && c <= 0x7e ? `'${String.fromCharCode(c)}'` : `byte 0x${c.toString(16).padStart(2, '0')}`;
}
