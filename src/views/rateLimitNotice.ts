import * as vscode from 'vscode';
import type { Session } from '../auth/session';
import { untrustedText } from './untrustedText';

/** While a request waits for Sentry's rate limit to reset, the tree says so. */
export function showRateLimitWaits(session: Session, view: vscode.TreeView<unknown>): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  const subscription = session.onRateLimitWait(({ waitSeconds }) => {
    const seconds = Number.isFinite(waitSeconds) ? Math.max(0, Math.ceil(waitSeconds)) : 0;
    view.message = untrustedText(`Sentry's rate limit was reached: waiting ${seconds} s before trying again…`);
    clearTimeout(timer);
    timer = setTimeout(() => (view.message = undefined), seconds * 1000 + 500);
  });
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    subscription.dispose();
  });
}
