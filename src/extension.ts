import * as vscode from 'vscode';
import { Session } from './auth/session';
import { downloadEventsCommand } from './commands/downloadEvents';
import { copyLink, copyShortId, openInBrowser } from './commands/issueCommands';
import { filterIssues, sortIssues } from './commands/filterCommands';
import { registerCommand } from './commands/registerCommand';
import { CodeMappingCache, openFrame } from './commands/openFrame';
import { SignInArgs, signIn } from './commands/signIn';
import { loadMore, retry, toggleFrameOrder } from './commands/treeCommands';
import { ContextDocuments } from './editor/contextDocuments';
import { FrameDecorations } from './editor/frameDecorations';
import { WorkspaceFiles } from './editor/workspaceFiles';
import { showAccount } from './views/accountDescription';
import { COMMANDS, VIEW_ID } from './views/ids';
import type { FrameNode } from './views/nodes/frameNode';
import type { TreeNode } from './views/nodes/treeNode';
import type { IssueSort } from './sentry/client';
import { IssueFilterStore } from './views/issueFilterStore';
import { showRateLimitWaits } from './views/rateLimitNotice';
import { SentryTreeProvider } from './views/treeProvider';

export interface SentryExplorerApi {
  readonly session: Session;
  readonly tree: SentryTreeProvider;
  readonly treeView: vscode.TreeView<unknown>;
  readonly decorations: FrameDecorations;
}

export function activate(context: vscode.ExtensionContext): SentryExplorerApi {
  const log = vscode.window.createOutputChannel('Sentry Explorer', { log: true });
  const session = new Session(context.secrets, context.globalState);
  const tree = new SentryTreeProvider(session, new IssueFilterStore(context.workspaceState));
  const treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const frames = {
    session,
    files: new WorkspaceFiles(),
    decorations: new FrameDecorations(),
    contextDocuments: new ContextDocuments(),
    codeMappings: new CodeMappingCache(),
  };

  context.subscriptions.push(
    log,
    session,
    tree,
    treeView,
    frames.files,
    frames.decorations,
    frames.contextDocuments,
    showAccount(session, treeView),
    showRateLimitWaits(session, treeView),
    registerCommand(COMMANDS.signIn, log, (args?: SignInArgs) => signIn(session, args)),
    registerCommand(COMMANDS.signOut, log, () => session.signOut()),
    // Re-reading the credentials makes a new client (empty cache), and the session change reloads the tree.
    registerCommand(COMMANDS.refresh, log, () => session.reload()),
    registerCommand(COMMANDS.loadMore, log, loadMore),
    registerCommand(COMMANDS.retry, log, retry),
    registerCommand(COMMANDS.filterIssues, log, (node: TreeNode, query?: string) => filterIssues(node, tree.filters, query)),
    registerCommand(COMMANDS.sortIssues, log, (node: TreeNode, sort?: IssueSort) => sortIssues(node, tree.filters, sort)),
    registerCommand(COMMANDS.openInBrowser, log, (node: TreeNode) => openInBrowser(node, session)),
    registerCommand(COMMANDS.copyLink, log, (node: TreeNode) => copyLink(node, session)),
    registerCommand(COMMANDS.copyShortId, log, copyShortId),
    registerCommand(COMMANDS.openFrame, log, (node: FrameNode) => openFrame(node, frames)),
    registerCommand(COMMANDS.toggleFrameOrder, log, toggleFrameOrder),
    registerCommand(COMMANDS.downloadIssueEvents, log, (target?: unknown) => downloadEventsCommand(session, log, target)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (['issueQuery', 'issueSort', 'pageSize'].some((key) => e.affectsConfiguration(`sentry.${key}`))) tree.reload();
      else if (['frameOrder', 'hideLibraryFrames'].some((key) => e.affectsConfiguration(`sentry.${key}`))) tree.refresh();
    }),
  );
  return { session, tree, treeView, decorations: frames.decorations };
}

export function deactivate(): void {}
