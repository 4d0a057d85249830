import * as vscode from 'vscode';
import type { Session } from '../auth/session';
import type { IssueRef } from '../model/refs';
import type { SentryData } from '../model/sentryData';
import { NotFoundError } from '../sentry/http/errors';
import { untrustedText } from '../views/untrustedText';

const SHORT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*-[A-Za-z0-9]+$/;

/**
 * Asks for an issue by numeric id or short id (`PROJ-12A`) and finds it in the organization the
 * credentials name, else in each organization the token sees. Undefined when the user backs out or
 * nothing matches (then the user is told).
 */
export async function askForIssue(session: Session, data: SentryData, title: string): Promise<IssueRef | undefined> {
  const typed = await vscode.window.showInputBox({
    title,
    prompt: 'The issue: its short id (PROJ-12A) or its numeric id',
    ignoreFocusOut: true,
    validateInput: (value) => (/^\d+$/.test(value.trim()) || SHORT_ID.test(value.trim()) ? undefined : 'A short id such as PROJ-12A, or a numeric issue id'),
  });
  const wanted = typed?.trim();
  const client = session.client;
  if (!wanted || !client) return undefined;
  for (const org of await organizations(session, data)) {
    try {
      const issueId = /^\d+$/.test(wanted) ? (await data.getIssue({ org, issueId: wanted })).id : (await client.getIssueByShortId(org, wanted)).id;
      return { org, issueId };
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  void vscode.window.showWarningMessage(`Sentry: no issue ${untrustedText(wanted, 60)} in the organizations this token can see.`);
  return undefined;
}

async function organizations(session: Session, data: SentryData): Promise<string[]> {
  const named = session.credentials?.org;
  const listed = (await data.listOrganizations(undefined)).items.map((ref) => ref.org);
  return named ? [named, ...listed.filter((slug) => slug !== named)] : listed;
}
