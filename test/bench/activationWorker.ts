/**
 * `node --expose-gc out/test/bench/activationWorker.js <dist/extension.js> [--cold]`: loads the bundle
 * as VS Code would, with a stand-in `vscode` module, and prints how long `require` and `activate()`
 * took, in ms, as one JSON line `{requireMs, activateMs}`. Run in a fresh process each time. The
 * extension host has Node's own modules loaded long before any extension activates, so they are
 * loaded first here too; `--cold` leaves them to the bundle, as a bare Node process would.
 */

import { readFileSync } from 'node:fs';
import Module from 'node:module';

/** Node's own loader, as the extension host uses it (a bundle path is only known at run time). */
const nodeRequire = Module.createRequire(__filename);

/** A `vscode` stand-in: every property is another stand-in, callable and constructible, never a thenable. */
function standIn(): unknown {
  const members = new Map<PropertyKey, unknown>();
  const target = function () {
    return undefined;
  };
  return new Proxy(target, {
    get(_target, key) {
      if (key === 'then') return undefined;
      if (key === Symbol.toPrimitive) return () => '';
      if (!members.has(key)) members.set(key, standIn());
      return members.get(key);
    },
    // What the extension assigns (a status bar item's name and text) is kept, as on a real object.
    set(_target, key, value) {
      members.set(key, value);
      return true;
    },
    apply: () => standIn(),
    construct: () => standIn() as object,
  });
}

const NODE_MODULES_THE_HOST_HAS_LOADED = ['http', 'https', 'zlib', 'stream', 'url', 'crypto', 'fs', 'fs/promises', 'os', 'path', 'util', 'events', 'net', 'tls', 'buffer'];

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;

/**
 * The module itself: one stand-in per name the API declares (namespaces, classes, enums, functions),
 * read from @types/vscode, as plain properties, since a bundler's module interop copies own properties.
 */
function vscodeModule(): Record<string, unknown> {
  const declarations = readFileSync(nodeRequire.resolve('@types/vscode/index.d.ts'), 'utf8');
  const module: Record<string, unknown> = {};
  for (const match of declarations.matchAll(/^\s*export (?:namespace|class|enum|const|function) (\w+)/gm)) module[match[1]] ??= standIn();
  return module;
}

function main(): void {
  const bundle = process.argv[2];
  if (!bundle) throw new Error('usage: activationWorker.js <dist/extension.js>');
  const vscode = vscodeModule();
  const modules = Module as unknown as { _load: Loader };
  const load = modules._load;
  modules._load = (request, parent, isMain) => (request === 'vscode' ? vscode : load(request, parent, isMain));
  const memento = { get: () => undefined, update: async () => undefined, keys: () => [] };
  const context = { subscriptions: [] as unknown[], secrets: standIn(), globalState: memento, workspaceState: memento, extensionUri: standIn(), extensionPath: '' };
  if (!process.argv.includes('--cold')) {
    for (const builtin of NODE_MODULES_THE_HOST_HAS_LOADED) nodeRequire(builtin);
  }
  (globalThis as { gc?: () => void }).gc?.();
  const started = performance.now();
  const extension = nodeRequire(bundle) as { activate(context: unknown): unknown };
  const required = performance.now();
  extension.activate(context);
  const activated = performance.now();
  process.stdout.write(`${JSON.stringify({ requireMs: required - started, activateMs: activated - required })}\n`);
}

main();
