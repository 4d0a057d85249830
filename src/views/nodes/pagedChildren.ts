import type { PagedList } from '../../model/pagedList';
import type { ListEnd } from '../../sentry/http/page';
import type { Logger } from '../../sentry/http/logger';
import { listEndText } from './listMessages';
import { LoadMoreNode, Pageable } from './loadMoreNode';
import { MessageNode } from './messageNode';
import type { TreeNode } from './treeNode';

export interface PagedChildrenLabels {
  /** "issues", "events": what the list holds. */
  what: string;
  /** "project demo/api-server": where, for the log. */
  where: string;
  empty(): string;
}

/**
 * The one adapter between a paged list of refs and the tree: one node per loaded item (kept across
 * re-renders so their own state survives), then "Load more…", the error of the last page, or the
 * row that says why the list stops early; a message when the first page failed or came back empty.
 * The root, organizations, projects and issues all show their lists through it.
 */
export class PagedChildren<R> {
  private readonly nodes = new Map<string, TreeNode>();

  constructor(
    private readonly owner: Pageable,
    readonly list: PagedList<R>,
    private readonly makeNode: (item: R) => TreeNode,
    private readonly labels: PagedChildrenLabels,
    private readonly refresh: (node: TreeNode) => void,
  ) {}

  async render(): Promise<TreeNode[]> {
    await this.list.ensureLoaded();
    if (!this.list.isLoaded) {
      return [new MessageNode(this.owner, `Not loaded: loading the ${this.labels.what} was cancelled. Click to load.`, { retry: () => this.refresh(this.owner), icon: 'debug-restart', key: 'cancelled' })];
    }
    if (this.list.error) {
      return [MessageNode.fromError(this.owner, this.list.error, () => this.reload())];
    }
    const children: TreeNode[] = this.list.items.map((item) => {
      const key = this.list.keyOf(item);
      let node = this.nodes.get(key);
      if (!node) {
        node = this.makeNode(item);
        this.nodes.set(key, node);
      }
      return node;
    });
    if (children.length === 0) children.push(new MessageNode(this.owner, this.labels.empty(), { key: 'empty' }));
    if (this.list.moreError) {
      children.push(MessageNode.fromError(this.owner, this.list.moreError, () => void this.loadMore()));
    } else if (this.list.nextCursor) {
      children.push(new LoadMoreNode(this.owner, this.labels.what, this.list.isLoadingMore));
    } else if (this.list.end) {
      children.push(new MessageNode(this.owner, listEndText(this.list.end), { icon: 'warning', key: 'end' }));
    }
    return children;
  }

  /** Appends the next page; the row shows "Loading…" meanwhile, and a second click joins the first. */
  async loadMore(): Promise<void> {
    const loading = this.list.loadMore();
    if (this.list.isLoadingMore) this.refresh(this.owner);
    await loading;
    this.refresh(this.owner);
  }

  /** Fetch again past the cache, keeping nothing; a load in flight is discarded. */
  reload(): void {
    this.list.reset(true);
    this.dropNodes();
    this.refresh(this.owner);
  }

  /** Takes one item out of the list and its row out of the tree. */
  remove(key: string): void {
    if (!this.list.remove(key)) return;
    this.nodes.get(key)?.dispose?.();
    this.nodes.delete(key);
    this.refresh(this.owner);
  }

  /** Stops a load in flight (the node was collapsed); the next expansion loads again. */
  cancel(): void {
    if (this.list.cancel()) this.refresh(this.owner);
  }

  dispose(): void {
    this.dropNodes();
  }

  private dropNodes(): void {
    for (const node of this.nodes.values()) node.dispose?.();
    this.nodes.clear();
  }
}

/** What a paged list tells the log: why it stopped early, and each load that failed, with its cause. */
export function listLogging(logger: Logger, what: string, where: string): { onEnd(end: ListEnd): void; onError(error: unknown): void } {
  return {
    onEnd: (end) => logger.warn(`The ${what} of ${where} stop early: ${listEndText(end)}`),
    onError: (error) => logger.warn(`Could not load the ${what} of ${where}; the tree shows the error.`, error),
  };
}
