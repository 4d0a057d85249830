import * as vscode from 'vscode';
import type { Session } from '../auth/session';
import { signOutQuestionText } from './signOutQuestion';

export interface SignOutArgs {
  /** Answer the question for a token from the environment or a .sentryclirc without asking (tests, links). */
  ignoreDiscovered?: boolean;
}

/**
 * Signs out. A token Sign In stored is deleted; a token from the environment or a .sentryclirc
 * cannot be, so the user is told so and offered to ignore it in this workspace.
 */
export async function signOut(session: Session, given?: unknown): Promise<boolean> {
  const args = readSignOutArgs(given);
  const active = session.credentials?.tokenOrigin ? { origin: session.credentials.tokenOrigin, source: session.credentials.source } : undefined;
  const unusable = session.state === 'unusable' ? session.discovered : undefined;
  const discovered = active ?? (unusable && { origin: unusable.tokenOrigin, source: unusable.source });
  if (!discovered) {
    await session.signOut();
    return true;
  }
  let ignore = args.ignoreDiscovered;
  if (ignore === undefined) {
    const text = signOutQuestionText(discovered.origin, discovered.source);
    ignore = (await vscode.window.showWarningMessage(text.message, { modal: true, detail: text.detail }, text.ignore)) === text.ignore;
  }
  if (!ignore) return false;
  await session.ignoreDiscovered();
  return true;
}

/** Only a boolean `ignoreDiscovered` counts; anything else (a tree row, a link's junk) asks. */
function readSignOutArgs(value: unknown): SignOutArgs {
  if (typeof value !== 'object' || value === null) return {};
  const { ignoreDiscovered } = value as Record<string, unknown>;
  return { ignoreDiscovered: typeof ignoreDiscovered === 'boolean' ? ignoreDiscovered : undefined };
}
