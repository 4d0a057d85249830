import { toggleFrameOrderSetting } from '../config';
import { LoadMoreNode } from '../views/nodes/loadMoreNode';
import { MessageNode } from '../views/nodes/messageNode';
import type { TreeNode } from '../views/nodes/treeNode';

export async function loadMore(node: TreeNode): Promise<void> {
  if (node instanceof LoadMoreNode) await node.parent.loadMore();
}

export function retry(node: TreeNode): void {
  if (node instanceof MessageNode) node.retry();
}

export function toggleFrameOrder(): Promise<void> {
  return toggleFrameOrderSetting();
}
