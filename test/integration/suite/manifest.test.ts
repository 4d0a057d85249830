import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionApi } from './helpers';

describe('manifest and registered commands agree', () => {
  it('every contributed command is registered, and every sentry.* command is contributed', async () => {
    await extensionApi();
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed = (ext.packageJSON.contributes.commands as Array<{ command: string }>).map((c) => c.command).sort();
    const registered = (await vscode.commands.getCommands(true)).filter((c) => c.startsWith('sentry.')).sort();
    assert.deepStrictEqual(registered, contributed);
  });
});
