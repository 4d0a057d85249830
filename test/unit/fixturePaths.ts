import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SentryEvent } from '../../src/sentry/event/eventModel';
import { parseEventText } from '../../src/sentry/event/eventParser';

const SHARED = path.join('shared', 'sentry-fixtures');

/**
 * Sentry's own fixtures (`../shared/sentry-fixtures`, see its SOURCES.md) when this clone has them
 * beside it: found by walking up from this file, so it works from `test/unit` and `out/test/unit`
 * alike. `SENTRY_FIXTURES_DIR` names another folder, or `none` to run as a clone alone would.
 */
export function sharedFixturesDir(): string | undefined {
  const override = process.env.SENTRY_FIXTURES_DIR;
  if (override) return override !== 'none' && fs.existsSync(override) ? override : undefined;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, SHARED);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** A file of Sentry's fixtures; only called inside `withSharedFixtures` tests, which run only when the folder exists. */
export function sharedFixture(name: string): string {
  const dir = sharedFixturesDir();
  if (!dir) throw new Error(`No ${SHARED} folder: this test should not have run.`);
  return path.join(dir, name);
}

/** A file of the project's own fixtures under test/fixtures. */
export function ownFixture(...segments: string[]): string {
  return path.join(REPOSITORY, 'test', 'fixtures', ...segments);
}

const REPOSITORY = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');

export type TestFn = (title: string, fn: (this: Mocha.Context) => unknown) => void;

const counts = { ran: 0, leftOut: 0 };
let reported = false;

/**
 * Tests over Sentry's fixtures: registered under `title` when the folder exists, left out (and
 * counted) when it does not. The body declares its tests with the `test` it is given and reads
 * fixture files only inside them. The run ends by saying how many ran or were left out.
 */
export function withSharedFixtures(title: string, body: (test: TestFn) => void): void {
  reportAtTheEnd();
  if (sharedFixturesDir() === undefined) {
    body(() => counts.leftOut++);
    return;
  }
  describe(title, () =>
    body((name, fn) => {
      counts.ran++;
      it(name, fn);
    }),
  );
}

function reportAtTheEnd(): void {
  if (reported) return;
  reported = true;
  after(() => {
    const dir = sharedFixturesDir();
    console.log(
      dir
        ? `\n  Sentry's shared fixtures (${dir}): ${counts.ran} tests over them ran.`
        : `\n  Sentry's shared fixtures: not found (../shared/sentry-fixtures, or SENTRY_FIXTURES_DIR): ${counts.leftOut} tests over them were left out.`,
    );
  });
}

export interface SharedEventFile {
  name: string;
  events: SentryEvent[];
}

/** Every shared fixture that parses as events (lists and the id lookup included); only inside `withSharedFixtures` tests. */
export function sharedEventFiles(): SharedEventFile[] {
  const dir = sharedFixture('');
  const files: SharedEventFile[] = [];
  for (const name of fs.readdirSync(dir).filter((file) => file.endsWith('.json')).sort()) {
    try {
      files.push({ name, events: parseEventText(fs.readFileSync(path.join(dir, name), 'utf8'), name) });
    } catch {
      // Not an event (an issue, a project list) or the cut-off seed: other tests cover those.
    }
  }
  return files;
}
