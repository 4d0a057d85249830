import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EventFileNotOpenError, LocalEventFiles } from '../../../src/model/localEventFiles';
import { localEventKey, localEventRefOf, readLocalEventRef } from '../../../src/model/localEventRef';
import { openEventFile } from '../../../src/sentry/event/eventFile';
import { EventParseError } from '../../../src/sentry/event/eventParseError';

const OWN = path.resolve(__dirname, '../../../../test/fixtures/events');

describe('local event refs', () => {
  it('reads a file and a position, and nothing else', () => {
    assert.deepEqual(readLocalEventRef({ file: '/tmp/a.json', index: 2, extra: 'x' }), { file: '/tmp/a.json', index: 2 });
    for (const bad of [null, [], 'x', { file: '', index: 0 }, { file: '/a', index: -1 }, { file: '/a', index: 1.5 }, { file: 7, index: 0 }, { file: 'a\u0000b', index: 0 }, { file: 'x'.repeat(5000), index: 0 }]) {
      assert.equal(readLocalEventRef(bad), undefined, JSON.stringify(bad));
    }
    assert.equal(readLocalEventRef(Object.create({ file: '/inherited', index: 0 })), undefined, 'never from a prototype');
  });

  it("takes a row's ref (a getter counts) and keys files apart", () => {
    class Row {
      get localEvent() {
        return { file: '/tmp/b.ndjson', index: 4 };
      }
    }
    assert.deepEqual(localEventRefOf(new Row()), { file: '/tmp/b.ndjson', index: 4 });
    assert.equal(localEventRefOf({ ref: { org: 'a', project: 'b', eventId: 'c' } }), undefined);
    assert.notEqual(localEventKey({ file: '/a', index: 1 }), localEventKey({ file: '/a 1', index: 1 }));
    assert.notEqual(localEventKey({ file: '/a', index: 11 }), localEventKey({ file: '/a', index: 1 }));
  });
});

describe('local event files', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sentry-local-files-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('keeps opened files in order, says when they change, and loads their events', async () => {
    const files = new LocalEventFiles();
    let changes = 0;
    files.onDidChange(() => changes++);
    const array = path.join(OWN, 'events-array.json');
    const ndjson = path.join(OWN, 'events.ndjson');
    await files.open(array);
    await files.open(ndjson);
    assert.deepEqual(files.paths(), [array, ndjson]);
    assert.equal(changes, 2);
    assert.equal(files.summary({ file: ndjson, index: 2 })?.line, 3);
    assert.equal((await files.load({ file: array, index: 1 })).eventId, 'c8f4d2e3b5a64f7e9d0c1b2a3f4e5d6c');
    assert.equal(files.close(array), true);
    assert.equal(files.close(array), false);
    assert.deepEqual(files.paths(), [ndjson]);
    assert.equal(changes, 3);
    await assert.rejects(files.load({ file: array, index: 0 }), EventFileNotOpenError);
    await assert.rejects(files.load({ file: ndjson, index: 3 }), /events\.ndjson has 3 events; there is no event 4\./);
  });

  it('parses an NDJSON event only when it is loaded, and keeps only the last few', async () => {
    const file = path.join(tmp, 'many.ndjson');
    fs.writeFileSync(file, Array.from({ length: 20 }, (_, i) => JSON.stringify({ event_id: `e${i}`, message: `event ${i}` })).join('\n'));
    let reads = 0;
    const files = new LocalEventFiles(async (path, options) => {
      const opened = await openEventFile(path, options);
      return { ...opened, load: (index) => (reads++, opened.load(index)) };
    }, 3);
    await files.open(file);
    assert.equal(reads, 0, 'opening reads summaries only');
    assert.equal(files.event({ file, index: 0 }), undefined);
    for (const index of [0, 1, 2, 0, 3]) await files.load({ file, index });
    assert.equal(reads, 4, 'a loaded event is kept');
    assert.deepEqual([0, 1, 2, 3].map((index) => files.event({ file, index })?.eventId), ['e0', undefined, 'e2', 'e3'], 'the least recently loaded goes first');
  });

  it('reads a file again when it is opened again, forgetting what was loaded from it', async () => {
    const file = path.join(tmp, 'changing.json');
    fs.writeFileSync(file, JSON.stringify({ event_id: 'first', message: 'one' }));
    const files = new LocalEventFiles();
    await files.open(file);
    assert.equal((await files.load({ file, index: 0 })).eventId, 'first');
    fs.writeFileSync(file, JSON.stringify([{ event_id: 'second', message: 'two' }, { event_id: 'third', message: 'three' }]));
    await files.open(file);
    assert.equal(files.event({ file, index: 0 }), undefined);
    assert.deepEqual(files.get(file)?.summaries.map((s) => s.eventId), ['second', 'third']);
    assert.deepEqual(files.paths(), [file]);
  });

  it('leaves a file that is not an event out, with the reason', async () => {
    const files = new LocalEventFiles();
    await assert.rejects(files.open(path.join(OWN, 'cut-off.json')), (error: unknown) => error instanceof EventParseError && error.line !== undefined && error.column !== undefined);
    assert.deepEqual(files.paths(), []);
  });
});
