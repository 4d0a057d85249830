/**
 * Frame resolution against a 100,000-file monorepo held in memory: index build time (the first build in the
 * process, JIT cold, as in the extension; and the best of three), what the first lookups on that first index cost
 * (the work it leaves to them included) and the memory the built index keeps, then
 * per-frame latency (p50 / p99) over ~10,000 realistic frames, compared with a naive `endsWith` scan of the whole
 * file list; then the same over a mix where a fifth of the frames name only a file or come from a package the
 * checkout lacks; last, a branch switch of 5,000 watcher changes applied to the built index.
 * Each latency pass runs three times and the run with the lowest p99 counts (the machine may be shared).
 */

import type { Frame } from '../../src/sentry/event/eventModel';
import { FileChange, FileIndex } from '../../src/source/fileIndex';
import { FrameResolution, FrameResolver } from '../../src/source/frameResolver';
import { bareNameFrames, contradictingFrames, shuffled } from './hardFrames';
import { retainedBy } from './retainedHeap';
import { seededRandom } from '../fixtures/largeMonorepo';

const ROOT = '/home/dev/mono';
const FILE_COUNT = 100_000;
const FRAME_COUNT = 10_000;
const LINEAR_SAMPLE = 200;
const PACKAGES = 400;
const PASSES = 3;
const BUILDS = 3;
const HARD_SHARE = 0.1;
const BRANCH_SWITCH_CHANGES = 5000;
const MB = 1024 * 1024;

const FOLDERS = ['components', 'utils', 'hooks', 'services', 'api', 'models', 'store', 'views', 'lib', 'routes'];
const COMMON_NAMES = ['index.ts', 'utils.ts', 'types.ts', 'constants.ts', 'helpers.ts'];

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)];
}

function packageName(i: number): string {
  return `pkg-${String(i).padStart(3, '0')}`;
}

/** `packages/<pkg>/src/<folder>[/<sub>]/<file>`: many `index.ts` / `utils.ts`, some unique component files. */
export function monorepoFiles(count: number, next: () => number): string[] {
  const files = new Set<string>();
  while (files.size < count) {
    const pkg = packageName(Math.floor(next() * PACKAGES));
    const folder = pick(next, FOLDERS);
    const sub = next() < 0.5 ? `/${pick(next, FOLDERS)}${Math.floor(next() * 6)}` : '';
    const name = next() < 0.45 ? pick(next, COMMON_NAMES) : `${pickName(next)}${Math.floor(next() * 400)}.ts`;
    files.add(`${ROOT}/packages/${pkg}/src/${folder}${sub}/${name}`);
  }
  return [...files];
}

/**
 * The paths as a workspace listing hands them over: flat strings read from a message, not the concatenations the
 * generator builds (reading those first copies each into one piece, which is not index work).
 */
function asListed(paths: readonly string[]): string[] {
  return JSON.parse(JSON.stringify(paths)) as string[];
}

/** What a branch switch reports: half the changes delete files, half create files, a fifth of those in new folders. */
function branchSwitch(files: readonly string[], count: number, next: () => number): FileChange[] {
  const changes: FileChange[] = [];
  for (let i = 0; i < count / 2; i++) {
    changes.push({ path: files[Math.floor(next() * files.length)], deleted: true });
    const folder = files[Math.floor(next() * files.length)].replace(/\/[^/]*$/, '');
    changes.push({ path: `${folder}${i % 5 === 0 ? `/switched${i % 50}` : ''}/Switched${i}.ts`, deleted: false });
  }
  return changes;
}

function pickName(next: () => number): string {
  return pick(next, ['Widget', 'Panel', 'Service', 'Model', 'Form']);
}

function frame(fields: Partial<Frame>): Frame {
  return { inApp: true, preContext: [], postContext: [], ...fields };
}

/** Frames as Sentry reports them for this repository, ~85% resolvable. */
export function realisticFrames(files: readonly string[], count: number, next: () => number): Frame[] {
  const frames: Frame[] = [];
  while (frames.length < count) {
    const file = pick(next, files);
    const relative = file.slice(ROOT.length + 1);
    const pkg = relative.split('/')[1];
    const inPackage = relative.split('/').slice(2).join('/');
    const roll = next();
    if (roll < 0.3) {
      frames.push(frame({ absPath: `webpack://@acme/${pkg}/./${inPackage}` }));
    } else if (roll < 0.45) {
      frames.push(frame({ absPath: `webpack:///./${relative}` }));
    } else if (roll < 0.6) {
      frames.push(frame({ filename: `app:///${relative}` }));
    } else if (roll < 0.72) {
      frames.push(frame({ absPath: `/usr/src/app/${relative}` }));
    } else if (roll < 0.8) {
      frames.push(frame({ absPath: `/home/runner/work/mono/mono/${relative}` }));
    } else if (roll < 0.85) {
      frames.push(frame({ absPath: `/opt/build/${pkg}/${inPackage}` }));
    } else if (roll < 0.93) {
      frames.push(frame({ absPath: `/usr/src/app/node_modules/react-dom/cjs/react-dom.production.js`, inApp: false }));
    } else {
      frames.push(frame({ absPath: `webpack:///./${relative.replace(/\.ts$/, '.missing.ts')}` }));
    }
  }
  return frames;
}

/** What a plugin without an index does: strip the scheme, then scan every file for one ending with the path. */
function linearScan(files: readonly string[], f: Frame): string | undefined {
  const raw = f.absPath ?? f.filename ?? '';
  const path = raw.replace(/^[a-z-]+:\/\/[^/]*\/(?:\.\/)?/, '').replace(/^\/usr\/src\/app\/|^\/home\/runner\/work\/[^/]+\/[^/]+\//, '');
  const tail = `/${path}`;
  let best: string | undefined;
  for (const file of files) {
    if (file.endsWith(tail) && (best === undefined || file.length < best.length)) {
      best = file;
    }
  }
  return best;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export async function runFrameBench(): Promise<Record<string, number>> {
  const next = seededRandom(20261123);
  const files = asListed(monorepoFiles(FILE_COUNT, next));
  const frames = realisticFrames(files, FRAME_COUNT, next);

  const builds: number[] = [];
  let index = new FileIndex([ROOT]);
  let firstLookupMs = 0;
  let firstLookups500Ms = 0;
  for (let i = 0; i < BUILDS; i++) {
    const buildStart = process.hrtime.bigint();
    index = new FileIndex([ROOT], files);
    builds.push(elapsedMs(buildStart));
    if (i === 0) {
      // What the index leaves to its first lookups (buckets split when first walked into), with the resolver's
      // code not yet optimized, as for a user's first click: the first frame, then the first 500.
      const firstResolver = new FrameResolver(index);
      const lookupStart = process.hrtime.bigint();
      firstResolver.resolve(frames[0]);
      firstLookupMs = elapsedMs(lookupStart);
      frames.slice(1, 500).forEach((f) => firstResolver.resolve(f));
      firstLookups500Ms = elapsedMs(lookupStart);
    }
  }
  // Built from its own copy of the listing (so the strings it keeps count), then used for every frame (so the
  // trie levels built on first use count too).
  const heap = retainedBy(
    () => new FileIndex([ROOT], asListed(monorepoFiles(FILE_COUNT, seededRandom(20261123)))),
    (built) => {
      const fresh = new FrameResolver(built);
      frames.forEach((f) => fresh.resolve(f));
    },
  );
  const resolver = new FrameResolver(index);

  for (const f of frames.slice(0, 500)) {
    resolver.resolve(f);
  }
  const realistic = timed(resolver, frames);
  const found = realistic.outcomes.resolved + realistic.outcomes.tied;

  const hardCount = Math.round(FRAME_COUNT * HARD_SHARE);
  const mixed = shuffled(
    [...frames.slice(0, FRAME_COUNT - 2 * hardCount), ...bareNameFrames(files, hardCount, next), ...contradictingFrames(files, ROOT, hardCount, next)],
    next,
  );
  mixed.slice(0, 500).forEach((f) => resolver.resolve(f));
  const hard = timed(resolver, mixed);

  const bare = bareNameFrames(files, 500, next);
  const siblings = files.slice(0, 8);
  const withSiblings = timed(resolver, bare, siblings);

  const linearTimes: number[] = [];
  for (const f of frames.slice(0, LINEAR_SAMPLE)) {
    const start = process.hrtime.bigint();
    linearScan(files, f);
    linearTimes.push(elapsedMs(start));
  }
  linearTimes.sort((a, b) => a - b);

  const changes = branchSwitch(files, BRANCH_SWITCH_CHANGES, next);
  const sizeBefore = index.size;
  const switchStart = process.hrtime.bigint();
  const applied = index.applyChanges(changes);
  const batchUpdate5kMs = elapsedMs(switchStart);
  if (applied.removed === 0 || applied.added === 0 || index.size !== sizeBefore + applied.added - applied.removed) {
    throw new Error(`the branch switch was not applied: ${JSON.stringify(applied)}`);
  }
  await Promise.resolve();

  const results = {
    indexBuildMs: round(builds[0], 1),
    indexBuildBestMs: round(Math.min(...builds), 1),
    indexHeapMb: round(heap.bytes / MB, 1),
    firstLookupMs: round(firstLookupMs, 2),
    firstLookups500Ms: round(firstLookups500Ms, 1),
    batchUpdate5kMs: round(batchUpdate5kMs, 1),
    batchUpdateAdded: applied.added,
    batchUpdateRemoved: applied.removed,
    p50Ms: round(realistic.p50),
    p99Ms: round(realistic.p99),
    files: sizeBefore,
    frames: frames.length,
    linearScanP50Ms: round(percentile(linearTimes, 50)),
    mixedFrames: mixed.length,
    mixedBareNameShare: HARD_SHARE,
    mixedContradictingShare: HARD_SHARE,
    mixedP50Ms: round(hard.p50),
    mixedP99Ms: round(hard.p99),
    mixedResolved: hard.outcomes.resolved,
    mixedTied: hard.outcomes.tied,
    mixedUnresolved: hard.outcomes.unresolved,
    bareNameWithSiblingsP50Ms: round(withSiblings.p50),
    bareNameWithSiblingsP99Ms: round(withSiblings.p99),
  };
  printTable(results, found);
  return results;
}

interface Timing {
  p50: number;
  p99: number;
  outcomes: { resolved: number; tied: number; unresolved: number };
}

/** Per-frame latency over `PASSES` passes; the pass with the lowest p99 counts. */
function timed(resolver: FrameResolver, frames: readonly Frame[], siblingPaths?: readonly string[]): Timing {
  let best: Timing | undefined;
  for (let pass = 0; pass < PASSES; pass++) {
    const times: number[] = [];
    const outcomes = { resolved: 0, tied: 0, unresolved: 0 };
    for (const f of frames) {
      const start = process.hrtime.bigint();
      const result: FrameResolution = resolver.resolve(f, { siblingPaths });
      times.push(elapsedMs(start));
      outcomes[!result.found ? 'unresolved' : result.ambiguous ? 'tied' : 'resolved']++;
    }
    times.sort((a, b) => a - b);
    const timing = { p50: percentile(times, 50), p99: percentile(times, 99), outcomes };
    if (!best || timing.p99 < best.p99) {
      best = timing;
    }
  }
  return best ?? { p50: 0, p99: 0, outcomes: { resolved: 0, tied: 0, unresolved: 0 } };
}

function printTable(results: Record<string, number>, found: number): void {
  const rows: Array<[string, string]> = [
    ['files indexed', String(results.files)],
    ['index build (first in process / best of 3)', `${results.indexBuildMs} / ${results.indexBuildBestMs} ms`],
    ['index retained memory (heap + buffers, after GC)', `${results.indexHeapMb} MB`],
    ['first lookup on a fresh index (first frame / first 500)', `${results.firstLookupMs} / ${results.firstLookups500Ms} ms`],
    ['frames resolved', `${results.frames} (${found} found)`],
    ['per frame p50', `${results.p50Ms} ms`],
    ['per frame p99', `${results.p99Ms} ms`],
    [`linear scan p50 (${LINEAR_SAMPLE} frames)`, `${results.linearScanP50Ms} ms`],
    ['speed-up at p50', `${Math.round(results.linearScanP50Ms / Math.max(results.p50Ms, 1e-6))}x`],
    [
      `mixed: ${results.mixedBareNameShare * 100}% bare-name, ${results.mixedContradictingShare * 100}% contradicting`,
      `${results.mixedFrames} frames: ${results.mixedResolved} resolved, ${results.mixedTied} ties, ${results.mixedUnresolved} unresolved`,
    ],
    ['mixed per frame p50', `${results.mixedP50Ms} ms`],
    ['mixed per frame p99', `${results.mixedP99Ms} ms`],
    ['bare name with siblings p50 / p99', `${results.bareNameWithSiblingsP50Ms} / ${results.bareNameWithSiblingsP99Ms} ms (every tied file weighed)`],
    [
      `branch switch (${BRANCH_SWITCH_CHANGES} watcher changes)`,
      `${results.batchUpdate5kMs} ms (${results.batchUpdateAdded} added, ${results.batchUpdateRemoved} removed, no rebuild)`,
    ],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(
    `Frame resolution benchmark (targets: p50 and p99 < 0.1 ms, best p99 of ${PASSES} passes; index build < 150 ms and < 40 MB; a 5,000-change branch switch well under 1 s)`,
  );
  for (const [label, value] of rows) {
    console.log(`  ${label.padEnd(width)}  ${value}`);
  }
}
