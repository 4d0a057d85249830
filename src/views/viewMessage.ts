import * as vscode from 'vscode';
import type { Session } from '../auth/session';
import { untrustedText } from './untrustedText';

const PROBLEM_MAX = 800;

/**
 * The one writer of the view's message (the text above its rows): why a token from the environment
 * or a .sentryclirc cannot be used, or that a request waits for Sentry's rate limit to reset.
 */
export function showViewMessages(session: Session, view: vscode.TreeView<unknown>): vscode.Disposable {
  let waiting: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  const render = () => {
    const problem = session.problem;
    view.message = problem ? untrustedText(`Could not use the token from ${problem.source}: ${problem.message}`, PROBLEM_MAX) : waiting;
  };
  const onWait = session.onRateLimitWait(({ waitSeconds }) => {
    const seconds = Number.isFinite(waitSeconds) ? Math.max(0, Math.ceil(waitSeconds)) : 0;
    waiting = untrustedText(`Sentry's rate limit was reached: waiting ${seconds} s before trying again…`);
    clearTimeout(timer);
    timer = setTimeout(() => {
      waiting = undefined;
      render();
    }, seconds * 1000 + 500);
    render();
  });
  // A refresh or sign-in makes a new client: its old waits are gone.
  const onSession = session.onDidChange(() => {
    clearTimeout(timer);
    waiting = undefined;
    render();
  });
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    onWait.dispose();
    onSession.dispose();
  });
}
