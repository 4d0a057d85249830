#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }).
// It takes the desktop CLI arguments runTests passes, runs VS Code's extension-test mechanism in a
// real VS Code (code-server + headless chromium), streams the tests' output and exits with their
// exit code. Its own environment (which includes runTests' `extensionTestsEnv`) is handed to
// code-server and so to the Node extension host the tests run in.
//
//   --extensionDevelopmentPath=DIR (repeatable)  --extensionTestsPath=FILE
//   --user-data-dir=DIR  --extensions-dir=DIR  [FOLDER]      everything else is ignored
//
// Env: SENTRY_EXPLORER_TEST_TIMEOUT_MS (default 600000), SENTRY_EXPLORER_HARNESS_DEBUG=1 (echo
// browser console + server log).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');
const cs = require('./codeServer');

// Workbench start-up chatter and offline noise (shown with SENTRY_EXPLORER_HARNESS_DEBUG=1).
const NOISE = new RegExp([
  'ENOTFOUND open-vsx\\.org', 'vsda', '^Resolv(ing|ed) connection token', '^Creating a socket', '\\[reconnection-grace-time\\]',
  '^Updating additional builtin extensions cache', '\\[Service Worker\\]', '\\[AgentHost', '\\[AccountPolicyGate\\]', "authentication provider 'github' to register",
].join('|'));

function parseArgs(argv) {
  const a = { dev: [], tests: undefined, userDataDir: undefined, extensionsDir: undefined, folder: undefined, ignored: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const m = /^(--[^=]+)(?:=(.*))?$/s.exec(arg);
    if (!m) { a.folder = path.resolve(arg); continue; }
    const [, flag, inline] = m;
    const takesValue = ['--extensionDevelopmentPath', '--extensionTestsPath', '--user-data-dir', '--extensions-dir'].includes(flag);
    const val = takesValue ? (inline !== undefined ? inline : argv[++i]) : undefined;
    if (flag === '--extensionDevelopmentPath') a.dev.push(path.resolve(val));
    else if (flag === '--extensionTestsPath') a.tests = path.resolve(val);
    else if (flag === '--user-data-dir') a.userDataDir = path.resolve(val);
    else if (flag === '--extensions-dir') a.extensionsDir = path.resolve(val);
    else a.ignored.push(arg); // --no-sandbox, --disable-gpu-sandbox, --disable-extensions, --skip-welcome, ...
  }
  return a;
}

async function main() {
  const a = parseArgs(process.argv.slice(2));
  if (!a.tests) { console.error('code-server-as-vscode: --extensionTestsPath=... is required'); return 2; }
  if (a.folder && !fs.existsSync(a.folder)) { console.error(`code-server-as-vscode: no such folder ${a.folder}`); return 2; }
  const debug = process.env.SENTRY_EXPLORER_HARNESS_DEBUG === '1';
  const timeoutMs = Number(process.env.SENTRY_EXPLORER_TEST_TIMEOUT_MS || 600_000);
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentry-cs-test-'));
  const t0 = Date.now();
  const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

  let server, browser, code = 1, interrupted = false, testsReported = false;
  const cleanup = async () => {
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop({ keepRunDir: true });
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, async () => {
      if (interrupted) return;
      interrupted = true;
      console.error(`code-server-as-vscode: ${sig}, stopping`);
      await cleanup();
      process.exit(130);
    });
  }

  try {
    server = await cs.startCodeServer({
      runDir, smokeTestDriver: true, workspaceFolder: a.folder,
      userDataDir: a.userDataDir, extensionsDir: a.extensionsDir,
      extensionDevelopmentPaths: a.dev, extensionTestsPath: a.tests,
      env: {}, // process.env (incl. extensionTestsEnv) is passed through by codeServerEnv
    });
    console.log(`[harness] code-server ${server.origin} up after ${secs()} (run dir ${runDir})`);
    browser = await cs.launchChromium({ runDir });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    if (debug) page.on('console', m => console.log(`[browser ${m.type()}] ${m.text()}`));
    page.on('pageerror', e => { if (debug) console.log('[pageerror]', e.message); });

    code = await new Promise(resolve => {
      const timer = setTimeout(() => { console.error(`[harness] timeout: tests did not finish in ${timeoutMs} ms`); finish(1); }, timeoutMs);
      let done = false;
      const finish = c => { if (!done) { done = true; clearTimeout(timer); resolve(c); } };
      server.exited.then(info => { if (!done) console.error(`[harness] code-server exited early ${JSON.stringify(info)}`); finish(1); });
      Promise.all([
        // VS Code's automation hooks: the extension host's console output, then the runner's exit code.
        page.exposeFunction('codeAutomationLog', (type, args) => {
          const msg = util.format(...(Array.isArray(args) ? args : [args]));
          if (!debug && NOISE.test(msg)) return;
          (type === 'error' ? process.stderr : process.stdout).write(`${msg}\n`);
        }),
        page.exposeFunction('codeAutomationExit', c => { testsReported = true; finish(Number(c) || 0); }),
      ]).then(() => page.goto(server.url)).catch(e => { console.error('[harness]', e.message); finish(1); });
    });
    console.log(`[harness] extension tests finished with exit code ${code} after ${secs()}`);
  } catch (e) {
    console.error('[harness]', e.message || e);
    code = 1;
  } finally {
    await cleanup();
    if (!testsReported || debug) { // the harness itself failed: show why
      const log = path.join(runDir, 'code-server.log');
      console.error(`[harness] code-server log ${log} (kept), last lines:\n${server ? server.logTail(30) : '(not started)'}`);
    }
    if (testsReported && !debug) {
      fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
    }
  }
  return code;
}

main().then(code => process.exit(code), e => { console.error(e); process.exit(1); });
