import * as fs from 'node:fs';
import * as path from 'node:path';

const FIXTURES = path.join('shared', 'sentry-fixtures');

/**
 * Sentry's own fixtures live beside the repository (`../shared/sentry-fixtures`). Found by walking up
 * from this file, so it works from `test/unit` (ts-node) and `out/test/unit` (compiled) alike;
 * `SENTRY_FIXTURES_DIR` overrides.
 */
export function sharedFixturesDir(): string {
  const override = process.env.SENTRY_FIXTURES_DIR;
  if (override) return override;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, FIXTURES);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`No ${FIXTURES} folder above ${__dirname}; set SENTRY_FIXTURES_DIR.`);
}

export function sharedFixture(name: string): string {
  return path.join(sharedFixturesDir(), name);
}
