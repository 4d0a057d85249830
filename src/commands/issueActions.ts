import * as vscode from 'vscode';
import type { Session } from '../auth/session';
import { COMMANDS } from '../constants';
import { IssueAction, issueChange, readIgnoreChoice } from '../model/issueChanges';
import { IssueRef, isIdText, issueRefOf } from '../model/refs';
import type { SentryData } from '../model/sentryData';
import type { SentryLookups } from '../model/sentryLookups';
import { PermissionError } from '../sentry/http/errors';
import { pickAssignee } from '../views/assigneePicker';
import { pickIgnoreChoice } from '../views/ignorePicker';
import { untrustedText } from '../views/untrustedText';

export interface IssueActionDeps {
  session: Session;
  data: SentryData;
  lookups: SentryLookups;
}

/**
 * Issue actions as in Sentry's web UI, each a thin command over an IssueRef from anything (a tree
 * row, the detail panel, a test). The row shows the change at once through the store; a refusal
 * rolls it back and says what the token needs. Choices can be given instead of asked for, in the
 * ref's object or as a second argument: `{ignore: {forDuration: 60}}`, `{assignTo: 'user:12'}`.
 */
export async function runIssueAction(arg: unknown, action: IssueAction, deps: IssueActionDeps): Promise<boolean> {
  const ref = requireIssue(arg);
  const change = issueChange(action);
  const shortId = deps.data.store.issue(ref)?.shortId ?? ref.issueId;
  try {
    await deps.data.updateIssue(ref, change.update, { shows: change.shows });
  } catch (error) {
    if (error instanceof PermissionError) {
      void showRefusal(shortId, error, deps.session);
      return false;
    }
    throw error;
  }
  vscode.window.setStatusBarMessage(`$(check) ${untrustedText(shortId, 40)} ${change.done}`, 4000);
  return true;
}

export async function ignoreIssue(arg: unknown, choice: unknown, deps: IssueActionDeps): Promise<boolean> {
  const ref = requireIssue(arg);
  const given = choiceOf(arg, choice, 'ignore');
  if (given !== undefined && readIgnoreChoice(given) === undefined) {
    throw new Error('That ignore choice is not one Sentry takes: "forever", "untilEscalating", {forDuration: minutes}, {untilCount: n, window?: minutes} or {untilUserCount: n, window?: minutes}.');
  }
  const ignore = readIgnoreChoice(given) ?? (await pickIgnoreChoice(untrustedText(deps.data.store.issue(ref)?.shortId ?? ref.issueId, 40)));
  if (!ignore) return false;
  return runIssueAction(ref, { kind: 'ignore', ignore }, deps);
}

/** `assignTo`: `me`, `user:<id>`, `team:<id>`, or null / "" to unassign; asked for when not given. */
export async function assignIssue(arg: unknown, choice: unknown, deps: IssueActionDeps): Promise<boolean> {
  const ref = requireIssue(arg);
  const given = choiceOf(arg, choice, 'assignTo');
  let pick: { actor: string | null; name?: string } | undefined;
  if (given === null || given === '') pick = { actor: null };
  else if (given === 'me' || (typeof given === 'string' && /^(user|team):[^\s:]+$/.test(given) && isIdText(given))) pick = { actor: given };
  else if (given !== undefined) throw new Error('Assign to "me", "user:<id>", "team:<id>", or null to unassign.');
  else {
    const issue = await deps.data.getIssue(ref);
    pick = await pickAssignee(issue.shortId, issue.assignedTo, (signal) => deps.lookups.assignees(ref, { signal }));
  }
  if (!pick) return false;
  if (pick.actor === 'me') return assignToMe(ref, deps);
  return runIssueAction(ref, { kind: 'assign', actor: pick.actor, name: pick.name ?? (pick.actor === null ? undefined : deps.lookups.knownName(pick.actor)) }, deps);
}

export async function assignToMe(arg: unknown, deps: IssueActionDeps): Promise<boolean> {
  const ref = requireIssue(arg);
  const me = await deps.lookups.currentUser();
  return runIssueAction(ref, { kind: 'assign', actor: `user:${me.id}`, name: me.name }, deps);
}

function requireIssue(arg: unknown): IssueRef {
  const ref = issueRefOf(arg);
  if (!ref) throw new Error('Pick an issue first (a row of the Sentry view, or the issue open in the event view).');
  return ref;
}

/** A choice given as the second argument (itself, or `{key: …}`), or inside the first; `null` counts as given. */
function choiceOf(arg: unknown, second: unknown, key: string): unknown {
  const has = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, key);
  if (second !== undefined && (typeof second !== 'object' || second === null)) return second;
  if (has(second)) return second[key];
  return has(arg) ? arg[key] : undefined;
}

/** A 403: the row is back as it was; say which scope the token lacks and how to get one with it. */
async function showRefusal(shortId: string, error: PermissionError, session: Session): Promise<void> {
  const baseUrl = session.credentials?.url;
  const settings = baseUrl ? `${baseUrl}/settings/account/api/auth-tokens/` : undefined;
  const said = error.detail ? ` Sentry said: "${error.detail}".` : '';
  const needs =
    error.missingScope && error.missingScope !== 'event:write'
      ? `it needs the ${error.missingScope} scope as well.`
      : 'changing issues needs the event:write scope (your role in the organization must allow it too).';
  const message =
    `Sentry refused to change ${shortId} (403), so it shows what it had again: the token cannot change issues — ${needs}${said} ` +
    'Create a User Auth Token with org:read, project:read, event:read and event:write (User Settings → User Auth Tokens) and sign in with it.';
  const create = 'Create a Token';
  const signIn = 'Sign In with Another Token';
  const choice = await vscode.window.showErrorMessage(untrustedText(message, 600), ...(settings ? [create, signIn] : [signIn]));
  if (choice === create && settings) await vscode.env.openExternal(vscode.Uri.parse(settings, true));
  if (choice === signIn) await vscode.commands.executeCommand(COMMANDS.signIn, baseUrl ? { url: baseUrl } : undefined);
}
