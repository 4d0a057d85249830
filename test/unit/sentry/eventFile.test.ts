import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type EventFile, openEventFile } from '../../../src/sentry/event/eventFile';
import { EventParseError } from '../../../src/sentry/event/eventParseError';
import { parseEventText } from '../../../src/sentry/event/eventParser';
import { sharedFixture, withSharedFixtures } from '../fixturePaths';

const OWN = path.resolve(__dirname, '../../../../test/fixtures/events');

async function openError(file: string): Promise<EventParseError> {
  try {
    await openEventFile(file);
  } catch (error) {
    assert.ok(error instanceof EventParseError, `an EventParseError, got ${String(error)}`);
    return error;
  }
  assert.fail(`${file} opened`);
}

async function allEvents(file: EventFile) {
  return Promise.all(file.summaries.map((summary) => file.load(summary.index)));
}

describe('event files', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sentry-event-files-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const write = (name: string, text: string | Buffer) => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, text);
    return file;
  };

  describe("the project's own fixtures", () => {
    it('reads one event in the SDK (store) form', async () => {
      const file = await openEventFile(path.join(OWN, 'store-event.json'));
      assert.equal(file.format, 'json');
      assert.deepEqual(file.summaries.map((s) => [s.eventId, s.title, s.level]), [['4f1c2a9be0d34c7e9a5b6c7d8e9f0a1b', 'OutOfStockError: SKU-RED-MUG: requested 3, available 1', 'error']]);
      const [event] = await allEvents(file);
      assert.equal(event.form, 'store');
      assert.equal(event.exceptions.length, 2);
      assert.equal(event.exceptions[1].stacktrace?.frames[2].contextLine?.trim(), 'raise OutOfStockError(line.sku, requested=line.quantity, available=available)');
    });

    it('reads one event in the API form', async () => {
      const [event] = await allEvents(await openEventFile(path.join(OWN, 'api-event.json')));
      assert.equal(event.form, 'api');
      assert.equal(event.eventId, 'b7e3c1d2a4f54e6d8c9b0a1f2e3d4c5b');
      assert.equal(event.exceptions[0].stacktrace?.frames[2].lineNo, 11);
    });

    it('reads an array of events, as a download writes them', async () => {
      const file = await openEventFile(path.join(OWN, 'events-array.json'));
      assert.equal(file.format, 'json');
      assert.deepEqual(file.summaries.map((s) => s.eventId), ['b7e3c1d2a4f54e6d8c9b0a1f2e3d4c5b', 'c8f4d2e3b5a64f7e9d0c1b2a3f4e5d6c']);
      assert.equal((await file.load(1)).dateCreated, '2024-11-20T12:41:17.000000Z');
    });

    it("reads Sentry's raw JSON download (the stored, normalized event)", async () => {
      const [event] = await allEvents(await openEventFile(path.join(OWN, 'raw-event.json')));
      assert.equal(event.eventId, 'e2d9a7c1b3f54a6e8d7c6b5a4f3e2d1c');
      assert.equal(event.title, 'OutOfStockError: SKU-RED-MUG: requested 3, available 1');
      assert.equal(event.release, 'api-server@2.4.1');
      assert.deepEqual(event.request?.cookies, [['session', '[Filtered]'], ['theme', 'dark']]);
    });

    it('reads NDJSON line by line, each event loaded again from its line', async () => {
      const file = await openEventFile(path.join(OWN, 'events.ndjson'));
      assert.equal(file.format, 'ndjson');
      assert.deepEqual(file.summaries.map((s) => [s.line, s.eventId]), [
        [1, '4f1c2a9be0d34c7e9a5b6c7d8e9f0a1b'],
        [2, 'b7e3c1d2a4f54e6d8c9b0a1f2e3d4c5b'],
        [3, 'c8f4d2e3b5a64f7e9d0c1b2a3f4e5d6c'],
      ]);
      const events = await allEvents(file);
      assert.deepEqual(events.map((e) => e.form), ['store', 'api', 'api']);
      assert.deepEqual(file.problems, []);
    });

    it('names the line and column where a cut-off event file ends', async () => {
      const error = await openError(path.join(OWN, 'cut-off.json'));
      const lines = fs.readFileSync(path.join(OWN, 'cut-off.json'), 'utf8').split('\n');
      assert.equal(error.line, lines.length);
      assert.equal(error.column, lines[lines.length - 1].length + 1);
      assert.match(error.message, new RegExp(`^cut-off\\.json is not valid JSON: .+ at line ${lines.length}, column ${error.column} \\(the file may be cut off\\)\\.$`));
    });

    it('opens the whole lines of a cut-off NDJSON file and names the broken last line', async () => {
      const file = await openEventFile(path.join(OWN, 'cut-off.ndjson'));
      assert.equal(file.summaries.length, 2);
      assert.equal(file.problems.length, 1);
      assert.match(file.problems[0], /^cut-off\.ndjson line 3 is not valid JSON: .+ at column \d+ \(the line is cut off\); it was skipped\.$/);
    });

    it('says what it expected of a file that holds no event', async () => {
      const error = await openError(path.join(OWN, 'not-an-event.json'));
      assert.match(error.message, /^not-an-event\.json does not look like a Sentry event: expected an event object, a list of events, or \{"events": \[\.\.\.\]\}\.$/);
    });
  });

  describe('edge cases', () => {
    it('refuses an empty file and NDJSON with no event, naming the first bad line', async () => {
      assert.equal((await openError(write('empty.json', '\n  \n'))).message, 'empty.json is empty.');
      const error = await openError(write('junk.ndjson', '{"id": 1}\n{"shortId": "X"}\n'));
      assert.match(error.message, /^junk\.ndjson holds no Sentry event on any of its 2 lines\. junk\.ndjson line 1 does not look like a Sentry event/);
      assert.equal(error.line, 1);
    });

    it('keeps byte offsets right across CRLF line ends, blank lines, a BOM and multi-byte text', async () => {
      const lines = ['\ufeff{"event_id":"a1","message":"caf\u00e9 \u2603"}', '', '{"event_id":"b2","message":"\ud83d\udca5 second"}', '{"eventID":"c3","entries":[],"title":"third"}'];
      const file = await openEventFile(write('crlf.ndjson', lines.join('\r\n')));
      assert.equal(file.format, 'ndjson');
      const events = await allEvents(file);
      assert.deepEqual(events.map((e) => [e.eventId, e.message ?? e.title]), [['a1', 'caf\u00e9 \u2603'], ['b2', '\ud83d\udca5 second'], ['c3', 'third']]);
      assert.deepEqual(file.summaries.map((s) => s.line), [1, 3, 4]);
    });

    it('reads a one-line JSON document (a minified array) like any other', async () => {
      const file = await openEventFile(write('min.json', JSON.stringify([{ event_id: 'x', message: 'one' }, { event_id: 'y', message: 'two' }])));
      assert.deepEqual((await allEvents(file)).map((e) => e.eventId), ['x', 'y']);
    });
  });

  withSharedFixtures("event files: Sentry's own fixtures", (test) => {

    test('opens every event fixture with the same events parseEventText reads', async () => {
      const dir = sharedFixture('');
      const names = fs.readdirSync(dir).filter((name) => name.endsWith('.json'));
      let opened = 0;
      for (const name of names) {
        let expected: string[];
        try {
          expected = parseEventText(fs.readFileSync(path.join(dir, name), 'utf8'), name).map((e) => e.eventId);
        } catch {
          continue;
        }
        const file = await openEventFile(path.join(dir, name));
        assert.deepEqual((await allEvents(file)).map((e) => e.eventId), expected, name);
        opened++;
      }
      assert.ok(opened >= 10, `opened ${opened}`);
    });

    test('names the last line of the cut-off seed event', async () => {
      const file = sharedFixture('seed-event-truncated.store.json');
      // Where the text stops: the line after its final newline, as parseEventText names it.
      const last = fs.readFileSync(file, 'utf8').split('\n').length;
      const error = await openError(file);
      assert.equal(error.line, last);
      assert.match(error.message, new RegExp(`at line ${last}, column \\d+ \\(the file may be cut off\\)`));
    });
  });
});
