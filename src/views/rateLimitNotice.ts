import * as vscode from 'vscode';
import type { Session } from '../auth/session';

/** While a request waits for Sentry's rate limit to reset, the tree says so. */
export function showRateLimitWaits(session: Session, view: vscode.TreeView<unknown>): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  const subscription = session.onRateLimitWait(({ waitSeconds }) => {
    view.message = `Sentry's rate limit was reached: waiting ${waitSeconds} s before trying again…`;
    clearTimeout(timer);
    timer = setTimeout(() => (view.message = undefined), waitSeconds * 1000 + 500);
  });
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    subscription.dispose();
  });
}
