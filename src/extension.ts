import * as vscode from 'vscode';
import { askDestination } from './auth/destinationPrompt';
import { Session } from './auth/session';
import { copyLink, copyShortId, openInBrowser } from './commands/issueCommands';
import { filterIssues, sortIssues } from './commands/filterCommands';
import { registerCommand } from './commands/registerCommand';
import { openFrame } from './commands/openFrame';
import { signIn } from './commands/signIn';
import { signOut } from './commands/signOut';
import { loadMore, retry, toggleFrameOrder } from './commands/treeCommands';
import { ContextDocuments } from './editor/contextDocuments';
import { FrameClicks } from './editor/frameClicks';
import { FrameDecorations } from './editor/frameDecorations';
import { warmUpForFrames } from './editor/frameWarmUp';
import { WorkspaceFiles } from './editor/workspaceFiles';
import { showAccount } from './views/accountDescription';
import { COMMANDS, VIEW_ID } from './views/ids';
import type { FrameNode } from './views/nodes/frameNode';
import type { TreeNode } from './views/nodes/treeNode';
import type { IssueSort } from './sentry/client';
import { IssueFilterStore } from './views/issueFilterStore';
import { outputLog } from './views/outputLog';
import { SentryTreeProvider } from './views/treeProvider';
import { showViewMessages } from './views/viewMessage';

export interface SentryExplorerApi {
  readonly session: Session;
  readonly tree: SentryTreeProvider;
  readonly treeView: vscode.TreeView<unknown>;
  readonly decorations: FrameDecorations;
  readonly files: WorkspaceFiles;
}

export function activate(context: vscode.ExtensionContext): SentryExplorerApi {
  const channel = vscode.window.createOutputChannel('Sentry Explorer', { log: true });
  const log = outputLog(channel);
  const session = new Session({
    secrets: context.secrets,
    globalState: context.globalState,
    workspaceState: context.workspaceState,
    log,
    askDestination,
  });
  const tree = new SentryTreeProvider(session, new IssueFilterStore(context.workspaceState), log);
  const treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const frames = {
    session,
    files: new WorkspaceFiles(),
    decorations: new FrameDecorations(),
    contextDocuments: new ContextDocuments(),
    clicks: new FrameClicks(context.workspaceState),
  };

  context.subscriptions.push(
    channel,
    session,
    tree,
    treeView,
    frames.files,
    frames.decorations,
    frames.contextDocuments,
    showAccount(session, treeView),
    showViewMessages(session, treeView),
    treeView.onDidCollapseElement(({ element }) => tree.collapsed(element)),
    // Frame clicks need the workspace's file index: begun once Sentry is on screen or an event opens, never at activation.
    treeView.onDidChangeVisibility(({ visible }) => visible && frames.files.startIndexing()),
    treeView.onDidExpandElement(({ element }) => warmUpForFrames(element, frames.files, frames.clicks.resolverFor(session.client))),
    vscode.workspace.onDidGrantWorkspaceTrust(() => session.reloadIfStarted()),
    registerCommand(COMMANDS.signIn, log, (args?: unknown) => signIn(session, args)),
    registerCommand(COMMANDS.signOut, log, (args?: unknown) => signOut(session, args)),
    registerCommand(COMMANDS.useDiscoveredToken, log, () => session.useDiscovered()),
    // Stop what is loading, then re-read the credentials: a new client (empty cache), and the session change reloads the tree.
    registerCommand(COMMANDS.refresh, log, () => {
      tree.cancelLoads();
      return session.reload();
    }),
    registerCommand(COMMANDS.loadMore, log, loadMore),
    registerCommand(COMMANDS.retry, log, retry),
    registerCommand(COMMANDS.filterIssues, log, (node: TreeNode, query?: string) => filterIssues(node, tree.filters, query)),
    registerCommand(COMMANDS.sortIssues, log, (node: TreeNode, sort?: IssueSort) => sortIssues(node, tree.filters, sort)),
    registerCommand(COMMANDS.openInBrowser, log, (node: TreeNode) => openInBrowser(node, session)),
    registerCommand(COMMANDS.copyLink, log, (node: TreeNode) => copyLink(node, session)),
    registerCommand(COMMANDS.copyShortId, log, copyShortId),
    registerCommand(COMMANDS.openFrame, log, (node: FrameNode) => frames.files.jump((jump) => openFrame(node, frames, jump))),
    registerCommand(COMMANDS.toggleFrameOrder, log, toggleFrameOrder),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (['issueQuery', 'issueSort', 'pageSize'].some((key) => e.affectsConfiguration(`sentry.${key}`))) tree.reload();
      else if (['frameOrder', 'hideLibraryFrames'].some((key) => e.affectsConfiguration(`sentry.${key}`))) tree.refresh();
    }),
  );
  return { session, tree, treeView, decorations: frames.decorations, files: frames.files };
}

export function deactivate(): void {}
