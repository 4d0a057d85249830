// Mocha runner loaded by VS Code's extension host (runTests' extensionTestsPath →
// out/test/integration/index.js). Runs every out/test/integration/suite/**/*.test.js inside the
// real extension host, so suites can use the `vscode` API. Writes pass/fail counts as JSON to
// the file named by env SENTRY_EXPLORER_TEST_RESULTS (set by runTests.ts) for the outer script.
// Env SENTRY_EXPLORER_TEST_GREP narrows the run to matching test titles; SENTRY_EXPLORER_TEST_SUITE names
// another folder of suites (out/test/integration/<name>, e.g. `large`) to run instead.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export interface IntegrationResults {
  passes: number;
  failures: number;
  pending: number;
  tests: number;
  failed: string[];
  durationMs: number;
}

function findTestFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTestFiles(full));
    else if (entry.isFile() && entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

function writeResults(results: IntegrationResults): void {
  const file = process.env.SENTRY_EXPLORER_TEST_RESULTS;
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(results, null, 2));
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  Mocha.reporters.Base.useColors = false;
  if (process.env.SENTRY_EXPLORER_TEST_GREP) mocha.grep(process.env.SENTRY_EXPLORER_TEST_GREP);
  const suite = process.env.SENTRY_EXPLORER_TEST_SUITE ?? 'suite';
  for (const file of findTestFiles(path.resolve(__dirname, /^[a-z]+$/.test(suite) ? suite : 'suite'))) mocha.addFile(file);
  const started = Date.now();
  const failed: string[] = [];

  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const s = runner.stats;
        writeResults({
          passes: s?.passes ?? 0,
          failures: s?.failures ?? failures,
          pending: s?.pending ?? 0,
          tests: s?.tests ?? 0,
          failed,
          durationMs: Date.now() - started,
        });
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
      runner.on('fail', (test) => failed.push(test.fullTitle()));
    } catch (err) {
      // e.g. a suite file that throws while loading
      console.error(err);
      writeResults({ passes: 0, failures: 1, pending: 0, tests: 0, failed: [`loading suites: ${String(err)}`], durationMs: Date.now() - started });
      reject(err);
    }
  });
}
