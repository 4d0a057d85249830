import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { EventParseError, parseEventText } from '../../../src/sentry/event/eventParser';
import { findJsonErrorOffset } from '../../../src/sentry/event/jsonErrorLocation';
import { sharedFixture, withSharedFixtures } from '../fixturePaths';

function parseError(text: string, name = 'event.json'): EventParseError {
  try {
    parseEventText(text, name);
  } catch (error) {
    assert.ok(error instanceof EventParseError, `an EventParseError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected an EventParseError');
}

describe('eventParser: parseEventText', () => {
  it('names the file, V8\'s reason, line and column', () => {
    const error = parseError('{\n  "event_id": "a",\n  "level": "error",\n}\n');
    assert.equal(error.message, 'event.json is not valid JSON: Expected double-quoted property name at line 4, column 1.');
    assert.deepEqual([error.line, error.column], [4, 1]);
  });

  it('says the file may be cut off when the error is at its end', () => {
    const error = parseError('{\n  "event_id": "a",\n  "extra": {"k": [1, 2');
    assert.match(error.message, /^event\.json is not valid JSON: .+ at line 3, column 23 \(the file may be cut off\)\.$/);
  });

  it('locates errors V8 reports without a position ("Unexpected token")', () => {
    const error = parseError('{\n  "a": [1,,2]\n}', 'x.json');
    assert.equal(error.message, "x.json is not valid JSON: Unexpected token ',' at line 2, column 11.");
    const literal = parseError('[\n  tru\n]');
    assert.deepEqual([error.line, literal.line, literal.column], [2, 2, 3]);
  });

  it('finds the same offset as V8 wherever V8 names one', () => {
    const broken = ['{"a":1', '{"a":1,}', '{"a" 1}', '{a:1}', '{"a":"x\ny"}', '{"a":1}}', '{"a":1} x', '{"a":"\\q"}', '"abc', '{"a":[1,2}', '{"a":01}', '[1 2]', '{,}', '[]]'];
    for (const text of broken) {
      let message = '';
      try {
        JSON.parse(text);
      } catch (error) {
        message = error instanceof Error ? error.message : '';
      }
      const position = /at position (\d+)/.exec(message);
      if (position) assert.equal(findJsonErrorOffset(text), Number(position[1]), `${JSON.stringify(text)}: ${message}`);
    }
    for (const valid of ['{}', '[[[]]]', '{"a":[1,-2.5e3,true,false,null,"\\u00e9\\n"]}', ' 5 ']) {
      assert.equal(findJsonErrorOffset(valid), undefined, valid);
    }
  });

  it('scans 100,000 levels of nesting without recursion', () => {
    const deep = `${'['.repeat(100000)}1,${']'.repeat(100000)}`;
    assert.equal(findJsonErrorOffset(deep), 100002);
  });

  it('rejects empty text and JSON that holds no event', () => {
    assert.equal(parseError('  \n').message, 'event.json is empty.');
    assert.match(parseError('5').message, /holds a number, not a Sentry event/);
    assert.match(parseError('[1, "a"]').message, /none of its 2 items is a Sentry event/);
    assert.match(parseError('{"id": "1", "shortId": "P-1"}').message, /does not look like a Sentry event/);
  });

  it('reads a single event, a list, {events: [...]} and {event: {...}}', () => {
    const store = { event_id: 'e1', message: 'one' };
    const api = { eventID: 'e2', entries: [] };
    assert.deepEqual(parseEventText(JSON.stringify(store)).map((e) => e.eventId), ['e1']);
    assert.deepEqual(parseEventText(JSON.stringify([store, api])).map((e) => [e.eventId, e.form]), [['e1', 'store'], ['e2', 'api']]);
    assert.deepEqual(parseEventText(JSON.stringify({ events: [api, store] })).map((e) => e.eventId), ['e2', 'e1']);
    assert.deepEqual(parseEventText(JSON.stringify({ event: api, groupId: '1' })).map((e) => e.eventId), ['e2']);
  });

  it('skips list items that are not objects, and says so on the first event', () => {
    const events = parseEventText(JSON.stringify([null, { event_id: 'a' }, 7]), 'export.json');
    assert.equal(events.length, 1);
    assert.equal(events[0].problems[0], '2 of the 3 items in export.json are not event objects and were skipped');
  });

  it('accepts a UTF-8 byte order mark', () => {
    assert.equal(parseEventText('\ufeff{"event_id": "bom"}')[0].eventId, 'bom');
  });

  withSharedFixtures("Sentry's cut-off seed event", (test) =>
    test('reads the truncated seed event once its closing brace is added', () => {
      const text = fs.readFileSync(sharedFixture('seed-event-truncated.store.json'), 'utf8');
      assert.throws(() => parseEventText(text), EventParseError);
      const [event] = parseEventText(`${text}}`);
      assert.equal(event.eventId, '5a552273622c4d949495df39b7b063c8');
      assert.equal(event.stacktrace?.frames.length, 5);
    }),
  );
});
