import * as vscode from 'vscode';
import { Session } from './auth/session';
import { copyLink, copyShortId, openInBrowser } from './commands/issueCommands';
import { filterIssues, sortIssues } from './commands/filterCommands';
import { registerCommand } from './commands/registerCommand';
import { signIn } from './commands/signIn';
import { loadMore, retry } from './commands/treeCommands';
import { showAccount } from './views/accountDescription';
import { COMMANDS, VIEW_ID } from './views/ids';
import { IssueFilterStore } from './views/issueFilterStore';
import { showRateLimitWaits } from './views/rateLimitNotice';
import { SentryTreeProvider } from './views/treeProvider';

export interface SentryExplorerApi {
  readonly session: Session;
  readonly tree: SentryTreeProvider;
  readonly treeView: vscode.TreeView<unknown>;
}

export function activate(context: vscode.ExtensionContext): SentryExplorerApi {
  const log = vscode.window.createOutputChannel('Sentry Explorer', { log: true });
  const session = new Session(context.secrets, context.globalState);
  const tree = new SentryTreeProvider(session, new IssueFilterStore(context.workspaceState));
  const treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });

  context.subscriptions.push(
    log,
    session,
    tree,
    treeView,
    showAccount(session, treeView),
    showRateLimitWaits(session, treeView),
    registerCommand(COMMANDS.signIn, log, (args) => signIn(session, args)),
    registerCommand(COMMANDS.signOut, log, () => session.signOut()),
    registerCommand(COMMANDS.refresh, log, () => session.reload().then(() => tree.reload())),
    registerCommand(COMMANDS.loadMore, log, loadMore),
    registerCommand(COMMANDS.retry, log, retry),
    registerCommand(COMMANDS.filterIssues, log, (node, query) => filterIssues(node, tree.filters, query)),
    registerCommand(COMMANDS.sortIssues, log, (node, sort) => sortIssues(node, tree.filters, sort)),
    registerCommand(COMMANDS.openInBrowser, log, (node) => openInBrowser(node, session)),
    registerCommand(COMMANDS.copyLink, log, (node) => copyLink(node, session)),
    registerCommand(COMMANDS.copyShortId, log, copyShortId),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('sentry.issueQuery') || e.affectsConfiguration('sentry.issueSort') || e.affectsConfiguration('sentry.pageSize')) tree.reload();
    }),
  );
  return { session, tree, treeView };
}

export function deactivate(): void {}
