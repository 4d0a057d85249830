// Start/stop a real VS Code (code-server from .vscode-test/, run by Node 24) and a headless
// Debian chromium driven by playwright-core. Plain CommonJS so it runs before any build.
//
//   const cs = require('./codeServer');
//   const server = await cs.startCodeServer({ extensionDevelopmentPaths: [root], workspaceFolder, env });
//   const browser = await cs.launchChromium();  const page = await browser.newPage();
//   await page.goto(server.url);  ...  await browser.close(); await server.stop();
//
// CLI (used by demo.sh):  node test/tools/codeServer.js [--port N] [--host H] [--folder DIR]
//   [--user-data-dir DIR] [--extensions-dir DIR] [--install-vsix FILE] [--extension-development-path DIR]
//   [--log FILE] [--env NAME=VALUE ...]
// starts one code-server in the foreground and stops it (whole process group) on Ctrl-C.
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const TOOLS = path.resolve(process.env.SENTRY_EXPLORER_TOOLS || path.join(ROOT, '.vscode-test'));
const NODE24_BIN = path.join(TOOLS, 'node24', 'node_modules', '.bin');
const CODE_SERVER = path.join(TOOLS, 'code-server', 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Quiet, deterministic workbench: no welcome page, no update/telemetry/gallery chatter, no chat UI.
const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  // the demo's workspace lives inside this repository: no "open the parent repository?" prompt
  'git.openRepositoryInParentFolders': 'never',
};

function toolsInstalled() {
  return fs.existsSync(CODE_SERVER) && fs.existsSync(path.join(NODE24_BIN, 'node'));
}

function assertTools() {
  if (!toolsInstalled()) {
    throw new Error(`code-server is not installed in ${TOOLS}; run: bash test/tools/setup-vscode-tools.sh`);
  }
}

/** A port the OS considers free right now on `host`. */
function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, host, () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

function isPortFree(port, host = '127.0.0.1') {
  return new Promise(resolve => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, host, () => s.close(() => resolve(true)));
  });
}

/** `preferred` if free, else the next free one of the following 20, else any free port. */
async function findPort(preferred, host = '127.0.0.1') {
  if (preferred) {
    for (let p = preferred; p < preferred + 20; p++) if (await isPortFree(p, host)) return p;
  }
  return freePort(host);
}

const sleep = ms => new Promise(r => setTimeout(r, ms));

/**
 * Environment for code-server (and so for its Node extension host, which inherits the server's
 * environment): Node 24 first on PATH, XDG dirs and TMPDIR inside the run folder, and none of the
 * variables a surrounding VS Code sets (VSCODE_IPC_HOOK_CLI would turn code-server into a client
 * of that other VS Code instead of starting a server).
 */
function codeServerEnv(runDir, extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^VSCODE_/.test(k) || k === 'ELECTRON_RUN_AS_NODE') continue;
    env[k] = v;
  }
  Object.assign(env, extra);
  env.PATH = `${NODE24_BIN}${path.delimiter}${env.PATH || process.env.PATH || ''}`;
  env.XDG_CONFIG_HOME = path.join(runDir, 'xdg', 'config');
  env.XDG_DATA_HOME = path.join(runDir, 'xdg', 'data');
  env.XDG_CACHE_HOME = path.join(runDir, 'xdg', 'cache');
  env.TMPDIR = path.join(runDir, 'tmp'); // vscode-ipc-*.sock, vscode-git-*.sock land here
  for (const d of [env.XDG_CONFIG_HOME, env.XDG_DATA_HOME, env.XDG_CACHE_HOME, env.TMPDIR]) fs.mkdirSync(d, { recursive: true });
  return env;
}

function writeUserSettings(userDataDir, settings = {}) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let current = {};
  try { current = JSON.parse(fs.readFileSync(file, 'utf8')); } catch { /* absent or not plain JSON */ }
  fs.writeFileSync(file, JSON.stringify({ ...DEFAULT_SETTINGS, ...current, ...settings }, null, 2));
}

/** `code-server --install-extension file.vsix` into the given dirs (synchronous). */
function installExtension(vsix, { extensionsDir, userDataDir, runDir }) {
  assertTools();
  const env = codeServerEnv(runDir);
  const r = spawnSync(CODE_SERVER, ['--install-extension', path.resolve(vsix), '--force',
    '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--config', path.join(runDir, 'config.yaml')],
  { env, encoding: 'utf8' });
  const out = `${r.stdout || ''}${r.stderr || ''}`;
  if (r.status !== 0) throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${out}`);
  return out.trim();
}

function tail(file, lines = 40) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return ''; }
}

function groupAlive(pid) {
  try { process.kill(-pid, 0); return true; } catch { return false; }
}

const liveGroups = new Set();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort: never leave a code-server behind when this process goes away.
  process.on('exit', () => { for (const pid of liveGroups) { try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ } } });
}

/**
 * Start one code-server.
 * @param {object} [o]
 * @param {string[]} [o.extensionDevelopmentPaths] folders loaded as development extensions (via the URL payload)
 * @param {string} [o.extensionTestsPath] runner module for VS Code's extension-test mechanism (needs smokeTestDriver)
 * @param {string} [o.workspaceFolder] folder to open
 * @param {Record<string,string>} [o.env] extra environment for the server and its extension host
 * @param {string} [o.installVsix] a .vsix to install into the extensions dir before starting
 * @param {boolean} [o.smokeTestDriver] enable VS Code's smoke-test driver (required for extensionTestsPath)
 * @param {number} [o.port] port to bind (default: a free one); with o.portFallback, the next free one after it
 * @param {boolean} [o.portFallback]
 * @param {string} [o.host] default 127.0.0.1
 * @param {string} [o.runDir] folder for XDG/TMPDIR/config/logs (default: a new temp folder, removed by stop())
 * @param {string} [o.userDataDir] default runDir/user-data
 * @param {string} [o.extensionsDir] default runDir/extensions
 * @param {object} [o.settings] extra user settings
 * @param {string} [o.logFile] default runDir/code-server.log
 */
async function startCodeServer(o = {}) {
  assertTools();
  installExitHook();
  const host = o.host || '127.0.0.1';
  const ownRunDir = !o.runDir;
  const runDir = o.runDir ? path.resolve(o.runDir) : fs.mkdtempSync(path.join(os.tmpdir(), 'sentry-cs-'));
  fs.mkdirSync(runDir, { recursive: true });
  const userDataDir = path.resolve(o.userDataDir || path.join(runDir, 'user-data'));
  const extensionsDir = path.resolve(o.extensionsDir || path.join(runDir, 'extensions'));
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir, o.settings);
  const env = codeServerEnv(runDir, o.env);
  const logFile = o.logFile || path.join(runDir, 'code-server.log');

  if (o.installVsix) installExtension(o.installVsix, { extensionsDir, userDataDir, runDir });

  let port;
  if (o.port && !o.portFallback) {
    if (!(await isPortFree(o.port, host))) throw new Error(`port ${o.port} on ${host} is in use`);
    port = o.port;
  } else {
    port = await findPort(o.port, host);
  }
  const args = ['--bind-addr', `${host}:${port}`, '--auth', 'none',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--config', path.join(runDir, 'config.yaml'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-proxy',
    '--disable-getting-started-override', '--ignore-last-opened'];
  if (o.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  if (o.workspaceFolder) args.push(path.resolve(o.workspaceFolder)); // default folder for a bare URL

  const logFd = fs.openSync(logFile, 'a');
  // detached => setsid(): code-server and everything it forks form one process group we can stop.
  const child = spawn(CODE_SERVER, args, { env, cwd: runDir, detached: true, stdio: ['ignore', logFd, logFd] });
  fs.closeSync(logFd);
  const pid = child.pid;
  liveGroups.add(pid);
  let exitInfo;
  const exited = new Promise(resolve => child.once('exit', (code, signal) => { exitInfo = { code, signal }; resolve(exitInfo); }));

  const origin = `http://${host}:${port}`;
  let stopped = false;
  async function stop({ keepRunDir = false } = {}) {
    if (!stopped) {
      stopped = true;
      try { process.kill(-pid, 'SIGTERM'); } catch { /* already gone */ }
      for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(100);
      if (groupAlive(pid)) { try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ } }
      for (let i = 0; i < 20 && groupAlive(pid); i++) await sleep(100);
      liveGroups.delete(pid);
    }
    if (ownRunDir && !keepRunDir) fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
  }

  const started = Date.now();
  for (;;) {
    if (exitInfo) {
      liveGroups.delete(pid);
      throw new Error(`code-server exited during startup (${JSON.stringify(exitInfo)}); log ${logFile}:\n${tail(logFile)}`);
    }
    try { if ((await fetch(`${origin}/healthz`)).ok) break; } catch { /* not listening yet */ }
    if (Date.now() - started > 60_000) {
      await stop({ keepRunDir: true });
      throw new Error(`code-server did not answer ${origin}/healthz within 60 s; log ${logFile}:\n${tail(logFile)}`);
    }
    await sleep(100);
  }

  const authority = `${host}:${port}`;
  const remoteUri = p => `vscode-remote://${authority}${path.resolve(p)}`;
  /** Workbench URL: opens `folder` (or a .code-workspace file) and loads the development extensions / test runner via `payload`. */
  function workbenchUrl({ folder = o.workspaceFolder, extensionDevelopmentPaths = o.extensionDevelopmentPaths || [],
    extensionTestsPath = o.extensionTestsPath } = {}) {
    const q = [!folder ? 'ew=true'
      : `${folder.endsWith('.code-workspace') ? 'workspace' : 'folder'}=${encodeURIComponent(path.resolve(folder))}`];
    const payload = extensionDevelopmentPaths.map(d => ['extensionDevelopmentPath', remoteUri(d)]);
    if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(extensionTestsPath)]);
    if (payload.length) q.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
    return `${origin}/?${q.join('&')}`;
  }

  return { pid, port, host, origin, url: workbenchUrl(), workbenchUrl, remoteUri, runDir, userDataDir, extensionsDir,
    logFile, exited, stop, logTail: (n) => tail(logFile, n) };
}

/** Headless Debian chromium via playwright-core (no browser download). */
async function launchChromium({ runDir } = {}) {
  const { chromium } = require('playwright-core');
  const env = { ...process.env };
  if (runDir) { // keep chromium's "Crash Reports" etc. out of ~/.config
    env.XDG_CONFIG_HOME = path.join(runDir, 'xdg', 'chromium-config');
    env.XDG_CACHE_HOME = path.join(runDir, 'xdg', 'chromium-cache');
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, env });
}

module.exports = { ROOT, TOOLS, CODE_SERVER, NODE24_BIN, CHROMIUM, CHROMIUM_ARGS, DEFAULT_SETTINGS,
  toolsInstalled, freePort, isPortFree, findPort, codeServerEnv, writeUserSettings, installExtension,
  startCodeServer, launchChromium };

// ---------------------------------------------------------------------------------------------
async function cli(argv) {
  const o = { env: {}, extensionDevelopmentPaths: [], portFallback: true };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const val = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '--port': o.port = Number(val()); break;
      case '--host': o.host = val(); break;
      case '--folder': o.workspaceFolder = path.resolve(val()); break;
      case '--user-data-dir': o.userDataDir = path.resolve(val()); break;
      case '--extensions-dir': o.extensionsDir = path.resolve(val()); break;
      case '--run-dir': o.runDir = path.resolve(val()); break;
      case '--install-vsix': o.installVsix = path.resolve(val()); break;
      case '--extension-development-path': o.extensionDevelopmentPaths.push(path.resolve(val())); break;
      case '--log': o.logFile = path.resolve(val()); break;
      case '--env': { const [k, v] = val().split(/=(.*)/s); o.env[k] = v; break; }
      default: throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  const server = await startCodeServer(o);
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    process.exit(code);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => stop(sig === 'SIGINT' ? 130 : 143));
  console.log(`code-server ready: ${server.url}`);
  console.log(`  log: ${server.logFile}`);
  const info = await server.exited;
  if (!stopping) { console.error(`code-server exited unexpectedly ${JSON.stringify(info)}:\n${server.logTail(30)}`); await stop(1); }
}

if (require.main === module) {
  cli(process.argv.slice(2)).catch(e => { console.error(e.message || e); process.exit(1); });
}
