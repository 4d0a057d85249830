import * as vscode from 'vscode';
import type { Session } from '../auth/session';
import { COMMANDS } from '../constants';
import type { IssueRef } from '../model/refs';
import type { SentryData } from '../model/sentryData';
import type { OutputLogger } from '../outputLogger';
import type { Issue } from '../sentry/api/types';
import { describeOutcome, describeProgress } from '../sentry/download/downloadReport';
import { downloadIssueEvents as runDownload } from '../sentry/download/downloadIssueEvents';
import type { DownloadSummary, IssueEventsSource } from '../sentry/download/downloadTypes';
import { DownloadFileError } from '../sentry/download/eventFileWriter';
import { toAbortSignal } from '../views/cancellation';
import { untrustedText } from '../views/untrustedText';
import { DownloadChoices, readDownloadArgs } from './downloadArgs';
import { askDownloadChoices } from './downloadChoices';
import { askForIssue } from './issueInput';
import { openDownloadedFile } from './openDownloadedFile';

export interface DownloadDeps {
  session: Session;
  data: SentryData;
  log: OutputLogger;
}

/** Longest closing message: the reasons for missing events can be several sentences. */
const MESSAGE_MAX = 900;

/**
 * `Sentry: Download Issue Events…` on an issue ref: from an issue row, from a caller (`{org, issueId}`,
 * plus `targetPath` and options to skip the dialogs), or from the palette (asks for the issue). Returns
 * the summary, or undefined when nothing was started.
 */
export async function downloadIssueEvents(arg: unknown, deps: DownloadDeps): Promise<DownloadSummary | undefined> {
  const { session, data } = deps;
  await session.ensureLoaded();
  const client = session.client;
  if (!client) {
    const choice = await vscode.window.showInformationMessage('Sign in to Sentry to download events.', 'Sign In');
    if (choice === 'Sign In') await vscode.commands.executeCommand(COMMANDS.signIn);
    return undefined;
  }
  const named = readDownloadArgs(arg);
  const ref = named?.ref ?? (await askForIssue(session, data, 'Sentry: Download Issue Events'));
  if (!ref) return undefined;
  // The issue as Sentry has it now: its last seen and count bound the download.
  const issue = await data.getIssue(ref, { refresh: true });
  const choices = named?.choices ?? (await askDownloadChoices(issue));
  if (!choices) return undefined;
  return download(client, deps.log, ref, issue, choices);
}

async function download(client: IssueEventsSource, log: OutputLogger, ref: IssueRef, issue: Issue, choices: DownloadChoices): Promise<DownloadSummary | undefined> {
  const label = untrustedText(issue.shortId, 60);
  let summary: DownloadSummary;
  try {
    summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Downloading the events of ${label}`, cancellable: true },
      async (progress, cancel) => {
        let shownPercent = 0;
        return runDownload({
          client,
          org: ref.org,
          issueId: ref.issueId,
          issue: { firstSeen: issue.firstSeen, lastSeen: issue.lastSeen, count: issue.count },
          targetPath: choices.targetPath,
          format: choices.format,
          range: choices.range,
          environment: choices.environment,
          signal: toAbortSignal(cancel),
          log: (message) => log.info(message),
          onProgress: (p) => {
            const percent = p.total > 0 ? Math.min(100, (100 * p.written) / p.total) : 0;
            progress.report({ message: describeProgress(p), increment: Math.max(0, percent - shownPercent) });
            shownPercent = Math.max(shownPercent, percent);
          },
        });
      },
    );
  } catch (error) {
    if (!(error instanceof DownloadFileError)) throw error;
    log.error(`Download of ${issue.shortId} failed:`, error);
    void vscode.window.showErrorMessage(untrustedText(`Sentry: ${error.message}`, MESSAGE_MAX));
    return undefined;
  }
  log.info(`Download of ${issue.shortId} (${ref.org}/${ref.issueId}):`, { ...summary, windows: summary.windows.length });
  showOutcome(summary, label, log);
  if (choices.openWhenDone && summary.outcome === 'complete' && summary.file) await openQuietly(summary.file, log);
  return summary;
}

/** The closing message; not awaited, so a caller (or a test) is not held until it is dismissed. */
function showOutcome(summary: DownloadSummary, label: string, log: OutputLogger): void {
  const outcome = describeOutcome(summary, label);
  const text = untrustedText(`Sentry: ${outcome.text}`, MESSAGE_MAX);
  const buttons = outcome.file ? ['Open File'] : [];
  const shown = outcome.severity === 'info' ? vscode.window.showInformationMessage(text, ...buttons) : vscode.window.showWarningMessage(text, ...buttons);
  void shown.then((choice) => {
    if (choice === 'Open File' && outcome.file) void openQuietly(outcome.file, log);
  });
}

/** Opens the written file; failing to open it is said, and the file stays where it is. */
async function openQuietly(file: string, log: OutputLogger): Promise<void> {
  try {
    await openDownloadedFile(vscode.Uri.file(file));
  } catch (error) {
    log.error(`Could not open ${file}:`, error);
    void vscode.window.showWarningMessage(untrustedText(`Sentry: the events are saved in ${file}, but it could not be opened: ${error instanceof Error ? error.message : String(error)}`, MESSAGE_MAX));
  }
}
