import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { LocalEventFiles } from '../model/localEventFiles';
import type { EventFile } from '../sentry/event/eventFile';
import { EventParseError } from '../sentry/event/eventParseError';
import type { Logger } from '../sentry/http/logger';
import { toAbortSignal } from '../views/cancellation';
import type { EventDetailPanels } from '../views/eventDetail/eventDetailPanels';
import { untrustedText } from '../views/untrustedText';

export interface EventFileDeps {
  files: LocalEventFiles;
  panels: EventDetailPanels;
  /** Shows the file's row under "Local files" in the Sentry view. */
  reveal(path: string): Promise<void>;
  logger: Logger;
}

export interface OpenedFile {
  path: string;
  events: number;
  /** Lines or items that held no event and were skipped. */
  skipped: readonly string[];
}

export interface FailedFile {
  path: string;
  /** What was wrong, as the user is told. */
  message: string;
  /** Where the JSON broke, 1-based. */
  line?: number;
  column?: number;
}

export interface OpenEventFileResult {
  opened: OpenedFile[];
  failed: FailedFile[];
  /** The user closed the file picker or stopped reading a file. */
  cancelled: boolean;
}

/** Files this large are read behind a notification with a Cancel button; smaller ones in the status bar. */
const LARGE_FILE_BYTES = 8 * 1024 * 1024;
const SHOW_IN_EDITOR = 'Show in Editor';

/**
 * `sentry.openEventFile`: reads event files (one event in either form, a list, Sentry's raw JSON, or
 * NDJSON) given as a Uri (the Explorer's menu passes the clicked file and the selection; the download
 * command passes its result) or picked in a dialog. Each file's events appear under "Local files" and
 * its first event opens in the detail panel. A file that holds no event is left as it is and the user
 * is told what was expected and, for broken JSON, the line and column, with a way to go there.
 */
export async function openEventFile(arg: unknown, selected: unknown, deps: EventFileDeps): Promise<OpenEventFileResult> {
  const result: OpenEventFileResult = { opened: [], failed: [], cancelled: false };
  const uris = givenUris(arg, selected) ?? (await pickFiles());
  if (!uris) return { ...result, cancelled: true };
  for (const uri of uris) {
    if (uri.scheme !== 'file') {
      const failure = { path: uri.toString(), message: `${basename(uri.path)} is not a file on this computer's disk; save it to a local folder to open it.` };
      result.failed.push(failure);
      void tellFailure(failure, undefined, deps.logger);
      continue;
    }
    const read = await readFile(uri.fsPath, deps.files);
    if (read === 'cancelled') {
      result.cancelled = true;
      break;
    }
    if ('message' in read) {
      result.failed.push(read);
      void tellFailure(read, uri, deps.logger);
    } else {
      result.opened.push({ path: uri.fsPath, events: read.summaries.length, skipped: read.problems });
    }
  }
  for (const [position, opened] of result.opened.entries()) {
    if (opened.skipped.length > 0) void tellSkipped(opened);
    // The panel first: its page loads while the tree shows the file.
    deps.panels.showFileEvent({ file: opened.path, index: 0 }, { preserveFocus: position < result.opened.length - 1 });
    await deps.reveal(opened.path).catch((error: unknown) => deps.logger.warn(`Could not show ${opened.path} in the Sentry view.`, error));
  }
  return result;
}

/** `sentry.closeEventFile`: a "Local files" row (or the file's Uri) leaves the tree; open panels keep their event. */
export function closeEventFile(arg: unknown, files: LocalEventFiles): boolean {
  const path = arg instanceof vscode.Uri ? arg.fsPath : typeof arg === 'object' && arg !== null && 'path' in arg && typeof arg.path === 'string' ? arg.path : undefined;
  if (path === undefined) throw new Error('Pick an event file in the Sentry view to close it.');
  return files.close(path);
}

async function readFile(path: string, files: LocalEventFiles): Promise<EventFile | FailedFile | 'cancelled'> {
  const name = untrustedText(basename(path), 120);
  try {
    const size = (await stat(path)).size;
    if (size < LARGE_FILE_BYTES) {
      return await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Sentry: reading ${name}…` }, () => files.open(path));
    }
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Sentry: reading ${name}`, cancellable: true }, (progress, token) => {
      const signal = toAbortSignal(token);
      let reported = 0;
      return files.open(path, {
        signal,
        onProgress: (bytes, total) => {
          const percent = Math.floor((bytes / Math.max(total, 1)) * 100);
          if (percent <= reported) return;
          progress.report({ increment: percent - reported, message: `${Math.round(bytes / 1048576)} of ${Math.round(total / 1048576)} MB` });
          reported = percent;
        },
      });
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') return 'cancelled';
    if (error instanceof EventParseError) return { path, message: error.message, line: error.line, column: error.column };
    return { path, message: `Could not read ${basename(path)}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Says what was wrong; for a file on disk, offers to open it where its JSON broke. */
async function tellFailure(failure: FailedFile, file: vscode.Uri | undefined, logger: Logger): Promise<void> {
  logger.warn(`Open Event File: ${failure.message}`);
  const choice = await vscode.window.showErrorMessage(`Sentry: ${untrustedText(failure.message, 600)} The file was not changed.`, ...(file ? [SHOW_IN_EDITOR] : []));
  if (choice !== SHOW_IN_EDITOR || !file) return;
  const at = new vscode.Position(Math.max(0, (failure.line ?? 1) - 1), Math.max(0, (failure.column ?? 1) - 1));
  await vscode.window.showTextDocument(file, { selection: new vscode.Range(at, at) });
}

async function tellSkipped(opened: OpenedFile): Promise<void> {
  const count = opened.skipped.length;
  const what = `${untrustedText(basename(opened.path), 120)}: ${opened.events} event${opened.events === 1 ? '' : 's'} opened, ${count} part${count === 1 ? '' : 's'} skipped`;
  await vscode.window.showWarningMessage(`Sentry: ${what}. ${untrustedText(opened.skipped[0], 400)}`);
}

/** The Explorer passes the clicked file and every selected one; other callers a Uri or a list of them. */
function givenUris(arg: unknown, selected: unknown): vscode.Uri[] | undefined {
  const list = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is vscode.Uri => item instanceof vscode.Uri) : []);
  const many = list(selected);
  if (many.length > 0) return many;
  if (arg instanceof vscode.Uri) return [arg];
  if (list(arg).length > 0) return list(arg);
  if (arg === undefined) return undefined;
  throw new Error('Open Event File takes a file: pick one, or run it from the Explorer on a .json or .ndjson file.');
}

async function pickFiles(): Promise<vscode.Uri[] | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: 'Sentry: Open Event File',
    openLabel: 'Open Events',
    canSelectMany: true,
    filters: { 'Sentry events': ['json', 'ndjson', 'jsonl'], 'All files': ['*'] },
  });
  return picked && picked.length > 0 ? picked : undefined;
}
