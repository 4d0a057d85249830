import { LoadMoreNode, Pageable } from './loadMoreNode';
import { MessageNode } from './messageNode';
import type { PagedList } from './pagedList';
import type { TreeNode } from './treeNode';

/**
 * Children of a node that owns a paged list: one node per loaded item (kept across re-renders so
 * their own state survives), then "Load more…" or the error of the last page, or a message when
 * the first page failed or came back empty.
 */
export class PagedChildren<T> {
  private readonly nodes = new Map<string, TreeNode>();

  constructor(
    private readonly owner: Pageable,
    readonly list: PagedList<T>,
    private readonly keyOf: (item: T) => string,
    private readonly makeNode: (item: T) => TreeNode,
    private readonly labels: { what: string; empty: () => string },
    private readonly refresh: (node: TreeNode) => void,
  ) {}

  async render(): Promise<TreeNode[]> {
    await this.list.ensureLoaded();
    if (this.list.error) {
      return [MessageNode.fromError(this.owner, this.list.error, () => this.reload())];
    }
    const children: TreeNode[] = this.list.items.map((item) => {
      const key = this.keyOf(item);
      let node = this.nodes.get(key);
      if (!node) {
        node = this.makeNode(item);
        this.nodes.set(key, node);
      }
      return node;
    });
    if (children.length === 0) return [new MessageNode(this.owner, this.labels.empty(), { key: 'empty' })];
    if (this.list.moreError) {
      children.push(MessageNode.fromError(this.owner, this.list.moreError, () => void this.loadMore()));
    } else if (this.list.nextCursor) {
      children.push(new LoadMoreNode(this.owner, this.labels.what));
    }
    return children;
  }

  async loadMore(): Promise<void> {
    await this.list.loadMore();
    this.refresh(this.owner);
  }

  /** Fetch again past the cache, keeping nothing. */
  reload(): void {
    this.list.reset(true);
    this.nodes.clear();
    this.refresh(this.owner);
  }
}
