import * as vscode from 'vscode';
import type { Session } from '../auth/session';
import { COMMANDS, CONTEXT_KEYS } from '../constants';
import type { Subscription } from '../model/emitter';
import type { LocalEventFiles } from '../model/localEventFiles';
import { PagedList } from '../model/pagedList';
import { OrgRef, ProjectRef, orgKey, projectKey } from '../model/refs';
import { rerenderIssueRows, RowIndex } from '../model/rowIndex';
import type { SentryData } from '../model/sentryData';
import type { SentryStore } from '../model/store';
import type { Logger } from '../sentry/http/logger';
import type { IssueFilterStore } from './issueFilterStore';
import { ActionNode } from './nodes/actionNode';
import { LocalFilesNode } from './nodes/localFilesNode';
import type { Pageable } from './nodes/loadMoreNode';
import { MessageNode } from './nodes/messageNode';
import { OrganizationNode } from './nodes/organizationNode';
import { listLogging, PagedChildren } from './nodes/pagedChildren';
import type { TreeContext } from './nodes/treeContext';
import type { TreeNode } from './nodes/treeNode';
import { tokenProblemRows } from './nodes/tokenProblemRows';
import { untrustedText } from './untrustedText';

const ROOT_ID = 'root';

/**
 * The Sentry tree. It only forwards to nodes; the root's organizations are the one list it owns.
 * Returns no root rows while signed out, so the welcome view (keyed on `sentry.authState`) shows;
 * a discovered token that failed its check shows what to do as rows (the view's message says why).
 * A change to an issue in the store re-renders exactly the rows showing it.
 */
export class SentryTreeProvider implements vscode.TreeDataProvider<TreeNode>, TreeContext, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly rows = new RowIndex<TreeNode>();
  readonly store: SentryStore;
  private generation = new AbortController();
  private root: PagedChildren<OrgRef>;
  private readonly disposables: Array<vscode.Disposable | Subscription> = [];
  /** Event files the user opened, first in the tree when there are any (they outlive reloads: they are not Sentry's). */
  readonly localFiles?: LocalFilesNode;

  constructor(readonly session: Session, readonly data: SentryData, readonly filters: IssueFilterStore, readonly logger: Logger, files?: LocalEventFiles) {
    this.store = data.store;
    this.root = this.createRoot();
    this.disposables.push(
      session.onDidChange(() => this.reload()),
      rerenderIssueRows(this.store, this.rows, (rows) => this.changed.fire(rows)),
    );
    if (files) {
      this.localFiles = new LocalFilesNode({ files, logger, refresh: (node) => this.refresh(node) });
      this.disposables.push(files.onDidChange(() => this.changed.fire(undefined)));
    }
  }

  /** Aborted when the tree reloads: every list and event load started before stops. */
  get lifetime(): AbortSignal {
    return this.generation.signal;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    try {
      return node.getTreeItem();
    } catch (error) {
      this.logger.error('Could not show a row of the tree', error);
      const item = new vscode.TreeItem(untrustedText(`Could not show this item: ${error instanceof Error ? error.message : String(error)}`, 200));
      item.iconPath = new vscode.ThemeIcon('warning');
      return item;
    }
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    const rows = await this.rowsOf(node);
    const local = this.localFiles;
    if (node || !local?.hasFiles) return rows;
    // Signed out, the welcome view (and its Sign In) shows only in an empty tree: offer it as a row.
    const signIn = rows.length === 0 && this.session.state === 'signedOut' ? [new ActionNode(undefined, 'Sign In to Browse Sentry…', COMMANDS.signIn, 'sign-in')] : [];
    return [local, ...rows, ...signIn];
  }

  private async rowsOf(node?: TreeNode): Promise<TreeNode[]> {
    try {
      if (node) return node.getChildren ? await node.getChildren() : [];
      await this.session.ensureLoaded();
      if (this.session.state === 'unusable') return tokenProblemRows();
      if (this.session.state !== 'signedIn') return [];
      const root = this.root;
      const children = await root.render();
      const noOrganizations = root.list.isLoaded && root.list.items.length === 0 && !root.list.error;
      void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.noOrganizations, noOrganizations);
      // A 401 while loading switched the view to the sign-in welcome; show it, not stale rows.
      if (this.session.state !== 'signedIn' || noOrganizations) return [];
      return children;
    } catch (error) {
      this.logger.error("Could not list the tree's rows", error);
      return [MessageNode.fromError(node, error, () => this.refresh(node))];
    }
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent?.id === ROOT_ID ? undefined : node.parent;
  }

  refresh(node?: TreeNode): void {
    this.changed.fire(node);
  }

  /** A node was collapsed: stop loading its children. */
  collapsed(node: TreeNode): void {
    node.cancelLoad?.();
  }

  /** Stops every load in flight; the rows stay until the next reload. */
  cancelLoads(): void {
    this.generation.abort();
  }

  /** A project's issues again from Sentry (its filter or sort changed): every row showing the project. */
  resetProject(ref: ProjectRef): void {
    for (const row of this.rows.rowsOf(projectKey(ref))) row.reset?.();
  }

  /** Everything again from the server: loads in flight stopped, cache and store dropped, every loaded list forgotten. */
  reload(): void {
    this.generation.abort();
    this.generation = new AbortController();
    this.session.client?.clearCache();
    this.root.dispose();
    this.rows.clear();
    this.store.clear();
    this.root = this.createRoot();
    this.changed.fire(undefined);
  }

  private createRoot(): PagedChildren<OrgRef> {
    const rootNode: Pageable = {
      id: ROOT_ID,
      getTreeItem: () => new vscode.TreeItem('Sentry'),
      loadMore: () => this.root.loadMore(),
    };
    const list = new PagedList<OrgRef>(({ cursor, refresh, signal }) => this.data.listOrganizations(cursor, { refresh, signal }), {
      keyOf: orgKey,
      lifetime: this.lifetime,
      ...listLogging(this.logger, 'organizations', 'the server'),
    });
    return new PagedChildren(
      rootNode,
      list,
      (org) => new OrganizationNode(org, this),
      { what: 'organizations', where: 'the server', empty: () => 'No organizations.' },
      () => this.changed.fire(undefined),
    );
  }

  dispose(): void {
    this.generation.abort();
    this.root.dispose();
    this.changed.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
