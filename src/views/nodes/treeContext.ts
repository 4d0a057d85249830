import type { Session } from '../../auth/session';
import type { RowIndex } from '../../model/rowIndex';
import type { SentryData } from '../../model/sentryData';
import type { SentryStore } from '../../model/store';
import type { Logger } from '../../sentry/http/logger';
import type { IssueFilterStore } from '../issueFilterStore';
import type { TreeNode } from './treeNode';

/** What nodes need from the rest of the extension. */
export interface TreeContext {
  readonly session: Session;
  readonly data: SentryData;
  readonly store: SentryStore;
  readonly filters: IssueFilterStore;
  readonly logger: Logger;
  /** The rows showing each issue and project, by ref key: a change re-renders exactly those. */
  readonly rows: RowIndex<TreeNode>;
  /** Aborted when the tree is reloaded: every load started under it stops. */
  readonly lifetime: AbortSignal;
  refresh(node?: TreeNode): void;
}
