/**
 * `npm run bench`: runs each benchmark and merges its figures into bench-results.json under its own key,
 * keeping the keys other benchmarks wrote.
 */

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runDownloadBench } from './downloadBench';
import { runEventDetailBench } from './eventDetailBench';
import { runEventsBench } from './eventsBench';
import { runFrameBench } from './frameBench';
import { runLineFinderBench } from './lineFinderBench';
import { runActivationBench, runBundleBench, runVsixBench } from './packageBench';

type BenchResults = Record<string, number>;

const BENCHMARKS: ReadonlyArray<[string, () => Promise<BenchResults>]> = [
  ['frames', runFrameBench],
  ['lineFinder', runLineFinderBench],
  ['events', runEventsBench],
  ['eventDetail', runEventDetailBench],
  ['download', runDownloadBench],
  ['bundle', runBundleBench],
  ['activation', runActivationBench],
  ['vsix', runVsixBench],
];

const RESULTS_FILE = resolve(__dirname, '../../../bench-results.json');

function readResults(): Record<string, unknown> {
  if (!existsSync(RESULTS_FILE)) {
    return {};
  }
  try {
    const parsed: unknown = JSON.parse(readFileSync(RESULTS_FILE, 'utf8'));
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    console.warn(`${RESULTS_FILE} is not valid JSON; starting a new one.`);
    return {};
  }
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const [key, run] of BENCHMARKS) {
    if (only.length > 0 && !only.includes(key)) {
      continue;
    }
    const figures = await run();
    // Re-read before each write so results another benchmark wrote meanwhile survive.
    const results = readResults();
    results[key] = figures;
    writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  }
  console.log(`Results written to ${RESULTS_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
