import * as vscode from 'vscode';
import type { Session } from '../auth/session';
import { issueRefOf, refOf } from '../model/refs';
import type { SentryData } from '../model/sentryData';
import { webPageOf } from '../model/webPages';
import { untrustedText } from '../views/untrustedText';

export interface WebPageDeps {
  session: Session;
  data: SentryData;
}

/** The Sentry page of whatever the argument names (a ref, or a row that gives one). */
export function webPageOfArg(arg: unknown, deps: WebPageDeps): string {
  const ref = refOf(arg);
  const baseUrl = deps.session.credentials?.url;
  if (!ref || !baseUrl) throw new Error('This item has no page in Sentry.');
  return webPageOf(ref, baseUrl, deps.data.store);
}

export async function openInBrowser(arg: unknown, deps: WebPageDeps): Promise<void> {
  await vscode.env.openExternal(vscode.Uri.parse(webPageOfArg(arg, deps), true));
}

export async function copyLink(arg: unknown, deps: WebPageDeps): Promise<void> {
  const url = webPageOfArg(arg, deps);
  await vscode.env.clipboard.writeText(url);
  vscode.window.setStatusBarMessage(`Copied ${untrustedText(url, 200)}`, 3000);
}

export async function copyShortId(arg: unknown, data: SentryData): Promise<void> {
  const ref = issueRefOf(arg);
  if (!ref) throw new Error('Pick an issue to copy its short ID.');
  const issue = await data.getIssue(ref);
  await vscode.env.clipboard.writeText(issue.shortId);
  vscode.window.setStatusBarMessage(`Copied ${untrustedText(issue.shortId, 60)}`, 3000);
}
