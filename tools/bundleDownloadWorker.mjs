/**
 * The bench's download worker (test/bench/downloadWorker.ts) as one file built the way the extension
 * ships (esbuild.mjs --production): node-fetch without whatwg-url, minified. Usage:
 *   node tools/bundleDownloadWorker.mjs <output file>
 */
import { fileURLToPath, URL } from 'node:url';
import * as esbuild from 'esbuild';
import { nodeBundle } from './nodeBundle.mjs';

const outfile = process.argv[2];
if (!outfile) throw new Error('usage: node tools/bundleDownloadWorker.mjs <output file>');
await esbuild.build({
  ...nodeBundle,
  entryPoints: [fileURLToPath(new URL('../test/bench/downloadWorker.ts', import.meta.url))],
  outfile,
  minify: true,
});
