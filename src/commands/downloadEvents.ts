import * as vscode from 'vscode';
import type { Session } from '../auth/session';
import type { SentryClient } from '../sentry/client';
import { describeOutcome, describeProgress } from '../sentry/download/downloadReport';
import { downloadIssueEvents } from '../sentry/download/downloadIssueEvents';
import { DownloadFileError } from '../sentry/download/eventFileWriter';
import type { DownloadSummary, IssueFacts } from '../sentry/download/downloadTypes';
import type { Issue } from '../sentry/types';
import { toAbortSignal } from '../views/cancellation';
import { COMMANDS } from '../views/ids';
import { IssueNode } from '../views/nodes/issueNode';
import { untrustedText } from '../views/untrustedText';
import { askDownloadChoices } from './downloadChoices';
import { DownloadChoices, IssueRef, readDownloadArgs } from './downloadArgs';
import { askForIssue } from './issueInput';

interface Resolved {
  ref: IssueRef;
  issue?: Issue;
  choices?: DownloadChoices;
}

/** Longest closing message: the reasons for missing events can be several sentences. */
const MESSAGE_MAX = 900;

/**
 * `Sentry: Download Issue Events…`: from an issue row (the node), from a caller that names the issue
 * (`{org, issueId}`, plus `targetPath` and options to skip the dialogs), or from the palette (asks
 * for the issue). Returns the summary, or undefined when nothing was started.
 */
export async function downloadEventsCommand(session: Session, log: vscode.LogOutputChannel, target?: unknown): Promise<DownloadSummary | undefined> {
  await session.ensureLoaded();
  const client = session.client;
  if (!client) {
    const choice = await vscode.window.showInformationMessage('Sign in to Sentry to download events.', 'Sign In');
    if (choice === 'Sign In') await vscode.commands.executeCommand(COMMANDS.signIn);
    return undefined;
  }
  const named: Resolved | undefined =
    target instanceof IssueNode ? { ref: { org: target.orgSlug, issueId: target.issue.id }, issue: target.issue } : readDownloadArgs(target);
  const found: Resolved | undefined = named ?? (await askForIssue(session, client));
  if (!found) return undefined;
  const issue = found.issue ?? (await client.getIssue(found.ref.org, found.ref.issueId));
  const choices = found.choices ?? (await askDownloadChoices(issue));
  if (!choices) return undefined;
  return downloadIssue(client, log, found.ref, issue, choices);
}

async function downloadIssue(client: SentryClient, log: vscode.LogOutputChannel, ref: IssueRef, issue: Issue, choices: DownloadChoices): Promise<DownloadSummary | undefined> {
  const label = untrustedText(issue.shortId, 60);
  const facts: IssueFacts = { firstSeen: issue.firstSeen, lastSeen: issue.lastSeen, count: issue.count };
  let summary: DownloadSummary;
  try {
    summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Downloading the events of ${label}`, cancellable: true },
      async (progress, cancel) => {
        let shownPercent = 0;
        return downloadIssueEvents({
          client,
          org: ref.org,
          issueId: ref.issueId,
          issue: facts,
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
    void vscode.window.showErrorMessage(untrustedText(`Sentry: ${error.message}`, MESSAGE_MAX));
    return undefined;
  }
  log.info(`Download of ${issue.shortId} (${ref.org}/${ref.issueId}): ${JSON.stringify({ ...summary, windows: summary.windows.length })}`);
  showOutcome(summary, label);
  return summary;
}

/** The closing message; not awaited, so a caller (or a test) is not held until it is dismissed. */
function showOutcome(summary: DownloadSummary, label: string): void {
  const outcome = describeOutcome(summary, label);
  const text = untrustedText(`Sentry: ${outcome.text}`, MESSAGE_MAX);
  const buttons = outcome.file ? ['Open File'] : [];
  const shown = outcome.severity === 'info' ? vscode.window.showInformationMessage(text, ...buttons) : vscode.window.showWarningMessage(text, ...buttons);
  void shown.then((choice) => {
    if (choice === 'Open File' && outcome.file) void vscode.commands.executeCommand('vscode.open', vscode.Uri.file(outcome.file));
  });
}
