/**
 * The event detail panel's first paint: rendering the body HTML for an event with 5,000 frames and
 * for a 10 MB event (the event already parsed, as the panel gets it), plus opening a 100 MB NDJSON
 * event file (index time and heap kept). The panel's time to first paint in a real VS Code (Open
 * Event to the page's `painted`) needs VS Code: the integration run measures it and writes
 * test-results/panel-paint.json, which is read here when present.
 */

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { retainedBytes } from './retainedHeap';
import { readPanelPaintFigures } from './panelPaintFigures';
import { openEventFile } from '../../src/sentry/event/eventFile';
import { parseEvent } from '../../src/sentry/event/eventParser';
import { renderEventDetail } from '../../src/views/eventDetail/renderEventDetail';
import { largeEvent, manyFramesEvent } from '../fixtures/events/largeEvents';
import { writeLargeNdjson } from '../unit/sentry/largeNdjson';

const ROUNDS = 15;

function timeMs(run: () => void): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function paintFigures(raw: Record<string, unknown>): { parseMs: number; p50Ms: number; maxMs: number; htmlKb: number } {
  let event = parseEvent(raw);
  const parseMs = timeMs(() => {
    event = parseEvent(raw);
  });
  let html = '';
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    times.push(
      timeMs(() => {
        html = renderEventDetail(event, { issueShortId: 'BENCH-1', eventUrl: 'https://acme.sentry.io/issues/1/events/aaaa/' });
      }),
    );
  }
  times.sort((a, b) => a - b);
  return { parseMs: round(parseMs), p50Ms: round(times[Math.floor(times.length / 2)]), maxMs: round(times[times.length - 1]), htmlKb: Math.round(html.length / 1024) };
}

export async function runEventDetailBench(): Promise<Record<string, number>> {
  const frames = paintFigures(manyFramesEvent(5_000));
  const large = largeEvent(10);
  const largeMb = JSON.stringify(large).length / 1e6;
  const big = paintFigures(large);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentry-bench-ndjson-'));
  let ndjson: { indexMs: number; sizeMb: number; retainedMb: number };
  try {
    const file = path.join(dir, 'events.ndjson');
    const size = writeLargeNdjson(file, 5_200, 20_000);
    // Measured after full collections on both sides: the heap's in-use figure alone also counts garbage
    // left by the parts before (it came out negative when a collection happened during the index).
    const before = retainedBytes();
    const started = process.hrtime.bigint();
    const opened = await openEventFile(file);
    const indexMs = Number(process.hrtime.bigint() - started) / 1e6;
    const kept = retainedBytes() - before;
    ndjson = { indexMs: round(indexMs), sizeMb: round(size / 1e6), retainedMb: round(kept / 1e6) };
    if (opened.summaries.length !== 5_200) throw new Error(`indexed ${opened.summaries.length} events`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const figures = {
    frames5000FirstPaintP50Ms: frames.p50Ms,
    frames5000FirstPaintMaxMs: frames.maxMs,
    frames5000FirstPaintHtmlKb: frames.htmlKb,
    event10MbSizeMb: round(largeMb),
    event10MbParseMs: big.parseMs,
    event10MbFirstPaintP50Ms: big.p50Ms,
    event10MbFirstPaintMaxMs: big.maxMs,
    event10MbFirstPaintHtmlKb: big.htmlKb,
    ndjsonFileMb: ndjson.sizeMb,
    ndjsonIndexMs: ndjson.indexMs,
    ndjsonIndexRetainedMb: ndjson.retainedMb,
    ...readPanelPaintFigures(),
  };
  console.log('eventDetail:', figures);
  return figures;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
