import * as vscode from 'vscode';
import type { AmbiguousFrame } from '../source';
import { untrustedText } from '../views/untrustedText';

interface TiedFileItem extends vscode.QuickPickItem {
  path: string;
}

/**
 * Asks which of the equally good files a frame means, each with what speaks for it. Undefined when the user
 * cancels. File and frame names are data from the workspace and the event: they go through `untrustedText`.
 */
export async function pickTiedFile(tie: AmbiguousFrame): Promise<string | undefined> {
  const items: TiedFileItem[] = tie.choices.map((choice) => ({
    label: untrustedText(vscode.workspace.asRelativePath(choice.path), 200),
    description: untrustedText(choice.reason, 200),
    path: choice.path,
  }));
  const more = tie.total > items.length ? ` (${items.length} of ${tie.total} shown)` : '';
  const picked = await vscode.window.showQuickPick(items, {
    title: untrustedText(`Sentry: which file is ${tie.framePath}?`, 200),
    placeHolder: untrustedText(`${tie.reason}${more} Your choice is remembered for frames under the same path.`),
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  return picked?.path;
}
