import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Issue } from '../sentry/api/types';
import type { DateRange, DownloadFormat } from '../sentry/download/downloadTypes';
import { untrustedText } from '../views/untrustedText';
import { DownloadChoices, formatForPath, parseRange } from './downloadArgs';

const FORMATS: Record<DownloadFormat, string> = { ndjson: 'NDJSON, one event a line', json: 'JSON, one array' };
const DAY_MS = 24 * 3600 * 1000;
const PERIODS: ReadonlyArray<[string, number]> = [
  ['Last 24 hours', DAY_MS],
  ['Last 7 days', 7 * DAY_MS],
  ['Last 30 days', 30 * DAY_MS],
  ['Last 90 days', 90 * DAY_MS],
];

/** The save dialog (NDJSON by default), then the options picker; undefined when the user backs out. */
export async function askDownloadChoices(issue: Issue): Promise<DownloadChoices | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
  const uri = await vscode.window.showSaveDialog({
    title: `Download the events of ${untrustedText(issue.shortId, 60)}`,
    defaultUri: vscode.Uri.joinPath(folder, `${fileSafe(issue.shortId)}-events.ndjson`),
    filters: { 'NDJSON (one event a line)': ['ndjson', 'jsonl'], 'JSON array': ['json'] },
    saveLabel: 'Download',
  });
  if (!uri) return undefined;
  return askOptions(issue, { targetPath: uri.fsPath, format: formatForPath(uri.fsPath) });
}

interface OptionItem extends vscode.QuickPickItem {
  action: 'download' | 'format' | 'range' | 'environment' | 'open';
}

async function askOptions(issue: Issue, choices: DownloadChoices): Promise<DownloadChoices | undefined> {
  for (;;) {
    const items: OptionItem[] = [
      { action: 'download', label: '$(cloud-download) Download', description: path.basename(choices.targetPath) },
      { action: 'format', label: 'Format', description: FORMATS[choices.format] },
      { action: 'range', label: 'Date range', description: choices.range ? rangeText(choices.range) : wholeHistory(issue) },
      { action: 'environment', label: 'Environment', description: choices.environment ? untrustedText(choices.environment, 60) : 'all' },
      { action: 'open', label: 'Open when done', description: choices.openWhenDone ? 'yes' : 'no' },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: `Download the events of ${untrustedText(issue.shortId, 60)}`, placeHolder: 'Download, or change an option' });
    if (!picked) return undefined;
    switch (picked.action) {
      case 'download':
        return choices;
      case 'format':
        choices = { ...choices, format: choices.format === 'ndjson' ? 'json' : 'ndjson' };
        break;
      case 'open':
        choices = { ...choices, openWhenDone: !choices.openWhenDone };
        break;
      case 'range': {
        const range = await askRange(issue);
        if (range !== null) choices = { ...choices, range };
        break;
      }
      case 'environment': {
        const environment = await vscode.window.showInputBox({
          title: 'Environment',
          prompt: 'Only events of this environment (for example production); empty for all',
          value: choices.environment ?? '',
          validateInput: (value) => (/^[^\s/]{0,64}$/.test(value.trim()) ? undefined : 'An environment name has no spaces or slashes and at most 64 characters.'),
        });
        if (environment !== undefined) choices = { ...choices, environment: environment.trim() || undefined };
        break;
      }
    }
  }
}

/** A range, undefined for the whole history, null when the user backed out. */
async function askRange(issue: Issue): Promise<DateRange | undefined | null> {
  const items = [{ label: 'Whole history', description: wholeHistory(issue), ms: 0 }, ...PERIODS.map(([label, ms]) => ({ label, ms })), { label: 'Custom…', ms: -1 }];
  const picked = await vscode.window.showQuickPick(items, { title: 'Date range' });
  if (!picked) return null;
  if (picked.ms === 0) return undefined;
  if (picked.ms > 0) {
    const end = new Date();
    return { start: new Date(end.getTime() - picked.ms), end };
  }
  const typed = await vscode.window.showInputBox({
    title: 'Date range',
    prompt: 'From and to, in UTC: 2026-01-01 .. 2026-02-01 (the end is not included), or with times: 2026-01-01T08:00 .. 2026-01-01T20:00',
    validateInput: (value) => (readTypedRange(value) ? undefined : 'Two dates, the first earlier, separated by ".."'),
  });
  return typed === undefined ? null : (readTypedRange(typed) ?? null);
}

function readTypedRange(value: string): DateRange | undefined {
  const [start, end, extra] = value.split('..');
  return extra === undefined && end !== undefined ? parseRange(start, end) : undefined;
}

function wholeHistory(issue: Issue): string {
  const first = issue.firstSeen ? untrustedText(issue.firstSeen, 40) : '?';
  const last = issue.lastSeen ? untrustedText(issue.lastSeen, 40) : '?';
  return `whole history (${first} to ${last})`;
}

function rangeText(range: DateRange): string {
  return `${range.start.toISOString()} to ${range.end.toISOString()}`;
}

function fileSafe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'issue';
}
