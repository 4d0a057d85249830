import type { Session } from '../../auth/session';
import type { IssueFilterStore } from '../issueFilterStore';
import type { Logger } from '../../sentry/http/logger';
import type { TreeNode } from './treeNode';

/** What nodes need from the rest of the extension. */
export interface TreeContext {
  readonly session: Session;
  readonly filters: IssueFilterStore;
  readonly log: Logger;
  /** Aborted when the tree is reloaded: every load started under it stops. */
  readonly lifetime: AbortSignal;
  refresh(node?: TreeNode): void;
}
