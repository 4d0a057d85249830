import * as vscode from 'vscode';
import { Session } from './auth/session';
import { downloadIssueEvents } from './commands/downloadEvents';
import { copyLink, copyShortId, openInBrowser } from './commands/issueCommands';
import { filterIssues, sortIssues } from './commands/filterCommands';
import { openFrame } from './commands/openFrame';
import { registerCommand } from './commands/registerCommand';
import { signIn } from './commands/signIn';
import { signOut } from './commands/signOut';
import { loadMore, retry, toggleFrameOrder } from './commands/treeCommands';
import { DISPLAY_SETTINGS, LIST_SETTINGS, onDidChangeConfig } from './config';
import { COMMANDS, LOG_CHANNEL_NAME, VIEW_ID } from './constants';
import { ContextDocuments } from './editor/contextDocuments';
import { FrameClicks } from './editor/frameClicks';
import { FrameDecorations } from './editor/frameDecorations';
import { FrameOpener } from './editor/frameOpener';
import { WorkspaceFiles } from './editor/workspaceFiles';
import { SentryData } from './model/sentryData';
import { SentryStore } from './model/store';
import { OutputLogger } from './outputLogger';
import { showAccount } from './views/accountDescription';
import { askDestination } from './views/destinationPrompt';
import { IssueFilterStore } from './views/issueFilterStore';
import { SentryTreeProvider } from './views/treeProvider';
import { showViewMessages } from './views/viewMessage';

/** What the extension hands to its tests (and to other extensions): the services, not their wiring. */
export interface SentryExplorerApi {
  readonly session: Session;
  readonly data: SentryData;
  readonly tree: SentryTreeProvider;
  readonly treeView: vscode.TreeView<unknown>;
  readonly frames: FrameOpener;
  readonly decorations: FrameDecorations;
}

export function activate(context: vscode.ExtensionContext): SentryExplorerApi {
  const channel = vscode.window.createOutputChannel(LOG_CHANNEL_NAME, { log: true });
  const log = new OutputLogger(channel);
  const session = new Session({ secrets: context.secrets, globalState: context.globalState, workspaceState: context.workspaceState, logger: log, askDestination });
  const store = new SentryStore();
  const data = new SentryData(store, () => session.client, log);
  const tree = new SentryTreeProvider(session, data, new IssueFilterStore(context.workspaceState), log);
  const treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const decorations = new FrameDecorations();
  const files = new WorkspaceFiles();
  const contextDocuments = new ContextDocuments();
  const frames = new FrameOpener({ session, data, files, decorations, contextDocuments, clicks: new FrameClicks(context.workspaceState) });
  const pages = { session, data };
  const filters = { filters: tree.filters, store, resetProject: tree.resetProject.bind(tree) };
  const downloads = { session, data, log };

  context.subscriptions.push(
    channel,
    session,
    store,
    tree,
    treeView,
    files,
    decorations,
    contextDocuments,
    showAccount(session, treeView),
    showViewMessages(session, treeView),
    treeView.onDidCollapseElement(({ element }) => tree.collapsed(element)),
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
    registerCommand(COMMANDS.filterIssues, log, (arg: unknown, query?: unknown) => filterIssues(arg, filters, query)),
    registerCommand(COMMANDS.sortIssues, log, (arg: unknown, sort?: unknown) => sortIssues(arg, filters, sort)),
    registerCommand(COMMANDS.openInBrowser, log, (arg: unknown) => openInBrowser(arg, pages)),
    registerCommand(COMMANDS.copyLink, log, (arg: unknown) => copyLink(arg, pages)),
    registerCommand(COMMANDS.copyShortId, log, (arg: unknown) => copyShortId(arg, data)),
    registerCommand(COMMANDS.openFrame, log, (arg: unknown) => openFrame(arg, frames)),
    registerCommand(COMMANDS.toggleFrameOrder, log, toggleFrameOrder),
    registerCommand(COMMANDS.downloadIssueEvents, log, (arg?: unknown) => downloadIssueEvents(arg, downloads)),
    onDidChangeConfig(LIST_SETTINGS, () => tree.reload()),
    onDidChangeConfig(DISPLAY_SETTINGS, () => tree.refresh()),
  );
  return { session, data, tree, treeView, frames, decorations };
}

export function deactivate(): void {}
