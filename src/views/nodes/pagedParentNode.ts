import type * as vscode from 'vscode';
import type { Pageable } from './loadMoreNode';
import type { PagedChildren } from './pagedChildren';
import type { TreeNode } from './treeNode';

/** A node whose children are one paged list (organizations' projects, projects' issues, issues' events). */
export abstract class PagedParentNode<R> implements Pageable {
  abstract readonly id: string;
  protected abstract readonly children: PagedChildren<R>;

  abstract getTreeItem(): vscode.TreeItem;

  getChildren(): Promise<TreeNode[]> {
    return this.children.render();
  }

  loadMore(): Promise<void> {
    return this.children.loadMore();
  }

  /** Forget the loaded pages; the next expansion asks Sentry again. */
  reset(): void {
    this.children.reload();
  }

  cancelLoad(): void {
    this.children.cancel();
  }

  dispose(): void {
    this.children.dispose();
  }
}
