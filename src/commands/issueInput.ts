import * as vscode from 'vscode';
import type { Session } from '../auth/session';
import type { SentryClient } from '../sentry/client';
import { NotFoundError } from '../sentry/errors';
import type { Issue } from '../sentry/types';
import { untrustedText } from '../views/untrustedText';
import type { IssueRef } from './downloadArgs';

const SHORT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*-[A-Za-z0-9]+$/;

/**
 * Asks for an issue by numeric id or short id (`PROJ-12A`) and finds it in the organization the
 * credentials name, else in each organization the token sees. Undefined when the user backs out or
 * nothing matches (then the user is told).
 */
export async function askForIssue(session: Session, client: SentryClient, signal?: AbortSignal): Promise<{ ref: IssueRef; issue: Issue } | undefined> {
  const typed = await vscode.window.showInputBox({
    title: 'Sentry: Download Issue Events',
    prompt: 'The issue: its short id (PROJ-12A) or its numeric id',
    ignoreFocusOut: true,
    validateInput: (value) => (/^\d+$/.test(value.trim()) || SHORT_ID.test(value.trim()) ? undefined : 'A short id such as PROJ-12A, or a numeric issue id'),
  });
  const wanted = typed?.trim();
  if (!wanted) return undefined;
  for (const org of await organizations(session, client, signal)) {
    try {
      const issue = /^\d+$/.test(wanted) ? await client.getIssue(org, wanted, { signal }) : await client.getIssueByShortId(org, wanted, { signal });
      return { ref: { org, issueId: issue.id }, issue };
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  void vscode.window.showWarningMessage(`Sentry: no issue ${untrustedText(wanted, 60)} in the organizations this token can see.`);
  return undefined;
}

async function organizations(session: Session, client: SentryClient, signal?: AbortSignal): Promise<string[]> {
  const named = session.credentials?.org;
  const listed = (await client.listOrganizations({}, { signal })).items.map((o) => o.slug);
  return named ? [named, ...listed.filter((slug) => slug !== named)] : listed;
}
