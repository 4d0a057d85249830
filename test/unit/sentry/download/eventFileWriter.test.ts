import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { EventFileWriter } from '../../../../src/sentry/download/eventFileWriter';
import { Scratch } from './downloadHelpers';

/** Events as a server may send them: compact, pretty-printed over several lines (CRLF too), with line breaks escaped in strings. */
const SENT = [
  '{"eventID":"a","message":"line one\\nline two"}',
  '{\n  "eventID": "b",\r\n  "tags": [\n    ["k", "v"]\n  ]\n}',
  '{"eventID":"c","unicode":"日本 🐛"}',
];

describe('EventFileWriter (issue 10: events written as the bytes Sentry sent)', () => {
  let scratch: Scratch;
  beforeEach(() => (scratch = new Scratch()));
  afterEach(() => scratch.remove());

  async function write(format: 'ndjson' | 'json', target: string): Promise<void> {
    const writer = await EventFileWriter.open(target, format);
    // Each event in pieces, as it came in the answer's chunks: cut at a third and at two thirds;
    // the first alone, the other two in one call, as pages and batches come.
    const events = SENT.map((event) => {
      const bytes = Buffer.from(event);
      const third = Math.floor(bytes.length / 3);
      return [bytes.subarray(0, third), bytes.subarray(third, 2 * third), bytes.subarray(2 * third)];
    });
    await writer.writeEvents(events.slice(0, 1));
    await writer.writeEvents(events.slice(1));
    assert.ok(!existsSync(target), 'nothing at the target before the commit');
    await writer.commit(target);
  }

  it('NDJSON: one event a line, a multi-line event put on one line without changing its value', async () => {
    const target = scratch.path('e.ndjson');
    await write('ndjson', target);
    const text = readFileSync(target, 'utf8');
    const lines = text.split('\n');
    assert.equal(lines.pop(), '', 'ends with a newline');
    assert.equal(lines.length, 3);
    assert.deepEqual(lines.map((line) => JSON.parse(line)), SENT.map((event) => JSON.parse(event)));
    assert.equal(lines[0], SENT[0], 'a compact event is written byte for byte');
    assert.equal(lines[2], SENT[2]);
    assert.deepEqual(scratch.files(), ['e.ndjson']);
  });

  it('JSON: one array of the events as sent', async () => {
    const target = scratch.path('e.json');
    await write('json', target);
    const text = readFileSync(target, 'utf8');
    assert.deepEqual(JSON.parse(text), SENT.map((event) => JSON.parse(event)));
    assert.ok(text.includes(SENT[1]), 'kept as sent, line breaks and all');
  });

  it('an empty download is an empty array, or an empty NDJSON file', async () => {
    for (const [format, name, expected] of [['json', 'empty.json', '[\n]\n'], ['ndjson', 'empty.ndjson', '']] as const) {
      const target = scratch.path(name);
      const writer = await EventFileWriter.open(target, format);
      await writer.commit(target);
      assert.equal(readFileSync(target, 'utf8'), expected);
      if (format === 'json') assert.deepEqual(JSON.parse(readFileSync(target, 'utf8')), []);
    }
  });
});
