/**
 * One measured download, in a process of its own so that its peak RSS is its own:
 *
 *   node out/test/bench/downloadWorker.js ours|bare|drain|pages <server url> <issue id> <output file>
 *
 * `ours` runs the extension's download engine; `bare` is the plainest sequential loop, fetching one
 * page after another by its cursor and writing each page's body as it comes; `drain` is the floor of
 * any download through the extension's HTTP stack: the same pages, as many at once, read and dropped;
 * `pages` (by hand only) is the step between: the same windows through the extension's client, each
 * event cut out and dropped. Prints one JSON line:
 * `{ms, baseRssMb, baseNewSpaceMb, peakRssMb, liveHeapMb, fullCollections, youngCollections, peakNewSpaceMb, peakNewSpaceUsedMb, peakArrayBuffersMb, events,
 * requests}`;
 * `liveHeapMb` is the most heap still in use right after a full garbage collection: what the download
 * holds, without V8's headroom; the peaks (sampled every 20 ms) show where the rest of the growth is.
 */

import { createWriteStream } from 'node:fs';
import nodeFetch from 'node-fetch';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';
import { SentryClient } from '../../src/sentry/api/client';
import { DEFAULT_TUNING, downloadIssueEvents } from '../../src/sentry/download/downloadIssueEvents';
import type { DownloadTuning } from '../../src/sentry/download/downloadTypes';
import { REALISTIC } from '../server/realisticData';
import { RateLimitError } from '../../src/sentry/http/errors';

interface Measured {
  ms: number;
  baseRssMb: number;
  peakRssMb: number;
  liveHeapMb: number;
  /**
   * How many full (mark-compact) and young collections ran. A download that keeps V8 running full
   * collections back to back grows its young generation to the maximum (see the README's download section).
   */
  fullCollections: number;
  youngCollections: number;
  events: number;
  requests: number;
  rateLimitPauses?: number;
  peakConcurrency?: number;
  /**
   * The size of V8's young generation (new space) when the download starts (1 MB in a fresh process;
   * V8 grows it to 32 as objects survive, and a process that has run a while, as an extension host
   * has, starts there), the largest size V8 gave it, the most of it filled between two young
   * collections, and the most bytes of buffers at once (network reads, dead or alive, events waiting).
   */
  baseNewSpaceMb: number;
  peakNewSpaceMb: number;
  peakNewSpaceUsedMb: number;
  peakArrayBuffersMb: number;
}

type Counted = Omit<Measured, 'baseRssMb' | 'baseNewSpaceMb' | 'peakRssMb' | 'liveHeapMb' | 'fullCollections' | 'youngCollections' | 'ms' | 'peakNewSpaceMb' | 'peakNewSpaceUsedMb' | 'peakArrayBuffersMb'>;

async function ours(url: string, issueId: string, out: string): Promise<Counted> {
  const client = new SentryClient({ baseUrl: url, token: REALISTIC.token });
  const issue = await client.getIssue(REALISTIC.organization.slug, issueId);
  const summary = await downloadIssueEvents({ client, org: REALISTIC.organization.slug, issueId, issue, targetPath: out, format: 'ndjson', tuning: tuningFromEnvironment() });
  if (summary.outcome !== 'complete') throw new Error(`download ended ${summary.outcome}: ${summary.stopReason ?? summary.missing.join(' ')}`);
  return { events: summary.written, requests: summary.requests + 1, rateLimitPauses: summary.rateLimitPauses, peakConcurrency: summary.peakConcurrency };
}

/** For experiments by hand: `SENTRY_EXPLORER_BENCH_TUNING='{"waitingBytes":2097152}'` overrides the download's defaults. */
function tuningFromEnvironment(): Partial<DownloadTuning> | undefined {
  const text = process.env.SENTRY_EXPLORER_BENCH_TUNING;
  return text ? (JSON.parse(text) as Partial<DownloadTuning>) : undefined;
}

const NEXT_CURSOR = /<[^>]*>; rel="next"; results="true"; cursor="([^"]+)"/;

async function bareLoop(url: string, issueId: string, out: string): Promise<Counted> {
  const file = createWriteStream(out);
  const base = `${url}/api/0/organizations/${REALISTIC.organization.slug}/issues/${issueId}/events/?full=true&per_page=100`;
  let cursor: string | undefined;
  let requests = 0;
  do {
    const response = await fetch(cursor === undefined ? base : `${base}&cursor=${encodeURIComponent(cursor)}`, { headers: { Authorization: `Bearer ${REALISTIC.token}` } });
    requests++;
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body = await response.text();
    if (!file.write(body)) await new Promise<void>((resolve) => file.once("drain", () => resolve()));
    const next = NEXT_CURSOR.exec(response.headers.get('link') ?? '');
    cursor = next?.[1];
  } while (cursor !== undefined);
  await new Promise<void>((resolve) => file.end(() => resolve()));
  // Events are not parsed (that is the point of a bare loop): ten a page, the last page included.
  return { events: -1, requests };
}

/**
 * The issue's life cut into as many time windows as the download runs requests at once, each paged
 * by `pageWindow` from its start to its end, all at once; returns how many requests they made.
 */
async function overWindows(url: string, issueId: string, pageWindow: (client: SentryClient, start: string, end: string) => Promise<number>): Promise<number> {
  const client = new SentryClient({ baseUrl: url, token: REALISTIC.token });
  const issue = await client.getIssue(REALISTIC.organization.slug, issueId);
  const firstMs = Date.parse(issue.firstSeen ?? '') - 60_000;
  const lastMs = Date.parse(issue.lastSeen ?? '') + 60_000;
  const windows = DEFAULT_TUNING.maxConcurrency;
  const requests = await Promise.all(
    Array.from({ length: windows }, (_, k) =>
      pageWindow(client, new Date(firstMs + ((lastMs - firstMs) * k) / windows).toISOString(), new Date(firstMs + ((lastMs - firstMs) * (k + 1)) / windows).toISOString()),
    ),
  );
  return requests.reduce((sum, n) => sum + n, 0);
}

/**
 * Every window paged by its Link cursor through node-fetch (the transport's HTTP client), every body
 * read as it arrives and dropped: nothing parsed, kept or written. Its memory is what streaming that
 * many bytes through Node's HTTP costs before any work is done on them.
 */
async function drain(url: string, issueId: string): Promise<Counted> {
  const base = `${url}/api/0/organizations/${REALISTIC.organization.slug}/issues/${issueId}/events/`;
  const requests = await overWindows(url, issueId, async (_client, start, end) => {
    let cursor: string | undefined;
    for (let requests = 1; ; requests++) {
      const query = new URLSearchParams({ full: 'true', per_page: '100', start, end, ...(cursor === undefined ? {} : { cursor }) });
      const response = await nodeFetch(`${base}?${query.toString()}`, { headers: { Authorization: `Bearer ${REALISTIC.token}` } });
      for await (const chunk of response.body) void chunk;
      if (response.status === 429) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        continue;
      }
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      cursor = NEXT_CURSOR.exec(response.headers.get('link') ?? '')?.[1];
      if (cursor === undefined) return requests;
    }
  });
  return { events: -1, requests };
}

/**
 * The step between the floor and the download, for diagnosis (the bench does not run it): every
 * window paged through the extension's client, so through its transport and with every event cut out
 * of the answer, then dropped; no pacer, no ordering, nothing written.
 */
async function pages(url: string, issueId: string): Promise<Counted> {
  let events = 0;
  const requests = await overWindows(url, issueId, async (client, start, end) => {
    let cursor: string | undefined;
    for (let requests = 1; ; requests++) {
      try {
        const page = await client.issueEventsPage(REALISTIC.organization.slug, issueId, { start, end, cursor });
        events += page.items.length;
        if (!page.nextCursor || page.nextCursor === cursor) return requests;
        cursor = page.nextCursor;
      } catch (error) {
        if (!(error instanceof RateLimitError)) throw error;
      }
    }
  });
  return { events, requests };
}

/**
 * Fills the heap with `mb` MB of small objects kept until the end, as an extension host's heap is
 * filled before a download starts. V8 sets its collection limits from the heap in use, so a download
 * in a near-empty process is collected differently from one inside VS Code. Collected fully before
 * the base RSS is taken (the bench starts this process with `--expose-gc`).
 */
async function holdHostHeap(mb: number): Promise<unknown[]> {
  const held: unknown[] = [];
  if (!(mb > 0)) return held;
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('a host heap needs --expose-gc');
  const start = process.memoryUsage().heapUsed;
  for (let i = 0; process.memoryUsage().heapUsed - start < mb * 1048576; i++) {
    for (let j = 0; j < 10_000; j++) held.push({ id: i * 10_000 + j, name: `object ${j}`, parts: [i, j] });
  }
  collect();
  await new Promise((resolve) => setTimeout(resolve, 200));
  collect();
  return held;
}

async function main(): Promise<void> {
  const [mode, url, issueId, out] = process.argv.slice(2);
  if ((mode !== 'ours' && mode !== 'bare' && mode !== 'drain' && mode !== 'pages') || !url || !issueId || !out) throw new Error('usage: downloadWorker.js ours|bare|drain|pages URL ISSUE_ID OUT');
  // Before anything is counted or sampled: its own collections and peaks are not the download's.
  const hostHeap = await holdHostHeap(Number(process.env.SENTRY_EXPLORER_BENCH_HOST_HEAP_MB ?? 0));
  let liveHeapMb = 0;
  let fullCollections = 0;
  let youngCollections = 0;
  const collections = new PerformanceObserver((list) => {
    const kinds = list.getEntries().map((entry) => (entry.detail as { kind?: number } | undefined)?.kind);
    fullCollections += kinds.filter((kind) => kind === constants.NODE_PERFORMANCE_GC_MAJOR).length;
    youngCollections += kinds.filter((kind) => kind === constants.NODE_PERFORMANCE_GC_MINOR).length;
    if (kinds.includes(constants.NODE_PERFORMANCE_GC_MAJOR)) {
      liveHeapMb = Math.max(liveHeapMb, process.memoryUsage().heapUsed / 1048576);
    }
  });
  collections.observe({ entryTypes: ['gc'] });
  let peakNewSpaceMb = 0;
  let peakNewSpaceUsedMb = 0;
  let peakArrayBuffersMb = 0;
  const newSpace = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  const sample = setInterval(() => {
    const young = newSpace();
    peakNewSpaceMb = Math.max(peakNewSpaceMb, (young?.space_size ?? 0) / 1048576);
    peakNewSpaceUsedMb = Math.max(peakNewSpaceUsedMb, (young?.space_used_size ?? 0) / 1048576);
    peakArrayBuffersMb = Math.max(peakArrayBuffersMb, process.memoryUsage().arrayBuffers / 1048576);
  }, 20);
  const baseRssMb = process.memoryUsage().rss / 1048576;
  const baseNewSpaceMb = (newSpace()?.space_size ?? 0) / 1048576;
  const started = performance.now();
  const result = await (mode === 'ours' ? ours(url, issueId, out) : mode === 'drain' ? drain(url, issueId) : mode === 'pages' ? pages(url, issueId) : bareLoop(url, issueId, out));
  const ms = performance.now() - started;
  collections.disconnect();
  clearInterval(sample);
  const measured: Measured = { ms, baseRssMb, baseNewSpaceMb, peakRssMb: process.resourceUsage().maxRSS / 1024, liveHeapMb, fullCollections, youngCollections, peakNewSpaceMb, peakNewSpaceUsedMb, peakArrayBuffersMb, ...result };
  process.stdout.write(`${JSON.stringify(measured)}\n`);
  // Used here so that the host heap stays alive until the figures are taken.
  hostHeap.length = 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
