/**
 * Downloading every event of an issue, against the test server in its realistic mode (a process of
 * its own: 10 full events a page, 5–50 KB events, 30 ms added per request, sentry.io's rate-limit
 * headers with an enforced window and concurrency limit), in one run, side by side for 10,000
 * events: the extension's download, the Python script users write today
 * (../shared/bench/page_all_events.py, with `requests` when importable), and a bare Node loop that
 * fetches pages one after another. Then the extension's download of 100,000 events, for memory,
 * beside the floor any download of them through Node's HTTP has (the same pages read and dropped),
 * three ways: the worker as compiled by tsc (each module a file, node-fetch with all its
 * dependencies), the same with 30 MB of heap already in use, and the worker bundled as the extension
 * ships (tools/bundleDownloadWorker.mjs). Each runs in a process of its own; its peak RSS is its own.
 */

import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { REALISTIC } from '../server/realisticData';

const ROOT = resolve(__dirname, '../../..');
const PYTHON_SCRIPT = resolve(ROOT, '../shared/bench/page_all_events.py');
const WORKER = join(__dirname, 'downloadWorker.js');
const SERVER = join(ROOT, 'out', 'test', 'server', 'main.js');

interface Run {
  ms: number;
  baseRssMb: number;
  peakRssMb: number;
  liveHeapMb?: number;
  fullCollections?: number;
  youngCollections?: number;
  baseNewSpaceMb?: number;
  peakNewSpaceMb?: number;
  peakNewSpaceUsedMb?: number;
  peakArrayBuffersMb?: number;
  requests: number;
  rateLimited: number;
  rateLimitPauses?: number;
  peakConcurrency?: number;
}

export async function runDownloadBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'sentry-download-bench-'));
  const server = await startServer();
  try {
    const I = REALISTIC.issues;
    console.log(`download: realistic server at ${server.url} (30 ms a request, 10 full events a page, 100 requests/s, 10 at once)`);
    const ours = await measure(server.url, () => worker('ours', server.url, I.tenThousand.id, join(dir, 'ours.ndjson')));
    const bare = await measure(server.url, () => worker('bare', server.url, I.tenThousand.id, join(dir, 'bare.json')));
    const python = existsSync(PYTHON_SCRIPT) ? await measure(server.url, () => pythonScript(server.url, I.tenThousand.id, join(dir, 'python.json'))) : undefined;
    const big = await measure(server.url, () => worker('ours', server.url, I.hundredThousand.id, join(dir, 'ours100k.ndjson')));
    const floor = await measure(server.url, () => worker('drain', server.url, I.hundredThousand.id, join(dir, 'drain100k')));
    const inHost = await measure(server.url, () => worker('ours', server.url, I.hundredThousand.id, join(dir, 'host100k.ndjson'), HOST_HEAP_MB));
    const floorInHost = await measure(server.url, () => worker('drain', server.url, I.hundredThousand.id, join(dir, 'hostDrain100k'), HOST_HEAP_MB));
    const bundled = bundleWorker(join(dir, 'downloadWorker.bundle.js'));
    const shipped = await measure(server.url, () => worker('ours', server.url, I.hundredThousand.id, join(dir, 'shipped100k.ndjson'), 0, bundled));
    const shippedFloor = await measure(server.url, () => worker('drain', server.url, I.hundredThousand.id, join(dir, 'shippedDrain100k'), 0, bundled));
    const usesRequests = spawnSync('python3', ['-c', 'import requests'], { stdio: 'ignore' }).status === 0;

    const row = (name: string, run: Run | undefined) =>
      run
        ? `${name.padEnd(44)} ${(run.ms / 1000).toFixed(1).padStart(7)} s  ${run.peakRssMb.toFixed(0).padStart(5)} MB peak RSS  ${String(run.requests).padStart(6)} requests  ${run.rateLimited} × 429`
        : `${name.padEnd(44)} skipped (${PYTHON_SCRIPT} not found)`;
    console.log(row('extension download, 10,000 events', ours));
    console.log(row(`Python script (${usesRequests ? 'requests' : 'urllib'}), 10,000 events`, python));
    console.log(row('bare Node loop, 10,000 events', bare));
    console.log(row('extension download, 100,000 events', big));
    console.log(row('floor: the same pages read and dropped', floor));
    console.log(row(`100,000 events, ${HOST_HEAP_MB} MB of heap already in use`, inHost));
    console.log(row(`floor, ${HOST_HEAP_MB} MB of heap already in use`, floorInHost));
    console.log(row('100,000 events, bundled as shipped', shipped));
    console.log(row('floor, bundled as shipped', shippedFloor));
    console.log(
      `RSS growth at 100,000 events: ${growthMb(big).toFixed(1)} MB (floor ${growthMb(floor).toFixed(1)}); ` +
        `with ${HOST_HEAP_MB} MB of heap in use: ${growthMb(inHost).toFixed(1)} MB (floor ${growthMb(floorInHost).toFixed(1)}); ` +
        `bundled as shipped: ${growthMb(shipped).toFixed(1)} MB (floor ${growthMb(shippedFloor).toFixed(1)})`,
    );
    const figures: Record<string, number> = {
      events: 10_000,
      oursMs: round(ours.ms),
      bareLoopMs: round(bare.ms),
      ratioVsBareLoop: round(ours.ms / bare.ms, 3),
      oursPeakRssMb: round(ours.peakRssMb),
      bareLoopPeakRssMb: round(bare.peakRssMb),
      oursRequests: ours.requests,
      oursPeakConcurrency: ours.peakConcurrency ?? 0,
      oursRateLimitPauses: ours.rateLimitPauses ?? 0,
      rssGrowthMb100k: round(growthMb(big)),
      baseRssMb100k: round(big.baseRssMb),
      rssGrowthMb10k: round(growthMb(ours)),
      liveHeapMb100k: round(big.liveHeapMb ?? 0),
      fullCollections100k: big.fullCollections ?? 0,
      youngCollections100k: big.youngCollections ?? 0,
      floorFullCollections100k: floor.fullCollections ?? 0,
      floorYoungCollections100k: floor.youngCollections ?? 0,
      newSpaceMbAtStart100k: round(big.baseNewSpaceMb ?? 0),
      newSpaceMb100k: round(big.peakNewSpaceMb ?? 0),
      newSpaceUsedMb100k: round(big.peakNewSpaceUsedMb ?? 0),
      arrayBuffersMb100k: round(big.peakArrayBuffersMb ?? 0),
      floorRssGrowthMb100k: round(growthMb(floor)),
      floorNewSpaceMb100k: round(floor.peakNewSpaceMb ?? 0),
      floorNewSpaceUsedMb100k: round(floor.peakNewSpaceUsedMb ?? 0),
      floorArrayBuffersMb100k: round(floor.peakArrayBuffersMb ?? 0),
      bareLoopRssGrowthMb: round(growthMb(bare)),
      hostHeapMb: HOST_HEAP_MB,
      hostHeapRssGrowthMb100k: round(growthMb(inHost)),
      hostHeapNewSpaceMbAtStart100k: round(inHost.baseNewSpaceMb ?? 0),
      hostHeapNewSpaceMb100k: round(inHost.peakNewSpaceMb ?? 0),
      hostHeapArrayBuffersMb100k: round(inHost.peakArrayBuffersMb ?? 0),
      hostHeapFullCollections100k: inHost.fullCollections ?? 0,
      hostHeapFloorRssGrowthMb100k: round(growthMb(floorInHost)),
      shippedRssGrowthMb100k: round(growthMb(shipped)),
      shippedFloorRssGrowthMb100k: round(growthMb(shippedFloor)),
      shippedBaseRssMb: round(shipped.baseRssMb),
      shippedNewSpaceMb100k: round(shipped.peakNewSpaceMb ?? 0),
      shippedFloorNewSpaceMb100k: round(shippedFloor.peakNewSpaceMb ?? 0),
      shippedFullCollections100k: shipped.fullCollections ?? 0,
      ms100k: round(big.ms),
      // Every run of ours counts: a 429 in any of them is one we caused.
      rateLimited: ours.rateLimited + big.rateLimited + inHost.rateLimited + shipped.rateLimited,
    };
    if (python) {
      figures.pythonMs = round(python.ms);
      figures.ratioVsPython = round(ours.ms / python.ms, 3);
      figures.pythonPeakRssMb = round(python.peakRssMb);
      figures.pythonUsesRequests = usesRequests ? 1 : 0;
    }
    console.log('download:', figures);
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    server.process.kill('SIGTERM');
  }
}

/** How much the process grew from its base to its peak. */
function growthMb(run: Run): number {
  return run.peakRssMb - run.baseRssMb;
}

/** Runs one download and adds the 429s the server sent meanwhile. */
async function measure(url: string, run: () => Promise<Omit<Run, 'rateLimited'>>): Promise<Run> {
  const before = await stats(url);
  const result = await run();
  const after = await stats(url);
  return { ...result, rateLimited: after.rateLimited - before.rateLimited };
}

async function stats(url: string): Promise<{ rateLimited: number; requests: number }> {
  return (await (await fetch(`${url}/__control/stats`)).json()) as { rateLimited: number; requests: number };
}

async function startServer(): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, [SERVER, '--realistic'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((done, fail) => {
    createInterface({ input: child.stdout! }).once('line', done);
    child.once('exit', (code) => fail(new Error(`the test server exited (${code})`)));
  });
  return { url: (JSON.parse(line) as { url: string }).url, process: child };
}

/**
 * Heap in use before the download starts, for the runs that stand for a download inside an extension
 * host; VS Code's own code and a few extensions hold more than this.
 */
const HOST_HEAP_MB = 30;

/**
 * One download in a process of its own. With `hostHeapMb`, the process first fills that much heap
 * with objects it keeps, as an extension host's heap is already filled by VS Code and other
 * extensions; it collects them fully (hence `--expose-gc`) before taking its base RSS. `script` is
 * the worker as tsc compiled it, or its bundle.
 */
function worker(
  mode: 'ours' | 'bare' | 'drain',
  url: string,
  issueId: string,
  out: string,
  hostHeapMb = 0,
  script = WORKER,
): Promise<Omit<Run, 'rateLimited'>> {
  return new Promise((done, fail) => {
    const flags = hostHeapMb > 0 ? ['--expose-gc'] : [];
    const env = { ...process.env, SENTRY_EXPLORER_BENCH_HOST_HEAP_MB: String(hostHeapMb) };
    const child = spawn(process.execPath, [...flags, script, mode, url, issueId, out], { stdio: ['ignore', 'pipe', 'inherit'], env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => {
      if (code !== 0) return fail(new Error(`${mode} download failed (exit ${code})`));
      const measured = JSON.parse(output) as Omit<Run, 'rateLimited'>;
      rmSync(out, { force: true });
      done(measured);
    });
  });
}

/**
 * The worker in one file, built as the extension's bundle is: loaded that way, a process starts with
 * less memory held by module loading, and its heap holds what the extension's does.
 */
function bundleWorker(outfile: string): string {
  const built = spawnSync(process.execPath, [join(ROOT, 'tools', 'bundleDownloadWorker.mjs'), outfile], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`could not bundle the download worker (exit ${built.status})`);
  return outfile;
}

/**
 * The Python script as users run it, under a small wrapper that reports the script's peak RSS
 * (`ru_maxrss` of its process, in KB on Linux). Wall time is measured from here, interpreter start
 * included, as a user would see it.
 */
function pythonScript(url: string, issueId: string, out: string): Promise<Omit<Run, 'rateLimited'>> {
  const wrapper = 'import resource, subprocess, sys; code = subprocess.call(sys.argv[1:]); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(code)';
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn('python3', ['-c', wrapper, 'python3', PYTHON_SCRIPT, url, issueId, REALISTIC.token, out], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', fail);
    child.once('exit', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) return fail(new Error(`the Python script failed (exit ${code}): ${output}`));
      const lines = output.trim().split('\n');
      const pages = (JSON.parse(lines[0]) as { pages: number }).pages;
      const size = statSync(out).size;
      rmSync(out, { force: true });
      if (size < 1_000_000) return fail(new Error(`the Python script wrote only ${size} bytes`));
      done({ ms, baseRssMb: 0, peakRssMb: Number(lines[lines.length - 1]) / 1024, requests: pages });
    });
  });
}

function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
