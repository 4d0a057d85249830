import { promises as fs, realpathSync } from 'node:fs';
import * as vscode from 'vscode';
import { onDidChangeExcludeSettings, readExcludeSettings } from '../config';
import type { Logger } from '../sentry/http/logger';
import { DEFAULT_IGNORED_DIRECTORIES, ExcludeRules, FileChange, FileIndex, WorkspaceContainment, excludeRules } from '../source';
import { listFolder } from './folderListing';
import type { FrameJump } from './jumpProgress';

export type IndexPhase = 'idle' | 'listing' | 'indexing' | 'ready' | 'failed';

/** Watcher events are applied together once they stop coming for this long (a branch switch sends thousands). */
const SETTLE_MS = 150;

interface Build {
  promise: Promise<FileIndex>;
  cancel: vscode.CancellationTokenSource;
}

/**
 * The workspace's files as a `FileIndex`. Never built at activation: `startIndexing` begins in the background
 * (the Sentry view shown, an event opened) and a frame click joins the build in progress (`indexForJump`); while
 * it waits, `waitingText` says for what. Each folder is listed from the disk (`listFolder`), honouring `files.exclude`,
 * `search.exclude` and dependency / build-output / VCS folders. Kept current by a file watcher, its events
 * applied in batches without rebuilding.
 */
export class WorkspaceFiles implements vscode.Disposable {
  private build?: Build;
  private index?: FileIndex;
  private phase: IndexPhase = 'idle';
  private listed = 0;
  private timings = { listingMs: 0, indexingMs: 0 };
  private containmentCheck?: WorkspaceContainment;
  private readonly rules = new Map<string, ExcludeRules>();
  private readonly phaseChanged = new vscode.EventEmitter<void>();
  /** Fires when the index starts listing, starts indexing, is ready, fails or is dropped. */
  readonly onDidChangeStatus = this.phaseChanged.event;
  private readonly disposables: vscode.Disposable[] = [this.phaseChanged];
  private watching = false;
  private queued: Array<{ uri: vscode.Uri; deleted: boolean }> = [];
  private settleTimer?: NodeJS.Timeout;
  private flushing = Promise.resolve();

  constructor(private readonly logger: Logger) {
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.forget();
        this.containmentCheck = undefined;
      }),
      onDidChangeExcludeSettings(() => this.forget()),
    );
  }

  /** What the index is doing, how many files the last listing found, and how long listing and indexing took. */
  get status(): { phase: IndexPhase; listed: number; indexed: number; listingMs: number; indexingMs: number } {
    return { phase: this.phase, listed: this.listed, indexed: this.index?.size ?? 0, ...this.timings };
  }

  /**
   * The real-path check a file passes before a frame opens it (folder real paths read on first use, then kept).
   * One realpath(3) call on the host's thread: the thread pool's queue (busy with file watching, other
   * extensions' reads) made the asynchronous one wait 50–150 ms on a loaded machine.
   */
  containment(): WorkspaceContainment {
    this.containmentCheck ??= new WorkspaceContainment(
      this.folders.map((f) => f.path),
      async (path) => realpathSync.native(path),
    );
    return this.containmentCheck;
  }

  /** Begins listing and indexing in the background, unless that is done or under way. A failure is logged; the next use tries again. */
  startIndexing(): void {
    void this.getIndex().catch((error: unknown) => {
      if (!(error instanceof vscode.CancellationError)) this.logger.warn("Could not index the workspace's files", error);
    });
  }

  getIndex(): Promise<FileIndex> {
    this.watch();
    this.build ??= this.startBuild();
    return this.build.promise;
  }

  /** The index for a frame jump: joins the build in progress. Undefined when the user cancelled the jump (the build goes on). */
  indexForJump(jump?: FrameJump): Promise<FileIndex | undefined> {
    return jump ? jump.wait(this.joinBuild()) : this.joinBuild();
  }

  /** What a frame jump that shows progress is waiting for: "Indexing N workspace files…" while the index is built. */
  waitingText(): string {
    switch (this.phase) {
      case 'listing':
        return 'Indexing workspace files…';
      case 'indexing':
        return `Indexing ${this.listed.toLocaleString('en-US')} workspace files…`;
      default:
        return "Opening the frame's file…";
    }
  }

  /** The build in progress; when it is abandoned meanwhile (the folders changed), the one that replaces it. */
  private async joinBuild(): Promise<FileIndex> {
    try {
      return await this.getIndex();
    } catch (error) {
      if (error instanceof vscode.CancellationError) {
        return this.getIndex();
      }
      throw error;
    }
  }

  /** Drops the index (the workspace's folders or excludes changed): the next use lists the files again. */
  forget(): void {
    this.build?.cancel.cancel();
    this.build = undefined;
    this.index = undefined;
    this.listed = 0;
    this.rules.clear();
    this.setPhase('idle');
  }

  get folders(): Array<{ name: string; path: string }> {
    return this.fileFolders().map((f) => ({ name: f.name, path: f.uri.fsPath }));
  }

  private fileFolders(): vscode.WorkspaceFolder[] {
    return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  }

  private setPhase(phase: IndexPhase): void {
    this.phase = phase;
    this.phaseChanged.fire();
  }

  private startBuild(): Build {
    // The listing sees every change made before it starts; only those during the build still matter.
    this.queued = [];
    const cancel = new vscode.CancellationTokenSource();
    const build: Build = { cancel, promise: this.list(cancel.token) };
    build.promise.then(
      () => cancel.dispose(),
      () => {
        cancel.dispose();
        // A failed or abandoned build is not kept: the next click tries again.
        if (this.build === build) {
          this.build = undefined;
          this.setPhase('failed');
        }
      },
    );
    return build;
  }

  private async list(token: vscode.CancellationToken): Promise<FileIndex> {
    this.setPhase('listing');
    const listingStarted = performance.now();
    const folders = this.fileFolders();
    let lists: string[][];
    try {
      lists = await Promise.all(folders.map((folder) => listFolder(folder.uri.fsPath, '', this.rulesFor(folder), token)));
    } catch (error) {
      throw new Error(`Could not list the workspace's files: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (token.isCancellationRequested) {
      throw new vscode.CancellationError();
    }
    const paths = lists.length === 1 ? lists[0] : lists.flat();
    this.listed = paths.length;
    const indexingStarted = performance.now();
    this.setPhase('indexing');
    const index = new FileIndex(folders.map((f) => f.uri.fsPath));
    await index.addAllInSlices(paths, () => new Promise((resolve) => setImmediate(resolve)));
    if (token.isCancellationRequested) {
      throw new vscode.CancellationError();
    }
    this.index = index;
    this.timings = { listingMs: indexingStarted - listingStarted, indexingMs: performance.now() - indexingStarted };
    this.logger.info(
      `Indexed ${index.size} workspace files for frame clicks (listed in ${Math.round(this.timings.listingMs)} ms, indexed in ${Math.round(this.timings.indexingMs)} ms)`,
    );
    this.setPhase('ready');
    this.settleSoon();
    return index;
  }

  private rulesFor(folder: vscode.WorkspaceFolder): ExcludeRules {
    const key = folder.uri.toString();
    let rules = this.rules.get(key);
    if (!rules) {
      rules = excludeRules(readExcludeSettings(folder.uri), DEFAULT_IGNORED_DIRECTORIES);
      this.rules.set(key, rules);
    }
    return rules;
  }

  /** Started with the first index, so activation sets up nothing for workspaces where no frame is opened. */
  private watch(): void {
    if (this.watching) return;
    this.watching = true;
    const watcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.queue(uri, false)),
      watcher.onDidDelete((uri) => this.queue(uri, true)),
    );
  }

  private queue(uri: vscode.Uri, deleted: boolean): void {
    // Without a build under way or done, the next listing sees the change anyway.
    if (uri.scheme !== 'file' || !this.build) return;
    this.queued.push({ uri, deleted });
    this.settleSoon();
  }

  private settleSoon(): void {
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.flushing = this.flushing
        .then(() => this.flush())
        .catch((error: unknown) => {
          // The index may hold part of the batch: the next click lists the workspace again.
          this.logger.warn("Could not apply file changes to the workspace's index; it will be built again", error);
          this.forget();
        });
    }, SETTLE_MS);
  }

  /**
   * Applies the queued events in the order they came, in one batch. A created folder (renamed, or checked out
   * whole) is listed; created paths under an excluded folder are left out, as the listing leaves them out.
   * Events wait while the index is being built: the build's listing may or may not have seen them.
   */
  private async flush(): Promise<void> {
    const index = this.index;
    if (!index || this.queued.length === 0) return;
    const events = this.queued;
    this.queued = [];
    const kinds = await Promise.all(events.map((event) => (event.deleted ? undefined : kindOf(event.uri.fsPath))));
    const changes: FileChange[] = [];
    for (let i = 0; i < events.length; i++) {
      const { uri, deleted } = events[i];
      if (deleted) {
        changes.push({ path: uri.fsPath, deleted: true });
      } else if (kinds[i] === 'file' && !this.isExcluded(uri)) {
        changes.push({ path: uri.fsPath, deleted: false });
      } else if (kinds[i] === 'folder' && !this.isExcluded(uri)) {
        const folder = vscode.workspace.getWorkspaceFolder(uri);
        const found = folder ? await listFolder(uri.fsPath, vscode.workspace.asRelativePath(uri, false), this.rulesFor(folder)) : [];
        changes.push(...found.map((path) => ({ path, deleted: false })));
      }
    }
    if (this.index === index) {
      index.applyChanges(changes);
    }
  }

  private isExcluded(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return true;
    const relative = vscode.workspace.asRelativePath(uri, false);
    return this.rulesFor(folder).excludes(relative);
  }

  dispose(): void {
    clearTimeout(this.settleTimer);
    this.build?.cancel.cancel();
    for (const d of this.disposables) d.dispose();
  }
}

async function kindOf(path: string): Promise<'file' | 'folder' | undefined> {
  try {
    const stat = await fs.stat(path);
    return stat.isDirectory() ? 'folder' : stat.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}
