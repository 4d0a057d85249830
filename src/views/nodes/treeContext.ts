import type { Session } from '../../auth/session';
import type { IssueFilterStore } from '../issueFilterStore';
import type { TreeNode } from './treeNode';

/** What nodes need from the rest of the extension. */
export interface TreeContext {
  readonly session: Session;
  readonly filters: IssueFilterStore;
  refresh(node?: TreeNode): void;
}
