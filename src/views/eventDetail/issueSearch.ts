import * as vscode from 'vscode';
import { COMMANDS } from '../../constants';

/**
 * A tag clicked in the panel: `Sentry: Search Issues` opened on `key:value`, searched at once across
 * the event's organization; for an event from a file (no organization) the search asks which.
 */
export async function searchIssuesWith(query: string, org: string | undefined): Promise<void> {
  await vscode.commands.executeCommand(COMMANDS.searchIssues, org === undefined ? { query } : { query, org });
}
