import * as vscode from 'vscode';
import { Session } from './auth/session';
import { copyEventAsMarkdown, openEvent } from './commands/eventCommands';
import { closeEventFile, openEventFile } from './commands/eventFileCommands';
import { downloadIssueEvents } from './commands/downloadEvents';
import { copyLink, copyShortId, openInBrowser } from './commands/issueCommands';
import { filterIssues, sortIssues } from './commands/filterCommands';
import { assignIssue, assignToMe, ignoreIssue, runIssueAction } from './commands/issueActions';
import { openIssueOrEvent, openResolved } from './commands/openIssueOrEvent';
import { SentryUriHandler } from './commands/uriHandler';
import { openFrame } from './commands/openFrame';
import { registerCommand } from './commands/registerCommand';
import { signIn } from './commands/signIn';
import { signOut } from './commands/signOut';
import { loadMore, retry, toggleFrameOrder } from './commands/treeCommands';
import { DISPLAY_SETTINGS, LIST_SETTINGS, onDidChangeConfig, STATUS_BAR_SETTINGS } from './config';
import { COMMANDS, LOG_CHANNEL_NAME, VIEW_ID } from './constants';
import { ContextDocuments } from './editor/contextDocuments';
import { FrameClicks } from './editor/frameClicks';
import { FrameDecorations } from './editor/frameDecorations';
import { FrameOpener } from './editor/frameOpener';
import { prepareForFramesOf } from './editor/frameWarmUp';
import { WorkspaceFiles } from './editor/workspaceFiles';
import { LocalEventFiles } from './model/localEventFiles';
import { IssueRef, projectRefOf } from './model/refs';
import { SentryData } from './model/sentryData';
import { SentryLookups } from './model/sentryLookups';
import { SentryStore } from './model/store';
import { webPageOf } from './model/webPages';
import { OutputLogger } from './outputLogger';
import { showAccount } from './views/accountDescription';
import { CurrentProject } from './views/currentProject';
import { IssueCountStatus } from './views/issueCountStatus';
import { ProjectNode } from './views/nodes/projectNode';
import { IssueSearch } from './views/search/issueSearch';
import { RecentSearches } from './views/search/recentSearches';
import { TreeReveal } from './views/treeReveal';
import { askDestination } from './views/destinationPrompt';
import { EventDetailPanels } from './views/eventDetail/eventDetailPanels';
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
  readonly lookups: SentryLookups;
  readonly search: IssueSearch;
  readonly statusBar: IssueCountStatus;
  readonly currentProject: CurrentProject;
  readonly uriHandler: SentryUriHandler;
  /** The event detail panels (tests read what a panel was sent and send it the page's messages). */
  readonly panels: EventDetailPanels;
  /** Event files opened with Open Event File. */
  readonly localFiles: LocalEventFiles;
}

export function activate(context: vscode.ExtensionContext): SentryExplorerApi {
  const channel = vscode.window.createOutputChannel(LOG_CHANNEL_NAME, { log: true });
  const log = new OutputLogger(channel);
  const session = new Session({ secrets: context.secrets, globalState: context.globalState, workspaceState: context.workspaceState, logger: log, askDestination });
  const store = new SentryStore();
  const data = new SentryData(store, () => session.client, log);
  const localFiles = new LocalEventFiles();
  const tree = new SentryTreeProvider(session, data, new IssueFilterStore(context.workspaceState), log, localFiles);
  const treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const decorations = new FrameDecorations();
  const files = new WorkspaceFiles(log);
  const contextDocuments = new ContextDocuments();
  const frames = new FrameOpener({ session, data, files, decorations, contextDocuments, clicks: new FrameClicks(context.workspaceState) });
  const panels = new EventDetailPanels({ extensionUri: context.extensionUri, logger: log, session, data, frames, localFiles });
  const events = { panels, data, selection: () => treeView.selection };
  const eventFiles = { files: localFiles, panels, logger: log, reveal: (path: string) => revealLocalFile(tree, treeView, path) };
  const pages = { session, data };
  const filters = { filters: tree.filters, store, resetProject: tree.resetProject.bind(tree) };
  const lookups = new SentryLookups(data, () => session.client);
  const reveal = new TreeReveal(tree, treeView, data);
  const currentProject = new CurrentProject(context.workspaceState, session);
  const openIssue = (issue: IssueRef) => openResolved({ issue }, reveal);
  const search = new IssueSearch({
    session,
    data,
    lookups,
    currentProject,
    recent: new RecentSearches(context.globalState),
    logger: log,
    open: openIssue,
    webPage: (issue) => webPageOf(issue, session.credentials?.url ?? '', store),
  });
  const statusBar = new IssueCountStatus({ session, lookups, store, currentProject, logger: log });
  const uriHandler = new SentryUriHandler();
  const actions = { session, data, lookups };
  const opening = { session, data, lookups, reveal };
  const downloads = { session, data, log };

  context.subscriptions.push(
    channel,
    session,
    store,
    localFiles,
    tree,
    panels,
    treeView,
    files,
    decorations,
    contextDocuments,
    showAccount(session, treeView),
    showViewMessages(session, treeView),
    treeView.onDidCollapseElement(({ element }) => tree.collapsed(element)),
    // Frame clicks need the workspace's file index: begun once Sentry is on screen or an event opens, never at activation.
    treeView.onDidChangeVisibility(({ visible }) => visible && files.startIndexing()),
    treeView.onDidExpandElement(({ element }) => {
      if (element instanceof ProjectNode) void currentProject.use(element.ref);
      prepareForFramesOf(element, frames, store);
    }),
    currentProject,
    search,
    statusBar,
    vscode.window.registerUriHandler(uriHandler),
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
    registerCommand(COMMANDS.filterIssues, log, async (arg: unknown, query?: unknown) => {
      await filterIssues(arg, filters, query);
      const project = projectRefOf(arg);
      if (project) await currentProject.use(project);
    }),
    registerCommand(COMMANDS.sortIssues, log, (arg: unknown, sort?: unknown) => sortIssues(arg, filters, sort)),
    registerCommand(COMMANDS.openInBrowser, log, (arg: unknown) => openInBrowser(arg, pages)),
    registerCommand(COMMANDS.copyLink, log, (arg: unknown) => copyLink(arg, pages)),
    registerCommand(COMMANDS.copyShortId, log, (arg: unknown) => copyShortId(arg, data)),
    registerCommand(COMMANDS.openFrame, log, (arg: unknown) => openFrame(arg, frames, localFiles)),
    registerCommand(COMMANDS.openEvent, log, (arg?: unknown, options?: unknown) => openEvent(arg, events, options)),
    registerCommand(COMMANDS.copyEventAsMarkdown, log, (arg?: unknown) => copyEventAsMarkdown(arg, events)),
    registerCommand(COMMANDS.openEventFile, log, (arg?: unknown, selected?: unknown) => openEventFile(arg, selected, eventFiles)),
    registerCommand(COMMANDS.closeEventFile, log, (arg: unknown) => closeEventFile(arg, localFiles)),
    registerCommand(COMMANDS.toggleFrameOrder, log, toggleFrameOrder),
    registerCommand(COMMANDS.searchIssues, log, (args?: unknown) => search.show(args)),
    registerCommand(COMMANDS.openIssueOrEvent, log, (arg?: unknown) => openIssueOrEvent(arg, opening)),
    registerCommand(COMMANDS.resolveIssue, log, (arg: unknown) => runIssueAction(arg, { kind: 'resolve' }, actions)),
    registerCommand(COMMANDS.resolveIssueInNextRelease, log, (arg: unknown) => runIssueAction(arg, { kind: 'resolveInNextRelease' }, actions)),
    registerCommand(COMMANDS.unresolveIssue, log, (arg: unknown) => runIssueAction(arg, { kind: 'unresolve' }, actions)),
    registerCommand(COMMANDS.ignoreIssue, log, (arg: unknown, choice?: unknown) => ignoreIssue(arg, choice, actions)),
    registerCommand(COMMANDS.assignIssueToMe, log, (arg: unknown) => assignToMe(arg, actions)),
    registerCommand(COMMANDS.assignIssue, log, (arg: unknown, choice?: unknown) => assignIssue(arg, choice, actions)),
    registerCommand(COMMANDS.bookmarkIssue, log, (arg: unknown) => runIssueAction(arg, { kind: 'bookmark', bookmarked: true }, actions)),
    registerCommand(COMMANDS.unbookmarkIssue, log, (arg: unknown) => runIssueAction(arg, { kind: 'bookmark', bookmarked: false }, actions)),
    registerCommand(COMMANDS.downloadIssueEvents, log, (arg?: unknown) => downloadIssueEvents(arg, downloads)),
    onDidChangeConfig(LIST_SETTINGS, () => tree.reload()),
    onDidChangeConfig(DISPLAY_SETTINGS, () => tree.refresh()),
    onDidChangeConfig(STATUS_BAR_SETTINGS, () => statusBar.intervalChanged()),
  );
  return { session, data, tree, treeView, frames, decorations, lookups, search, statusBar, currentProject, uriHandler, panels, localFiles };
}

/** Shows an opened file's row in the Sentry view (opening the view if it is closed). */
async function revealLocalFile(tree: SentryTreeProvider, treeView: vscode.TreeView<unknown>, path: string): Promise<void> {
  const node = tree.localFiles?.fileNode(path);
  if (node) await treeView.reveal(node, { select: true, focus: false, expand: true });
}

export function deactivate(): void {}
