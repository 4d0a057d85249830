import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/** Written by the integration suite "event panel first paint" (test/integration/suite/panelPaint.test.ts). */
const PANEL_PAINT_RESULTS = resolve(__dirname, '../../../test-results/panel-paint.json');
const TARGET_MS = 300;
const HOW_TO_MEASURE = "npm run build && npx tsc -p . && SENTRY_EXPLORER_TEST_GREP='first paint' node out/test/integration/runTests.js";

/**
 * The panel's first paint as the last integration run measured it in the extension host, prefixed
 * `panel`; nothing (and a line saying how to measure it) when there was no such run.
 */
export function readPanelPaintFigures(): Record<string, number> {
  if (!existsSync(PANEL_PAINT_RESULTS)) {
    console.log(`eventDetail: the panel's first paint in VS Code is measured by the integration run (${HOW_TO_MEASURE}); no results yet in ${PANEL_PAINT_RESULTS}.`);
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(PANEL_PAINT_RESULTS, 'utf8'));
  } catch {
    console.log(`eventDetail: ${PANEL_PAINT_RESULTS} is not JSON; measure again with ${HOW_TO_MEASURE}.`);
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const record = parsed as Record<string, unknown>;
  const measuredAt = typeof record.measuredAt === 'string' ? record.measuredAt : statSync(PANEL_PAINT_RESULTS).mtime.toISOString();
  const figures: Record<string, number> = {};
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'number' && Number.isFinite(value)) figures[`panel${key[0].toUpperCase()}${key.slice(1)}`] = value;
  }
  console.log(`eventDetail: the panel's first paint in VS Code (Open Event to the page's painted, in the extension host) is read from the integration run of ${measuredAt} (${PANEL_PAINT_RESULTS}).`);
  console.log(`eventDetail: ${verdict(record)}`);
  for (const [prefix, name] of [['frames5000', '5,000 frames'], ['event10Mb', '10 MB event']] as const) {
    const steps = breakdown(record, prefix);
    if (steps) console.log(`eventDetail: ${name}, where the time went (median ms since the panel was made): ${steps}.`);
  }
  return figures;
}

/** The page's steps for one event (`<prefix>Step<Name>Ms`, written by the integration run since the page reports its timings), in the order they happened. */
function breakdown(record: Record<string, unknown>, prefix: string): string | undefined {
  const steps: Array<[string, number]> = [];
  for (const [key, value] of Object.entries(record)) {
    const step = new RegExp(`^${prefix}Step(.+)Ms$`).exec(key)?.[1];
    if (step && typeof value === 'number' && Number.isFinite(value)) steps.push([step, value]);
  }
  if (steps.length === 0) return undefined;
  return steps
    .sort((a, b) => a[1] - b[1])
    .map(([step, ms]) => `${step} ${ms}`)
    .join(', ');
}

/** The two figures against the target, with what any webview costs on the machine that measured them. */
function verdict(record: Record<string, unknown>): string {
  const ms = (key: string): number | undefined => {
    const value = record[key];
    return typeof value === 'number' ? value : undefined;
  };
  const frames = ms('frames5000FirstPaintMedianMs');
  const large = ms('event10MbFirstPaintMedianMs');
  if (frames === undefined || large === undefined) return `the results lack the 5,000-frame or the 10 MB figure; measure again with ${HOW_TO_MEASURE}.`;
  const within = frames < TARGET_MS && large < TARGET_MS;
  const floor = ms('bareWebviewFirstPaintMedianMs');
  const machine = floor === undefined ? '' : ` A bare webview (no stylesheet, one inline script) took ${floor} ms there, with a load average of ${ms('loadAverage1m') ?? '?'} on ${ms('cpus') ?? '?'} cores.`;
  return `first paint, median: 5,000 frames ${frames} ms, 10 MB event ${large} ms: ${within ? 'within' : 'over'} the ${TARGET_MS} ms target.${machine}`;
}
