import * as vscode from 'vscode';
import { destinationQuestionText } from './destinationQuestion';
import type { DestinationQuestion } from '../auth/tokenDestinations';

/** A modal: send the token to the server the workspace names? `undefined` when dismissed; Enter refuses. */
export async function askDestination(question: DestinationQuestion): Promise<boolean | undefined> {
  const text = destinationQuestionText(question);
  const choice = await vscode.window.showWarningMessage(text.message, { modal: true, detail: text.detail }, text.refuse, text.send);
  if (choice === text.send) return true;
  if (choice === text.refuse) return false;
  return undefined;
}
