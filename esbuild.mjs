import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { nodeBundle } from './tools/nodeBundle.mjs';

const production = process.argv.includes('--production');

await esbuild.build({
  ...nodeBundle,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
});

// The event detail webview's script: a browser bundle of its own, which the panel writes into its page (pageAssets.ts).
await esbuild.build({
  entryPoints: ['src/webview/eventDetail/main.ts'],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  outfile: 'media/eventDetail.js',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
});
// A development build's map must not ride along into the package.
if (production) rmSync('media/eventDetail.js.map', { force: true });

// The codicons the panel shows are SVG symbols in its page, taken from the pinned package
// (src/views/eventDetail/codiconSymbols.ts, made by tools/codiconSymbols.mjs); their licence ships beside the panel's files.
rmSync('media/codicons', { recursive: true, force: true });
mkdirSync('media/codicons', { recursive: true });
copyFileSync('node_modules/@vscode/codicons/LICENSE', 'media/codicons/LICENSE');
