import * as vscode from 'vscode';
import { COMMANDS, OPTIONAL_COMMANDS } from '../../constants';
import { untrustedText } from '../untrustedText';
import type { SearchScope } from './panelEventSource';

export type IssueSearchOutcome = 'search' | 'projectFilter' | 'copied';

/**
 * A tag clicked in the panel: Sentry's issue search with `query` when that command exists; until then
 * the event's project filtered by it in the tree (an event from a file has no project: the query is
 * copied for the user to paste). The one place that knows about the fallback.
 */
export async function searchIssuesWith(query: string, scope: SearchScope): Promise<IssueSearchOutcome> {
  const commands = await vscode.commands.getCommands(true);
  if (commands.includes(OPTIONAL_COMMANDS.searchIssues)) {
    await vscode.commands.executeCommand(OPTIONAL_COMMANDS.searchIssues, scope.org === undefined ? { query } : { query, org: scope.org });
    return 'search';
  }
  if (scope.org !== undefined && scope.project !== undefined) {
    await vscode.commands.executeCommand(COMMANDS.filterIssues, { org: scope.org, project: scope.project }, query);
    vscode.window.setStatusBarMessage(`Sentry: ${untrustedText(scope.project, 60)} issues filtered by ${untrustedText(query, 120)}`, 5000);
    return 'projectFilter';
  }
  await vscode.env.clipboard.writeText(query);
  vscode.window.setStatusBarMessage(`Sentry: copied the search ${untrustedText(query, 120)}; paste it into Filter Issues… of a project`, 5000);
  return 'copied';
}
