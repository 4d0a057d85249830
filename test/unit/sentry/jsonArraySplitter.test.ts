import * as assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import { ArrayElement, JsonArraySplitter, JsonSplitError } from '../../../src/sentry/json/jsonArraySplitter';

const CAPTURE = ['eventID', 'id', 'dateCreated'];

function splitter(maxElementBytes = 1024 * 1024): JsonArraySplitter {
  return new JsonArraySplitter({ capture: CAPTURE, maxElementBytes });
}

/** Splits `input` fed in the given chunks; the elements' text, fields and the error, if any. */
function split(chunks: Uint8Array[], maxElementBytes?: number): { elements: ArrayElement[]; error?: JsonSplitError } {
  const s = splitter(maxElementBytes);
  const elements: ArrayElement[] = [];
  try {
    for (const chunk of chunks) elements.push(...s.push(chunk));
    s.end();
    return { elements };
  } catch (error) {
    if (!(error instanceof JsonSplitError)) throw error;
    return { elements, error };
  }
}

function whole(input: string | Buffer): { elements: ArrayElement[]; error?: JsonSplitError } {
  return split([typeof input === 'string' ? Buffer.from(input) : input]);
}

function bytesOf(element: ArrayElement): Buffer {
  const bytes = Buffer.concat(element.pieces);
  assert.equal(bytes.length, element.size);
  return bytes;
}

function texts(elements: ArrayElement[]): string[] {
  return elements.map((e) => bytesOf(e).toString('utf8'));
}

/** The input cut into pieces at the given byte offsets (copies, as a network stream hands them over). */
function cutAt(input: Buffer, offsets: number[]): Buffer[] {
  const pieces: Buffer[] = [];
  let from = 0;
  for (const at of [...offsets, input.length]) {
    pieces.push(Buffer.from(input.subarray(from, at)));
    from = at;
  }
  return pieces;
}

/** A deterministic stream of numbers in [0, 1). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Text built to trip a splitter that does not follow strings: brackets, commas, quotes and escapes inside them. */
const TRICKY_ELEMENTS: unknown[] = [
  { eventID: 'a1', dateCreated: '2026-01-02T03:04:05Z', message: 'closing ] and } and , inside a string', nested: [[1, [2, [3]]], { deep: { deeper: [] } }] },
  { id: 'b2', text: 'an escaped quote " then [ and a backslash at the end \\', path: 'C:\\\\Users\\\\x\\\\', empty: '' },
  { id: 'c3', unicode: 'Grüße, 日本語, emoji 🐛, RTL \u202e, NUL as escape \u0000, line\nbreak\ttab', key_with_quote: { 'a"b': 'c]d' } },
  { numbers: [0, -1, 1, -12.5, 3e10, 4.5E-3, 6e+2, 1.5e21], literals: [true, false, null] },
  'a bare string element with ] and ,',
  123.25e-1,
  null,
  [],
  {},
  [{ id: 'nested only' }],
];

describe('JsonArraySplitter (issue 10: events cut from the answer as bytes)', () => {
  it('cuts an array into its elements, each the bytes it was sent as', () => {
    const input = JSON.stringify(TRICKY_ELEMENTS);
    const { elements, error } = whole(input);
    assert.equal(error, undefined);
    assert.deepEqual(texts(elements), TRICKY_ELEMENTS.map((e) => JSON.stringify(e)));
    assert.deepEqual(elements.map((e) => JSON.parse(bytesOf(e).toString('utf8'))), TRICKY_ELEMENTS);
  });

  it('keeps the bytes of a pretty-printed answer as sent, without the whitespace between elements', () => {
    const input = JSON.stringify(TRICKY_ELEMENTS, null, 2);
    const { elements, error } = whole(`\r\n\t ${input} \n`);
    assert.equal(error, undefined);
    assert.deepEqual(texts(elements), TRICKY_ELEMENTS.map((e) => JSON.stringify(e, null, 2).replace(/\n/g, '\n  ')));
    assert.deepEqual(elements.map((e) => JSON.parse(bytesOf(e).toString('utf8'))), TRICKY_ELEMENTS);
  });

  it('gives the same elements wherever the chunks are cut: every byte as a boundary, and one byte at a time', () => {
    const input = Buffer.from(JSON.stringify(TRICKY_ELEMENTS, null, 1));
    const expected = texts(whole(input).elements);
    for (let at = 0; at <= input.length; at++) {
      const { elements, error } = split(cutAt(input, [at]));
      assert.equal(error, undefined, `cut at ${at}`);
      assert.deepEqual(texts(elements), expected, `cut at ${at}`);
    }
    const bytes = Array.from({ length: input.length }, (_, i) => i + 1).slice(0, -1);
    const oneByOne = split(cutAt(input, bytes));
    assert.deepEqual(texts(oneByOne.elements), expected);
    assert.deepEqual(
      oneByOne.elements.map((e) => e.fields),
      whole(input).elements.map((e) => e.fields),
    );
  });

  it('reads the asked-for top-level string fields of each object, unescaped, and nothing nested', () => {
    const input =
      '[{"eventID":"e1","dateCreated":"2026-05-01T10:00:00Z","user":{"id":"not this"},"entries":[{"id":"nor this"}]},' +
      '{"\\u0069d":"escaped \\"key\\" \\u00e9","dateCreated":17,"id2":"x"},' +
      '{"id":"first","id":"last","eventID":{"id":"inside"}},' +
      `{"id":"${'x'.repeat(2000)}","dateCreated":"ok"},` +
      '["id","e9"],' +
      '{"iD":"no","di":"no","eventId":"no","dateCreate":"no","dateCreatedX":"no","ïd":"no"},' +
      '{"id":null}]';
    const { elements, error } = whole(input);
    assert.equal(error, undefined);
    assert.deepEqual(
      elements.map((e) => ({ ...e.fields })),
      [{ eventID: 'e1', dateCreated: '2026-05-01T10:00:00Z' }, { id: 'escaped "key" é' }, { id: 'last' }, { dateCreated: 'ok' }, {}, {}, {}],
    );
    for (let at = 0; at <= input.length; at++) {
      assert.deepEqual(
        split(cutAt(Buffer.from(input), [at])).elements.map((e) => ({ ...e.fields })),
        elements.map((e) => ({ ...e.fields })),
        `cut at ${at}`,
      );
    }
  });

  it('reads multi-byte characters split across chunks', () => {
    const input = Buffer.from('[{"id":"日本🐛","x":"ü"}]');
    for (let at = 0; at <= input.length; at++) {
      const { elements, error } = split(cutAt(input, [at]));
      assert.equal(error, undefined, `cut at ${at}`);
      assert.equal(elements[0].fields.id, '日本🐛');
      assert.equal(texts(elements)[0], '{"id":"日本🐛","x":"ü"}');
    }
  });

  it('accepts an empty array, a byte order mark, and whitespace around', () => {
    assert.deepEqual(whole('[]').elements, []);
    assert.deepEqual(whole(' \n[ \t]\r\n').elements, []);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[{"id":"a"}]')]);
    for (let at = 0; at <= bom.length; at++) assert.deepEqual(texts(split(cutAt(bom, [at])).elements), ['{"id":"a"}'], `cut at ${at}`);
  });

  it('copies nothing: an element is one or more views of the chunks it came in', () => {
    const first = Buffer.from('[{"id":"a"},{"id":');
    const second = Buffer.from('"b"}]');
    const s = splitter();
    const elements = [...s.push(first), ...s.push(second)];
    s.end();
    assert.deepEqual(texts(elements), ['{"id":"a"}', '{"id":"b"}']);
    assert.equal(elements[0].pieces.length, 1);
    assert.equal(elements[0].pieces[0].buffer, first.buffer, 'the first chunk\'s memory');
    assert.deepEqual(
      elements[1].pieces.map((piece) => piece.buffer),
      [first.buffer, second.buffer],
    );
  });

  const MALFORMED: Array<[string, string | Buffer, RegExp]> = [
    ['an object instead of a list', '{"detail":"x"}', /'\{' where a JSON array should begin \(at byte 0\)/],
    ['a web page', '<!DOCTYPE html><html>', /'<' where a JSON array should begin/],
    ['nothing at all', '', /the input is empty/],
    ['only whitespace', '  \n', /the input is empty/],
    ['a trailing comma', '[1,]', /'\]' where a value belongs \(at byte 3\)/],
    ['two values without a comma', '[1 2]', /'2' where a comma or the end of an array belongs/],
    ['a truncated element', '[{"id":"a"},{"id":"b', /the input ends inside an element \(at byte 20\)/],
    ['a truncated array', '[{"id":"a"},', /the input ends before the array is closed/],
    ['an unclosed array', '[{"id":"a"}', /the input ends before the array is closed/],
    ['a mismatched bracket', '[{"a":[1}]', /'\}' closing an array/],
    ['an object closed as an array', '[{"a":1]]', /'\]' closing an object/],
    ['a key without quotes', '[{a:1}]', /'a' where a key belongs/],
    ['a missing colon', '[{"a" 1}]', /'1' where a colon belongs/],
    ['a trailing comma in an object', '[{"a":1,}]', /'\}' where a key belongs/],
    ['a raw line break in a string', '["a\nb"]', /a control character inside a string \(at byte 3\)/],
    ['an invalid escape', '["a\\x"]', /an invalid escape/],
    ['a short \\u escape', '["\\u12G4"]', /an invalid \\u escape/],
    ['a leading zero', '[01]', /'1' where a comma/],
    ['a bare decimal point', '[1.]', /a decimal point without digits/],
    ['a lone minus', '[-]', /a minus sign without digits/],
    ['an empty exponent', '[1e]', /an exponent without digits/],
    ['a misspelt literal', '[tru]', /a misspelt true/],
    ['a literal run on', '[nullx]', /'x' where a comma/],
    ['data after the array', '[1] [2]', /'\[' after the end of the array/],
    ['a broken byte order mark', Buffer.from([0xef, 0xbb, 0x5b, 0x5d]), /a broken byte order mark/],
    ['invalid UTF-8', Buffer.concat([Buffer.from('["a'), Buffer.from([0xc3, 0x28]), Buffer.from('"]')]), /text that is not valid UTF-8 \(at byte 4\)/],
    ['an overlong UTF-8 form', Buffer.concat([Buffer.from('[{"k":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}]')]), /text that is not valid UTF-8 \(at byte 7\)/],
    ['a UTF-8 surrogate', Buffer.concat([Buffer.from('["'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"]')]), /text that is not valid UTF-8 \(at byte 3\)/],
    ['a code point past U+10FFFF', Buffer.concat([Buffer.from('["'), Buffer.from([0xf4, 0x90, 0x80, 0x80]), Buffer.from('"]')]), /text that is not valid UTF-8/],
    ['a lone continuation byte', Buffer.concat([Buffer.from('["'), Buffer.from([0x80]), Buffer.from('"]')]), /text that is not valid UTF-8 \(at byte 2\)/],
    ['a character cut short by the closing quote', Buffer.concat([Buffer.from('["'), Buffer.from([0xe6, 0x97]), Buffer.from('"]')]), /text that is not valid UTF-8 \(at byte 4\)/],
    ['a non-ASCII byte outside a string', Buffer.concat([Buffer.from('[1,'), Buffer.from([0xc3, 0xa9]), Buffer.from(']')]), /byte 0xc3 where a value belongs/],
  ];
  for (const [what, input, expected] of MALFORMED) {
    it(`refuses ${what} with a clear error, however it is cut`, () => {
      const bytes = typeof input === 'string' ? Buffer.from(input) : input;
      for (let at = 0; at <= bytes.length; at++) {
        const { error } = split(cutAt(bytes, [at]));
        assert.ok(error instanceof JsonSplitError, `cut at ${at}: no error`);
        assert.match(error.message, expected, `cut at ${at}`);
      }
    });
  }

  it('refuses an element larger than the limit, whether it comes in one chunk or many', () => {
    const input = Buffer.from(`[{"id":"small"},{"text":"${'x'.repeat(5000)}"}]`);
    for (const cuts of [[], [100, 2000, 4000]]) {
      const { error } = split(cutAt(input, cuts), 1000);
      assert.match(error?.message ?? '', /an element larger than 1000 bytes/);
    }
  });

  it('accepts exactly the well-formed UTF-8 Node accepts, over thousands of random byte strings', () => {
    const random = seeded(8);
    let valid = 0;
    for (let round = 0; round < 5000; round++) {
      const noise = Buffer.from(Array.from({ length: Math.floor(random() * 6) }, () => 0x80 + Math.floor(random() * 0x80)));
      // Often a well-formed character first, so that both answers come up often.
      const character = Buffer.from(['é', '€', '🐛', ''][Math.floor(random() * 4)]);
      const text = Buffer.concat([character, noise]);
      if (text.length === 0) continue;
      const input = Buffer.concat([Buffer.from('["'), text, Buffer.from('"]')]);
      const { error } = split(cutAt(input, [Math.floor(random() * input.length)]));
      assert.equal(error === undefined, isUtf8(text), `${text.toString('hex')}: ${error?.message ?? 'accepted'}`);
      if (error === undefined) valid++;
    }
    assert.ok(valid > 200, `${valid} well-formed`);
  });

  it('accepts exactly what JSON.parse accepts as an array, over thousands of damaged inputs', () => {
    const random = seeded(10);
    const alphabet = Buffer.from('[]{}",:\\/ \n0123456789.eE+-abtrufnlsu');
    const valid = Buffer.from(JSON.stringify([...TRICKY_ELEMENTS.slice(0, 2), ...TRICKY_ELEMENTS.slice(3)]).replace(/[^\x20-\x7e]/g, '?'));
    let accepted = 0;
    for (let round = 0; round < 4000; round++) {
      const bytes = Buffer.from(valid);
      const edits = 1 + Math.floor(random() * 3);
      let damaged: Buffer = bytes;
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * damaged.length);
        const byte = alphabet[Math.floor(random() * alphabet.length)];
        const kind = random();
        if (kind < 0.4) damaged[at] = byte;
        else if (kind < 0.7) damaged = Buffer.concat([damaged.subarray(0, at), Buffer.from([byte]), damaged.subarray(at)]);
        else damaged = Buffer.concat([damaged.subarray(0, at), damaged.subarray(at + 1)]);
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(damaged.toString('utf8'));
      } catch {
        parsed = undefined;
      }
      const cut = Math.floor(random() * (damaged.length + 1));
      const { elements, error } = split(cutAt(damaged, [cut]));
      const text = damaged.toString('utf8');
      if (Array.isArray(parsed)) {
        assert.equal(error, undefined, `refused valid ${text}: ${error?.message}`);
        assert.deepEqual(elements.map((el) => JSON.parse(bytesOf(el).toString('utf8'))), parsed, text);
        accepted++;
      } else {
        assert.ok(error, `accepted invalid ${text}`);
      }
    }
    assert.ok(accepted > 100, `only ${accepted} damaged inputs were still valid: the test needs more of them`);
  });
});
