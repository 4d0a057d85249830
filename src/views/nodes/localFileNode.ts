import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { EventFile } from '../../sentry/event/eventFile';
import { count } from '../eventDetail/displayText';
import { fieldsMarkdown, markdownText } from '../markdown';
import { untrustedMarkdown } from '../tooltip';
import { untrustedText } from '../untrustedText';
import { LoadMoreNode, type Pageable } from './loadMoreNode';
import { LocalEventNode } from './localEventNode';
import type { LocalTreeContext } from './localTreeContext';
import { MessageNode } from './messageNode';
import type { TreeNode } from './treeNode';

/** Event rows shown at once; a file of more events pages with "Load more…" (an NDJSON export can hold many thousands). */
export const LOCAL_EVENTS_PAGE = 200;

/** One opened event file: its events from the file's index of summaries (nothing parsed until an event is expanded or opened). */
export class LocalFileNode implements Pageable {
  readonly id: string;
  private shown = LOCAL_EVENTS_PAGE;

  constructor(
    readonly path: string,
    readonly file: EventFile,
    readonly parent: TreeNode,
    private readonly context: LocalTreeContext,
  ) {
    this.id = `${parent.id}/file:${path}`;
  }

  getTreeItem(): vscode.TreeItem {
    const total = this.file.summaries.length;
    const item = new vscode.TreeItem(untrustedText(basename(this.path), 120), vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.resourceUri = vscode.Uri.file(this.path);
    item.iconPath = vscode.ThemeIcon.File;
    const skipped = this.file.problems.length;
    item.description = [`${count(total)} event${total === 1 ? '' : 's'}`, this.file.format === 'ndjson' ? 'NDJSON' : undefined, skipped > 0 ? `${count(skipped)} skipped` : undefined]
      .filter(Boolean)
      .join(' · ');
    item.contextValue = 'localFile';
    const notes = this.file.problems.slice(0, 5).map((problem) => `- ${markdownText(problem, 300)}`);
    item.tooltip = untrustedMarkdown([fieldsMarkdown(basename(this.path), [['File', this.path], ['Events', String(total)]]), ...(notes.length > 0 ? [`Skipped:\n\n${notes.join('\n')}`] : [])].join('\n\n'));
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    const rows: TreeNode[] = [];
    const problems = this.file.problems;
    if (problems.length > 0) {
      const first = problems[0];
      const more = problems.length > 1 ? ` (and ${count(problems.length - 1)} more)` : '';
      rows.push(new MessageNode(this, `${first}${more}`, { icon: 'warning', key: 'problems', detail: problems.slice(0, 20).join('\n') }));
    }
    const summaries = this.file.summaries;
    const end = Math.min(summaries.length, this.shown);
    for (let index = 0; index < end; index++) rows.push(new LocalEventNode({ file: this.path, index }, summaries[index], this, this.context));
    if (end < summaries.length) rows.push(new LoadMoreNode(this, `events of ${untrustedText(basename(this.path), 80)}`));
    return rows;
  }

  async loadMore(): Promise<void> {
    this.shown += LOCAL_EVENTS_PAGE;
    this.context.refresh(this);
  }
}
