import * as vscode from 'vscode';
import type { Session } from '../auth/session';

/** The view's description names the server and where the token came from. */
export function showAccount(session: Session, view: vscode.TreeView<unknown>): vscode.Disposable {
  const update = () => {
    const credentials = session.credentials;
    if (session.state !== 'signedIn' || !credentials) {
      view.description = undefined;
      return;
    }
    const host = new URL(credentials.url).host;
    view.description = credentials.source === 'Sign In' ? host : `${host} · token from ${credentials.source}`;
  };
  update();
  return session.onDidChange(update);
}
