/**
 * The extension as shipped: activation time (require + activate() of the production bundle, with a
 * stand-in `vscode`, median of fresh processes), the bundle's size after a production build, and the
 * packaged .vsix's size (`vsce package --no-dependencies`, which runs the production build itself).
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const BUNDLE = join(ROOT, 'dist', 'extension.js');
const ROUNDS = 7;

export async function runBundleBench(): Promise<Record<string, number>> {
  execFileSync(process.execPath, [join(ROOT, 'esbuild.mjs'), '--production'], { cwd: ROOT, stdio: 'inherit' });
  const figures = { bytes: statSync(BUNDLE).size };
  console.log('bundle:', figures, '(budget 500 KB)');
  return figures;
}

export async function runActivationBench(): Promise<Record<string, number>> {
  const measure = (...flags: string[]) => {
    const runs: Array<{ requireMs: number; activateMs: number }> = [];
    for (let i = 0; i < ROUNDS; i++) {
      const output = execFileSync(process.execPath, ['--expose-gc', join(__dirname, 'activationWorker.js'), BUNDLE, ...flags], { encoding: 'utf8' });
      runs.push(JSON.parse(output) as { requireMs: number; activateMs: number });
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const totals = runs.map((r) => r.requireMs + r.activateMs);
    return { total: median(totals), least: Math.min(...totals), require: median(runs.map((r) => r.requireMs)), activate: median(runs.map((r) => r.activateMs)) };
  };
  const host = measure();
  const cold = measure('--cold');
  // The median is what it costs on this machine now; the least is closest to the cost on an idle one.
  const figures = { ms: round(host.total), minMs: round(host.least), requireMs: round(host.require), activateMs: round(host.activate), coldMs: round(cold.total) };
  console.log('activation:', figures, "(budget 50 ms; require + activate() of dist/extension.js, vscode stubbed; coldMs also loads Node's http/zlib/crypto, which the extension host has loaded already)");
  return figures;
}

export async function runVsixBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'sentry-vsix-'));
  try {
    const out = join(dir, 'sentry-explorer.vsix');
    execFileSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    const figures = { bytes: statSync(out).size };
    console.log('vsix:', figures, '(budget 1 MB)');
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
