import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SentryEvent } from '../../src/sentry/event/eventModel';
import { parseEventText } from '../../src/sentry/event/eventParser';
import { sharedFixturesDir } from './fixturePaths';

export interface SharedEventFile {
  name: string;
  events: SentryEvent[];
}

/** The folder of Sentry's own fixtures, or undefined when this clone has none beside it. */
export function sharedFixturesDirIfPresent(): string | undefined {
  try {
    return sharedFixturesDir();
  } catch {
    return undefined;
  }
}

/** Every shared fixture that parses as events (lists and the id lookup included); undefined without the folder. */
export function sharedEventFiles(): SharedEventFile[] | undefined {
  const dir = sharedFixturesDirIfPresent();
  if (dir === undefined) return undefined;
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
