import * as vscode from 'vscode';
import { DEFAULT_IGNORED_DIRECTORIES, FileIndex, WorkspaceContainment } from '../source';

/**
 * The workspace's files as a `FileIndex`: built once, on the first frame opened (not at
 * activation), then kept current by a file watcher.
 */
export class WorkspaceFiles implements vscode.Disposable {
  private index?: Promise<FileIndex>;
  private containmentCheck?: WorkspaceContainment;
  private readonly disposables: vscode.Disposable[] = [];
  private watching = false;

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.index = undefined;
        this.containmentCheck = undefined;
      }),
    );
  }

  /** The real-path check a file passes before a frame opens it (folder real paths read on first use, then kept). */
  containment(): WorkspaceContainment {
    this.containmentCheck ??= new WorkspaceContainment(this.folders.map((f) => f.path));
    return this.containmentCheck;
  }

  getIndex(): Promise<FileIndex> {
    this.watch();
    this.index ??= this.build();
    return this.index;
  }

  /** Started with the first index, so activation sets up nothing for workspaces where no frame is opened. */
  private watch(): void {
    if (this.watching) return;
    this.watching = true;
    const watcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.whenBuilt((index) => uri.scheme === 'file' && index.add(uri.fsPath))),
      // A deleted folder is one event for all the files below it.
      watcher.onDidDelete((uri) => this.whenBuilt((index) => index.remove(uri.fsPath) || index.removeFolder(uri.fsPath))),
    );
  }

  get folders(): Array<{ name: string; path: string }> {
    return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => ({ name: f.name, path: f.uri.fsPath }));
  }

  private async build(): Promise<FileIndex> {
    const exclude = `**/{${DEFAULT_IGNORED_DIRECTORIES.join(',')}}/**`;
    const uris = await vscode.workspace.findFiles('**/*', exclude);
    return new FileIndex(
      this.folders.map((f) => f.path),
      uris.filter((uri) => uri.scheme === 'file').map((uri) => uri.fsPath),
    );
  }

  private whenBuilt(action: (index: FileIndex) => unknown): void {
    void this.index?.then(action, () => undefined);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
