import * as vscode from 'vscode';
import type { Session } from '../auth/session';
import { untrustedText } from './untrustedText';

/** The view's description names the server and where the token came from (a path may be a workspace's). */
export function showAccount(session: Session, view: vscode.TreeView<unknown>): vscode.Disposable {
  const update = () => {
    const credentials = session.credentials;
    if (session.state !== 'signedIn' || !credentials) {
      view.description = undefined;
      return;
    }
    const host = new URL(credentials.url).host;
    view.description = untrustedText(credentials.source === 'Sign In' ? host : `${host} · token from ${credentials.source}`, 160);
  };
  update();
  return session.onDidChange(update);
}
