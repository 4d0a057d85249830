import * as vscode from 'vscode';
import { AuthError, CancelledError, isSentryApiError } from '../sentry/http/errors';
import type { OutputLogger } from '../outputLogger';
import { untrustedText } from '../views/untrustedText';

/**
 * Every command runs through here: user cancellation stays silent, a 401 is left to the session
 * (which shows the sign-in view once), and any other failure becomes one sanitised line with the
 * full error in the log. Both go through redaction, so a token a server echoed shows nowhere.
 */
export function registerCommand<Args extends unknown[]>(id: string, log: OutputLogger, handler: (...args: Args) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      // VS Code passes what the menu, tree item or caller gave; each handler checks what it got.
      return await handler(...(args as Args));
    } catch (error) {
      await showFailure(id, log, error);
      return undefined;
    }
  });
}

/** How a command (or a panel acting for the user) reports a failure: the same rules as `registerCommand`. */
export async function showFailure(what: string, log: OutputLogger, error: unknown): Promise<void> {
  if (error instanceof CancelledError) return;
  log.error(`${what} failed:`, error);
  if (error instanceof AuthError) return;
  const message = isSentryApiError(error) ? error.message : error instanceof Error ? error.message : String(error);
  const choice = await vscode.window.showErrorMessage(`Sentry: ${untrustedText(message)}`, 'Show Log');
  if (choice === 'Show Log') log.show();
}
