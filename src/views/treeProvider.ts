import * as vscode from 'vscode';
import type { Session } from '../auth/session';
import type { Organization } from '../sentry/types';
import { CONTEXT_KEYS } from './ids';
import type { IssueFilterStore } from './issueFilterStore';
import { Pageable } from './nodes/loadMoreNode';
import { MessageNode } from './nodes/messageNode';
import { OrganizationNode } from './nodes/organizationNode';
import { PagedChildren } from './nodes/pagedChildren';
import { PagedList } from './nodes/pagedList';
import type { TreeContext } from './nodes/treeContext';
import type { TreeNode } from './nodes/treeNode';

const ROOT_ID = 'root';

/**
 * The Sentry tree. It only forwards to nodes; the root's organizations are the one list it owns.
 * Returns no root rows while signed out, so the welcome view (keyed on `sentry.authState`) shows.
 */
export class SentryTreeProvider implements vscode.TreeDataProvider<TreeNode>, TreeContext, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private root = this.createRoot();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly session: Session, readonly filters: IssueFilterStore) {
    this.disposables.push(session.onDidChange(() => this.reload()));
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    try {
      return node.getTreeItem();
    } catch (error) {
      const item = new vscode.TreeItem(`Could not show this item: ${error instanceof Error ? error.message : String(error)}`);
      item.iconPath = new vscode.ThemeIcon('warning');
      return item;
    }
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    try {
      if (node) return node.getChildren ? await node.getChildren() : [];
      await this.session.ensureLoaded();
      if (this.session.state !== 'signedIn') return [];
      const children = await this.root.render();
      const noOrganizations = this.root.list.items.length === 0 && !this.root.list.error;
      void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.noOrganizations, noOrganizations);
      // A 401 while loading switched the view to the sign-in welcome; show it, not stale rows.
      if (this.session.state !== 'signedIn' || noOrganizations) return [];
      return children;
    } catch (error) {
      return [MessageNode.fromError(node, error, () => this.refresh(node))];
    }
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent?.id === ROOT_ID ? undefined : node.parent;
  }

  refresh(node?: TreeNode): void {
    this.changed.fire(node);
  }

  /** Everything again from the server: cache dropped, every loaded list forgotten. */
  reload(): void {
    this.session.client?.clearCache();
    this.root = this.createRoot();
    this.changed.fire(undefined);
  }

  private createRoot(): PagedChildren<Organization> {
    const rootNode: Pageable = {
      id: ROOT_ID,
      getTreeItem: () => new vscode.TreeItem('Sentry'),
      loadMore: () => this.root.loadMore(),
    };
    const list = new PagedList<Organization>(async (cursor, refresh) => {
      const client = this.session.client;
      if (!client) return { items: [] };
      return client.listOrganizations({ cursor }, { refresh });
    });
    return new PagedChildren(
      rootNode,
      list,
      (org) => org.slug,
      (org) => new OrganizationNode(org, this),
      { what: 'organizations', empty: () => 'No organizations.' },
      () => this.changed.fire(undefined),
    );
  }

  dispose(): void {
    this.changed.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
