import { readConfig, updateConfig } from '../config';
import { LoadMoreNode } from '../views/nodes/loadMoreNode';
import { MessageNode } from '../views/nodes/messageNode';
import type { TreeNode } from '../views/nodes/treeNode';

export async function loadMore(node: TreeNode): Promise<void> {
  if (node instanceof LoadMoreNode) await node.parent.loadMore();
}

export function retry(node: TreeNode): void {
  if (node instanceof MessageNode) node.retry();
}

export async function toggleFrameOrder(): Promise<void> {
  await updateConfig('frameOrder', readConfig().frameOrder === 'callerFirst' ? 'crashFirst' : 'callerFirst', 'global');
}
