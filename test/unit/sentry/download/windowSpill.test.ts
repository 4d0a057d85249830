import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, truncateSync } from 'node:fs';
import type { RawEvent } from '../../../../src/sentry/api/rawEvents';
import { DownloadFileError } from '../../../../src/sentry/download/eventFileWriter';
import { WindowSpill } from '../../../../src/sentry/download/windowSpill';
import { Scratch } from './downloadHelpers';

/** An event as the splitter hands it on: its bytes in pieces, cut where the answer's chunks were. */
function rawEvent(json: string, cuts: number[] = []): RawEvent {
  const bytes = Buffer.from(json);
  const edges = [0, ...cuts, bytes.length];
  const pieces = edges.slice(1).map((end, i) => bytes.subarray(edges[i], end));
  const parsed = JSON.parse(json) as { eventID?: string; dateCreated?: string };
  return { pieces, size: bytes.length, id: parsed.eventID, time: parsed.dateCreated };
}

describe('WindowSpill (issue 10: waiting events kept on disk, not in memory)', () => {
  let scratch: Scratch;
  beforeEach(() => (scratch = new Scratch()));
  afterEach(() => scratch.remove());

  it('gives back every event put aside, byte for byte and in order, then removes its file', async () => {
    // Larger than a file read's 512 KB, so events are cut across the chunks they are read back in.
    const big = JSON.stringify({ eventID: 'b', dateCreated: '2026-11-02T00:00:00Z', blob: 'x'.repeat(1_200_000) });
    const sent = [
      JSON.stringify({ eventID: 'a', dateCreated: '2026-11-03T00:00:00Z', message: 'línea\nuno 🐛' }),
      big,
      '{\n  "eventID": "c",\r\n  "dateCreated": "2026-11-01T00:00:00Z"\n}',
      ...Array.from({ length: 300 }, (_, i) => JSON.stringify({ eventID: `n${i}`, filler: 'y'.repeat(i * 7) })),
    ];
    const spill = new WindowSpill(scratch.path('w.spill'));
    const events = sent.map((json, i) => rawEvent(json, i === 1 ? [10, 70_000, 150_000] : [Math.floor(json.length / 2)]));
    // Put aside a page at a time, pages of 1 to 10 events as a server sends them.
    for (let at = 0, size = 1; at < events.length; at += size, size = (size % 10) + 1) await spill.add(events.slice(at, at + size));
    assert.equal(spill.count, sent.length);

    const back: Array<{ text: string; id?: string; time?: string; pieces: number }> = [];
    let batches = 0;
    for await (const batch of spill.batches()) {
      batches++;
      for (const { pieces, id, time } of batch) back.push({ text: Buffer.concat(pieces).toString('utf8'), id, time, pieces: pieces.length });
    }
    assert.deepEqual(back.map((b) => b.text), sent);
    assert.ok(batches > 1 && batches < sent.length / 10, `events come back a read at a time, many to a batch (${batches} batches)`);
    assert.deepEqual(back.slice(0, 3).map((b) => [b.id, b.time]), [
      ['a', '2026-11-03T00:00:00Z'],
      ['b', '2026-11-02T00:00:00Z'],
      ['c', '2026-11-01T00:00:00Z'],
    ]);
    assert.ok(back[1].pieces > 1, 'an event larger than one read comes back in pieces');
    assert.equal(existsSync(scratch.path('w.spill')), false, 'the file is removed once read');
    assert.deepEqual(scratch.files(), []);
  });

  it('a window with nothing put aside makes no file', async () => {
    const spill = new WindowSpill(scratch.path('none.spill'));
    const back = [];
    for await (const batch of spill.batches()) back.push(batch);
    assert.deepEqual(back, []);
    await spill.discard();
    assert.deepEqual(scratch.files(), []);
  });

  it('discard removes the file, also one still being opened or written', async () => {
    const opening = new WindowSpill(scratch.path('opening.spill'));
    await opening.add([rawEvent('{"eventID":"a"}')]);
    await opening.discard();
    const written = new WindowSpill(scratch.path('written.spill'));
    await written.add([rawEvent('{"eventID":"b"}')]);
    while (!existsSync(scratch.path('written.spill'))) await new Promise((resolve) => setTimeout(resolve, 5));
    await written.add([rawEvent('{"eventID":"c"}')]);
    await written.discard();
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(scratch.files(), []);
  });

  it('a file it may not create is a DownloadFileError that names it, not a lost event', async () => {
    const path = scratch.path('no-such-folder/w.spill');
    const spill = new WindowSpill(path);
    await assert.rejects(
      async () => {
        await spill.add([rawEvent('{"eventID":"a"}')]);
        await spill.close();
      },
      (error: unknown) => error instanceof DownloadFileError && error.message.includes(path) && /ENOENT/.test(error.message),
    );
  });

  it('a file cut short on disk is an error, not a silently shorter window', async () => {
    const path = scratch.path('short.spill');
    const spill = new WindowSpill(path);
    await spill.add([rawEvent('{"eventID":"a","pad":"0123456789"}'), rawEvent('{"eventID":"b","pad":"0123456789"}')]);
    await spill.close();
    truncateSync(path, readFileSync(path).length - 5);
    const back: string[] = [];
    await assert.rejects(
      async () => {
        for await (const batch of spill.batches()) back.push(...batch.map(({ pieces }) => Buffer.concat(pieces).toString()));
      },
      (error: unknown) => error instanceof DownloadFileError && /holds 1 of the 2 events/.test(error.message),
    );
    assert.deepEqual(back, ['{"eventID":"a","pad":"0123456789"}']);
  });
});
