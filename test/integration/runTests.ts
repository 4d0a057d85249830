// Runs the integration suites (out/test/integration/suite/**) inside a real VS Code.
//
//   npm run build && npx tsc -p . && node out/test/integration/runTests.js
//
// Another suite in its own workspace: `--suite large --workspace large-monorepo --results <file>` (or the env
// variables SENTRY_EXPLORER_TEST_SUITE / _WORKSPACE / _RESULTS_FILE) runs out/test/integration/large/** in a
// 100,000-file monorepo generated into the run's temporary folder, against a server serving its events.
//
// Here (offline) VS Code is code-server, reached through test/tools/code-server-as-vscode.js,
// which accepts the desktop CLI arguments @vscode/test-electron passes. With VSCODE_TEST_DESKTOP=1
// test-electron downloads and runs desktop VS Code instead (needs internet and a display).
// Prints `integration: N passed, N failed` and exits non-zero on any failure.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { startSentryTestServer } from '../server/sentryTestServer';
import { largeServerData } from './large/largeServerData';
import { largeWorkspaceSpec } from './large/largeWorkspaceSpec';
import { writeLargeWorkspace } from './large/writeLargeWorkspace';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const ADAPTER = path.join(ROOT, 'test', 'tools', 'code-server-as-vscode.js');
const FIXTURE_WORKSPACE = path.join(ROOT, 'test', 'fixtures', 'sample-workspace');

interface RunOptions {
  /** Folder of suites under out/test/integration. */
  suite: string;
  /** The sample workspace (copied), or a generated large monorepo. */
  workspace: 'sample' | 'large-monorepo';
  results: string;
}

function runOptions(): RunOptions {
  const argument = (name: string): string | undefined => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const suite = argument('suite') ?? process.env.SENTRY_EXPLORER_TEST_SUITE ?? 'suite';
  const workspace = argument('workspace') ?? process.env.SENTRY_EXPLORER_TEST_WORKSPACE ?? 'sample';
  if (!/^[a-z]+$/.test(suite) || (workspace !== 'sample' && workspace !== 'large-monorepo')) {
    throw new Error(`usage: runTests.js [--suite <folder>] [--workspace sample|large-monorepo] [--results <file>] (got suite ${suite}, workspace ${workspace})`);
  }
  const results = path.resolve(ROOT, argument('results') ?? process.env.SENTRY_EXPLORER_TEST_RESULTS_FILE ?? path.join('test-results', 'integration.json'));
  return { suite, workspace, results };
}

const OPTIONS = runOptions();
const RESULTS_FILE = OPTIONS.results;

interface Results { passes: number; failures: number; pending?: number; failed?: string[] }

function readResults(): Results | undefined {
  try { return JSON.parse(fs.readFileSync(RESULTS_FILE, 'utf8')) as Results; } catch { return undefined; }
}

function newestMtime(dir: string): { file: string; mtime: number } {
  let newest = { file: dir, mtime: 0 };
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const candidate = entry.isDirectory() ? newestMtime(full) : { file: full, mtime: fs.statSync(full).mtimeMs };
    if (candidate.mtime > newest.mtime) newest = candidate;
  }
  return newest;
}

/** The tests run dist/extension.js (esbuild), not out/src: say so when it is missing or older than src/. */
function warnIfStale(): void {
  const bundle = path.join(ROOT, 'dist', 'extension.js');
  if (!fs.existsSync(bundle)) {
    console.error('warning: dist/extension.js is missing: run `npm run build` first');
    return;
  }
  const src = path.join(ROOT, 'src');
  if (!fs.existsSync(src)) return;
  const newest = newestMtime(src);
  if (newest.mtime > fs.statSync(bundle).mtimeMs) {
    console.error(`warning: ${path.relative(ROOT, newest.file)} is newer than dist/extension.js: run \`npm run build\` first`);
  }
}

async function main(): Promise<number> {
  const desktop = process.env.VSCODE_TEST_DESKTOP === '1';
  const extensionTestsPath = path.join(ROOT, 'out', 'test', 'integration', 'index.js');
  warnIfStale();
  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  fs.rmSync(RESULTS_FILE, { force: true });

  // Short base path: the desktop build puts IPC sockets under --user-data-dir (108-char limit).
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentry-it-'));
  const workspace = path.join(runDir, 'workspace');
  const large = OPTIONS.workspace === 'large-monorepo' ? largeWorkspaceSpec() : undefined;
  if (large) {
    const seconds = writeLargeWorkspace(workspace, large);
    console.log(`generated a ${large.files.length}-file monorepo (${large.indexed} to index) in ${seconds.toFixed(1)} s`);
  } else if (fs.existsSync(FIXTURE_WORKSPACE)) fs.cpSync(FIXTURE_WORKSPACE, workspace, { recursive: true });
  else { console.error(`warning: ${FIXTURE_WORKSPACE} is missing; using an empty workspace`); fs.mkdirSync(workspace); }

  // A private HOME: nothing from the developer's ~ (e.g. ~/.sentryclirc) leaks into the tests.
  const home = path.join(runDir, 'home');
  fs.mkdirSync(home);

  const server = await startSentryTestServer(large ? { data: largeServerData(large) } : {});
  console.log(`Sentry test server: ${server.url}`);
  let runFailed = false;
  try {
    await runTests({
      ...(desktop ? { version: process.env.VSCODE_TEST_VERSION || 'stable' } : { vscodeExecutablePath: ADAPTER }),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath,
      launchArgs: [
        workspace,
        '--disable-extensions',
        `--user-data-dir=${path.join(runDir, 'user-data')}`,
        `--extensions-dir=${path.join(runDir, 'extensions')}`,
      ],
      extensionTestsEnv: {
        SENTRY_URL: server.url,
        SENTRY_AUTH_TOKEN: 'demo-token',
        SENTRY_EXPLORER_TEST_SERVER: server.url,
        SENTRY_EXPLORER_TEST_RESULTS: RESULTS_FILE,
        SENTRY_EXPLORER_TEST_SUITE: OPTIONS.suite,
        HOME: home,
      },
    });
  } catch (err) {
    runFailed = true;
    console.error(`runTests: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await server.close();
    fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
  }

  const r = readResults();
  const passed = r?.passes ?? 0;
  // A run that died before mocha reported anything still counts as one failure.
  const failed = r ? r.failures + (runFailed && r.failures === 0 ? 1 : 0) : 1;
  if (!r) console.error(`no results in ${RESULTS_FILE}: the test run did not complete`);
  else if (runFailed && r.failures === 0) console.error('the test run failed although no test failed (see output above)');
  for (const t of r?.failed ?? []) console.error(`  failed: ${t}`);
  if (!r || runFailed) fs.writeFileSync(RESULTS_FILE, JSON.stringify({ ...(r ?? {}), passes: passed, failures: failed }, null, 2));
  console.log(`integration: ${passed} passed, ${failed} failed`);
  return failed > 0 || runFailed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => { console.error(err); process.exit(1); },
);
