import * as vscode from 'vscode';
import { COMMANDS, URI_OPEN_PATH } from '../constants';
import { untrustedText } from '../views/untrustedText';

const KNOWN_FIELDS = ['url', 'issue', 'event', 'org', 'project'] as const;

/**
 * `vscode://sentry-explorer.sentry-explorer/open?url=<Sentry link>` (or `?issue=<id or short id>&org=`,
 * `?event=<id>&org=&project=`): a browser bookmarklet or a link in chat opens the issue or event
 * through the same command as the palette. It only reads: nothing is changed in Sentry, and a link
 * to another server than the signed-in one is refused with an offer to sign in there.
 */
export class SentryUriHandler implements vscode.UriHandler {
  async handleUri(uri: vscode.Uri): Promise<void> {
    if (uri.path.replace(/\/+$/, '') !== URI_OPEN_PATH) {
      void vscode.window.showWarningMessage(
        `Sentry Explorer cannot open "${untrustedText(uri.path, 80)}": its links look like ${vscode.env.uriScheme}://sentry-explorer.sentry-explorer${URI_OPEN_PATH}?url=<a Sentry issue or event link>.`,
      );
      return;
    }
    const params = new URLSearchParams(uri.query);
    const args: Record<string, string> = {};
    for (const key of KNOWN_FIELDS) {
      const value = params.get(key);
      if (value !== null && value.trim() !== '') args[key] = value;
    }
    if (!args.url && !args.issue && !args.event) {
      void vscode.window.showWarningMessage('This Sentry Explorer link names nothing to open: add ?url=<a Sentry issue or event link>, ?issue=<id> or ?event=<id>.');
      return;
    }
    await vscode.commands.executeCommand(COMMANDS.openIssueOrEvent, args);
  }
}
