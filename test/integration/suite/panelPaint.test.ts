import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { OpenEventFileResult } from '../../../src/commands/eventFileCommands';
import type { SentryExplorerApi } from '../../../src/extension';
import type { EventRef } from '../../../src/model/refs';
import type { PaintTiming } from '../../../src/views/eventDetail/eventDetailPanel';
import { parseEvent } from '../../../src/sentry/event/eventParser';
import { largeEvent, manyFramesEvent } from '../../fixtures/events/largeEvents';
import { extensionApi } from './helpers';
import { closePanels } from './panelHelpers';

/** Where `npm run bench` finds the figures of the last integration run. */
const PANEL_PAINT_RESULTS = path.resolve(__dirname, '../../../../test-results/panel-paint.json');

const ROUNDS = 5;
/** Far above the 300 ms target: fails only when painting is broken or pathological, not when the machine is busy. */
const CEILING_MS = 5_000;

describe('event panel first paint, timed in the extension host (bench)', () => {
  let api: SentryExplorerApi;
  let tmp: string;

  before(async () => {
    api = await extensionApi();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sentry-paint-'));
  });

  after(() => {
    closePanels(api);
    for (const file of api.localFiles.paths()) api.localFiles.close(file);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** From running the command to the page's `painted` for the panel's first body. */
  async function timeToPaint(open: () => Thenable<unknown>): Promise<{ total: number; timing: PaintTiming }> {
    let subscription: vscode.Disposable | undefined;
    const painted = new Promise<{ at: number; timing: PaintTiming }>((resolve) => {
      subscription = api.panels.onDidPaint((timing) => {
        if (timing.first) resolve({ at: performance.now(), timing });
      });
    });
    const started = performance.now();
    await open();
    const { at, timing } = await painted;
    subscription?.dispose();
    closePanels(api);
    return { total: at - started, timing };
  }

  /**
   * What any webview costs to appear here: a panel with no stylesheet and one inline script that
   * posts after its first animation frame, timed from its creation to that message.
   */
  async function bareWebview(): Promise<number> {
    const panel = vscode.window.createWebviewPanel('sentryExplorer.paintFloor', 'Floor', vscode.ViewColumn.Active, { enableScripts: true });
    const nonce = 'floor'.repeat(4);
    const arrived = new Promise<number>((resolve) => panel.webview.onDidReceiveMessage(() => resolve(performance.now())));
    const started = performance.now();
    panel.webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'"></head><body><p>Floor</p><script nonce="${nonce}">const api = acquireVsCodeApi(); requestAnimationFrame(() => setTimeout(() => api.postMessage('painted'), 0));</script></body></html>`;
    const at = await arrived;
    panel.dispose();
    return at - started;
  }

  /**
   * Medians of `ROUNDS` openings: the whole, the page's own load (to `ready`), the body's way to the
   * screen (posted to `painted`), and where the page's load went (ms since the panel was made).
   */
  async function rounds(name: string, open: () => Thenable<unknown>): Promise<RoundFigures> {
    const totals: number[] = [];
    const ready: number[] = [];
    const body: number[] = [];
    const steps = new Map<string, number[]>();
    for (let round = 0; round < ROUNDS; round++) {
      const { total, timing } = await timeToPaint(open);
      totals.push(total);
      ready.push(timing.readyMs ?? Number.NaN);
      body.push(timing.pageMs ?? Number.NaN);
      const breakdown = pageBreakdown(timing);
      for (const [step, ms] of Object.entries(breakdown)) steps.set(step, [...(steps.get(step) ?? []), ms]);
      console.log(`    ${name}: ${total.toFixed(0)} ms (the page ready ${timing.readyMs?.toFixed(0)} ms after the panel was made; body rendered in ${timing.renderMs?.toFixed(0)} ms, posted to painted ${timing.pageMs?.toFixed(0)} ms)`);
      console.log(`      since the panel was made: ${Object.entries(breakdown).map(([step, ms]) => `${step} ${ms.toFixed(0)}`).join(', ')}; HTML ${((timing.htmlChars ?? 0) / 1000).toFixed(0)} KB`);
    }
    const medianSteps = Object.fromEntries([...steps].map(([step, values]) => [step, median(values)]));
    return { total: median(totals), max: round(Math.max(...totals)), ready: median(ready), body: median(body), steps: medianSteps };
  }

  it('an event with 5,000 frames and a 10 MB event: Open Event to the painted page', async function () {
    this.timeout(300_000);
    const stored = (name: string, raw: Record<string, unknown>): EventRef => {
      const ref = { org: 'bench-org', project: 'bench', eventId: `${name}${'0'.repeat(32)}`.slice(0, 32) };
      api.data.store.putEvent(ref, parseEvent(raw));
      return ref;
    };
    const framesRef = stored('f5000', manyFramesEvent(5_000));
    const large = largeEvent(10);
    const largeRef = stored('e10mb', large);
    // A message-only event: the floor, what any webview costs to appear here.
    const floors: number[] = [];
    for (let i = 0; i < ROUNDS; i++) floors.push(await bareWebview());
    console.log(`    a bare webview: ${floors.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    const smallRef = stored('small', { event_id: 'c'.repeat(32), message: 'A message and nothing else', level: 'info' });
    const small = await rounds('message only', () => vscode.commands.executeCommand('sentry.openEvent', smallRef));
    const frames = await rounds('5,000 frames', () => vscode.commands.executeCommand('sentry.openEvent', framesRef));
    const big = await rounds('10 MB', () => vscode.commands.executeCommand('sentry.openEvent', largeRef));

    // The same 10 MB event from a file: reading and parsing it come first.
    const file = path.join(tmp, 'large-event.json');
    fs.writeFileSync(file, JSON.stringify(large));
    const fromFile = await rounds('10 MB file', async () => {
      const result = await vscode.commands.executeCommand<OpenEventFileResult>('sentry.openEventFile', vscode.Uri.file(file));
      assert.strictEqual(result?.opened[0]?.events, 1);
    });

    const figures = {
      measuredAt: new Date().toISOString(),
      rounds: ROUNDS,
      // How busy the machine was: the figures below are wall-clock times on shared cores.
      cpus: os.cpus().length,
      loadAverage1m: round(os.loadavg()[0]),
      bareWebviewFirstPaintMedianMs: median(floors),
      messageOnlyFirstPaintMedianMs: small.total,
      messageOnlyPageReadyMedianMs: small.ready,
      frames5000FirstPaintMedianMs: frames.total,
      frames5000FirstPaintMaxMs: frames.max,
      frames5000PageReadyMedianMs: frames.ready,
      frames5000BodyToPaintedMedianMs: frames.body,
      event10MbFirstPaintMedianMs: big.total,
      event10MbFirstPaintMaxMs: big.max,
      event10MbPageReadyMedianMs: big.ready,
      event10MbBodyToPaintedMedianMs: big.body,
      event10MbFromFileFirstPaintMedianMs: fromFile.total,
      ...stepFigures('messageOnly', small.steps),
      ...stepFigures('frames5000', frames.steps),
      ...stepFigures('event10Mb', big.steps),
      event10MbFileMb: round(fs.statSync(file).size / 1e6),
    };
    fs.mkdirSync(path.dirname(PANEL_PAINT_RESULTS), { recursive: true });
    fs.writeFileSync(PANEL_PAINT_RESULTS, `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`    (first paint, median of ${ROUNDS}, load average ${figures.loadAverage1m} on ${figures.cpus} cores: a bare webview ${figures.bareWebviewFirstPaintMedianMs} ms, a message-only event ${figures.messageOnlyFirstPaintMedianMs} ms, 5,000 frames ${figures.frames5000FirstPaintMedianMs} ms, 10 MB event ${figures.event10MbFirstPaintMedianMs} ms, the same from its file ${figures.event10MbFromFileFirstPaintMedianMs} ms)`);
    for (const [name, value] of Object.entries(figures)) {
      if (name.endsWith('MedianMs')) assert.ok(typeof value === 'number' && value < CEILING_MS, `${name}: ${value} ms`);
    }
  });
});

interface RoundFigures {
  total: number;
  max: number;
  ready: number;
  body: number;
  /** Median ms since the panel was made, by step of the page's load (pageBreakdown). */
  steps: Record<string, number>;
}

/** The page's load on the extension host's clock: ms since the panel was made, step by step. */
function pageBreakdown(timing: PaintTiming): Record<string, number> {
  const steps: Record<string, number> = {};
  if (timing.htmlMs !== undefined) steps.html = timing.htmlMs;
  const page = timing.page;
  if (!page) return steps;
  const since = (ms: number) => page.origin + ms;
  steps.navigation = since(0);
  for (const resource of page.resources) steps[resource.name] = since(resource.end);
  steps.domInteractive = since(page.domInteractive);
  steps.domContentLoaded = since(page.domContentLoaded);
  if (page.firstContentfulPaint !== undefined) steps.firstContentfulPaint = since(page.firstContentfulPaint);
  steps.pagePainted = since(page.painted);
  steps.painted = timing.sinceOpenMs;
  return steps;
}

/** The medians of the page's steps as flat figures (`frames5000StepFirstContentfulPaintMs`), for the bench. */
function stepFigures(prefix: string, steps: Record<string, number>): Record<string, number> {
  const named = (step: string) => step.replace(/\.(css|js|ttf)$/, (_, ext: string) => ext.toUpperCase()).replace(/[^A-Za-z0-9]/g, '');
  return Object.fromEntries(Object.entries(steps).map(([step, ms]) => [`${prefix}Step${named(step)[0].toUpperCase()}${named(step).slice(1)}Ms`, ms]));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.floor(sorted.length / 2)]);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
