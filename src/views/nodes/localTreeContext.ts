import type { LocalEventFiles } from '../../model/localEventFiles';
import type { Logger } from '../../sentry/http/logger';
import type { TreeNode } from './treeNode';

/** What the "Local files" rows need: the opened files, the log, and a way to re-render a row. */
export interface LocalTreeContext {
  readonly files: LocalEventFiles;
  readonly logger: Logger;
  refresh(node?: TreeNode): void;
}
