import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { openEventFile } from '../../../src/sentry/event/eventFile';
import { writeLargeNdjson } from './largeNdjson';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

describe('event files: a 100 MB NDJSON file', function () {
  this.timeout(120_000);
  let dir: string;
  let file: string;
  let size: number;
  const COUNT = 5_200;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentry-large-ndjson-'));
    file = path.join(dir, 'events.ndjson');
    size = writeLargeNdjson(file, COUNT, 20_000);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is indexed without holding its events: heap growth stays a small fraction of the file', async () => {
    assert.ok(size >= 100 * 1_000_000, `the file is ${size} bytes`);
    const before = heapAfterGc();
    let peak = 0;
    let calls = 0;
    const started = Date.now();
    const opened = await openEventFile(file, {
      onProgress: () => {
        // What is live mid-way, not garbage V8 has yet to collect: that is what stays flat.
        if (++calls % 250 === 0) peak = Math.max(peak, heapAfterGc() - before);
      },
    });
    const indexMs = Date.now() - started;
    const retained = heapAfterGc() - before;
    console.log(`      ${(size / 1e6).toFixed(0)} MB, ${COUNT} events indexed in ${indexMs} ms; heap retained ${(retained / 1e6).toFixed(1)} MB, largest live heap while indexing ${(peak / 1e6).toFixed(1)} MB`);
    assert.equal(opened.summaries.length, COUNT);
    assert.ok(retained < size / 10, `retained ${retained} bytes for a ${size}-byte file`);
    assert.ok(peak < size / 10, `live heap reached ${peak} bytes while indexing a ${size}-byte file`);
    const middle = await opened.load(2_345);
    assert.equal(middle.eventId, (2_345).toString(16).padStart(32, '0'));
    assert.equal(middle.exceptions[0].value, 'event 2345');
    assert.equal(opened.summaries[5_199].title, 'LargeError: event 5199');
  });
});
