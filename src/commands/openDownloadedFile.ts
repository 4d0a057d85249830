import * as vscode from 'vscode';
import { COMMANDS } from '../constants';

/**
 * Opens a downloaded events file: with Open Event File (the event panel's view of a file, issue 8)
 * when the extension has that command, else in an editor. Looked up each time, so it does the right
 * thing with or without that command.
 */
export async function openDownloadedFile(file: vscode.Uri): Promise<void> {
  const commands = await vscode.commands.getCommands(true);
  if (commands.includes(COMMANDS.openEventFile)) await vscode.commands.executeCommand(COMMANDS.openEventFile, file);
  else await vscode.commands.executeCommand('vscode.open', file);
}
