import type * as vscode from 'vscode';
import type { IssueRef } from '../model/refs';
import type { PinnedEvent, SentryData } from '../model/sentryData';
import { IssueNode } from './nodes/issueNode';
import { LoadMoreNode } from './nodes/loadMoreNode';
import { OrganizationNode } from './nodes/organizationNode';
import { ProjectNode } from './nodes/projectNode';
import type { TreeNode } from './nodes/treeNode';
import type { SentryTreeProvider } from './treeProvider';

const MAX_PROJECT_PAGES = 10;
/** VS Code applies a tree change after a short debounce; a row just added may not be known yet. */
const REVEAL_ATTEMPTS = 4;
const REVEAL_RETRY_MS = 250;

/**
 * Shows an issue where it lives in the tree: organization → project → issue, each list loaded
 * through the tree's own nodes (so through the data service, one request per page not yet
 * loaded), then selected and focused. An issue not among the loaded pages of its project's list is
 * added above it, marked as opened.
 */
export class TreeReveal {
  constructor(
    private readonly tree: SentryTreeProvider,
    private readonly view: vscode.TreeView<TreeNode>,
    private readonly data: SentryData,
  ) {}

  /** Reveals, selects and expands the issue's row. */
  async revealIssue(ref: IssueRef, options: { signal?: AbortSignal } = {}): Promise<IssueNode> {
    const row = await this.issueRow(ref, options);
    await this.reveal(row, { select: true, focus: true, expand: true });
    return row;
  }

  /** Reveals and expands one event row of the issue: latest, oldest, recommended, or one by its id. */
  async revealEvent(ref: IssueRef, which: PinnedEvent | { eventId: string }): Promise<TreeNode> {
    const issueRow = await this.issueRow(ref, {});
    await this.reveal(issueRow, { select: false, focus: false, expand: true });
    const row = typeof which === 'string' ? issueRow.pinnedRow(which) : await this.eventRow(issueRow, which.eventId);
    await this.reveal(row, { select: true, focus: true, expand: true });
    return row;
  }

  private async issueRow(ref: IssueRef, options: { signal?: AbortSignal }): Promise<IssueNode> {
    const issue = await this.data.getIssue(ref, options);
    const projectSlug = issue.projectSlug;
    if (!projectSlug) throw new Error(`Sentry did not say which project issue ${issue.shortId} belongs to, so it cannot be shown in the tree.`);
    const org = (await this.tree.getChildren()).find((node): node is OrganizationNode => node instanceof OrganizationNode && node.ref.org === ref.org);
    if (!org) throw new Error(`Organization ${ref.org} is not in the Sentry view (is the view signed in to another server?).`);
    const project = await this.projectRow(org, projectSlug);
    return project.rowOf(ref);
  }

  /** The project's row, following "Load more…" of the organization's projects a few pages at most. */
  private async projectRow(org: OrganizationNode, slug: string): Promise<ProjectNode> {
    for (let page = 0; page < MAX_PROJECT_PAGES; page++) {
      const rows = await this.tree.getChildren(org);
      const found = rows.find((node): node is ProjectNode => node instanceof ProjectNode && node.ref.project === slug);
      if (found) return found;
      if (!rows.some((node) => node instanceof LoadMoreNode)) break;
      await org.loadMore();
    }
    throw new Error(`Project ${slug} is not among the projects of ${org.ref.org} in the Sentry view.`);
  }

  /** An event already shown under the issue (pinned and loaded, or on a loaded page), else a row for it. */
  private async eventRow(issueRow: IssueNode, eventId: string): Promise<TreeNode> {
    const rows = await this.tree.getChildren(issueRow);
    const shown = rows.find((node) => node.ref !== undefined && 'eventId' in node.ref && node.ref.eventId === eventId);
    return shown ?? issueRow.openedRow(eventId);
  }

  private async reveal(row: TreeNode, options: { select: boolean; focus: boolean; expand: boolean }): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.view.reveal(row, options);
        return;
      } catch (error) {
        if (attempt >= REVEAL_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, REVEAL_RETRY_MS));
      }
    }
  }
}
