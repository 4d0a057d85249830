import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SentryClient } from '../../../../src/sentry/api/client';
import { downloadIssueEvents } from '../../../../src/sentry/download/downloadIssueEvents';
import type { DownloadInput, DownloadSummary } from '../../../../src/sentry/download/downloadTypes';
import { REALISTIC, realisticServerData } from '../../../server/realisticData';
import type { IssueRecord, ServerData } from '../../../server/serverData';
import type { SentryTestServer } from '../../../server/sentryTestServer';

/** A temporary folder per test, and what it holds. */
export class Scratch {
  readonly dir = mkdtempSync(join(tmpdir(), 'sentry-download-'));

  path(name: string): string {
    return join(this.dir, name);
  }

  files(): string[] {
    return readdirSync(this.dir).sort();
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function recordOf(data: ServerData, issueId: string): IssueRecord {
  const record = data.organizations[0].projects[0].issues.find((r) => r.issue.id === issueId);
  assert.ok(record, issueId);
  return record;
}

/** The events the server serves for an issue, newest first, exactly as it serializes them. */
export function servedEvents(record: IssueRecord): Array<Record<string, unknown>> {
  const events = record.events;
  const at = (i: number) => (Array.isArray(events) ? events[i] : events.at(i));
  return Array.from({ length: events.length }, (_, i) => ({
    ...at(i),
    nextEventID: i > 0 ? at(i - 1).eventID : null,
    previousEventID: i + 1 < events.length ? at(i + 1).eventID : null,
  }));
}

export function readNdjson(path: string): Array<Record<string, unknown>> {
  const text = readFileSync(path, 'utf8');
  assert.ok(text.endsWith('\n'), 'every line ends with a newline');
  return text
    .slice(0, -1)
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export function idsOf(events: ReadonlyArray<Record<string, unknown>>): string[] {
  return events.map((e) => String(e.eventID));
}

/** Runs a download of one of the realistic data set's issues with the issue facts the server gives. */
export async function download(
  server: SentryTestServer,
  issueId: string,
  targetPath: string,
  extra: Partial<DownloadInput> = {},
): Promise<DownloadSummary> {
  const client = new SentryClient({ baseUrl: server.url, token: REALISTIC.token, maxRateLimitWaitMs: 10_000 });
  const issue = await client.getIssue(REALISTIC.organization.slug, issueId);
  return downloadIssueEvents({
    client,
    org: REALISTIC.organization.slug,
    issueId,
    issue,
    targetPath,
    format: 'ndjson',
    tuning: { retryBaseMs: 20 },
    ...extra,
  });
}

export const DATA = realisticServerData();
