import * as vscode from 'vscode';
import { readConfig } from '../../config';
import type { Subscription } from '../../model/emitter';
import { PagedList } from '../../model/pagedList';
import { IssueRef, ProjectRef, issueKey, projectKey } from '../../model/refs';
import { issueListKey } from '../../model/store';
import type { IssueFilter } from '../issueFilterStore';
import { untrustedMarkdown } from '../tooltip';
import { projectTooltipMarkdown } from '../tooltipContent';
import { untrustedText } from '../untrustedText';
import { IssueNode } from './issueNode';
import { emptyIssuesText } from './listMessages';
import type { OrganizationNode } from './organizationNode';
import { listLogging, PagedChildren } from './pagedChildren';
import { PagedParentNode } from './pagedParentNode';
import type { TreeContext } from './treeContext';
import type { TreeNode } from './treeNode';

export class ProjectNode extends PagedParentNode<IssueRef> {
  readonly id: string;
  protected readonly children: PagedChildren<IssueRef>;
  private readonly subscriptions: Subscription[];
  /** Issues opened by link or search that are not among the loaded pages of the list, shown above it. */
  private readonly opened = new Map<string, IssueNode>();

  constructor(readonly ref: ProjectRef, readonly parent: OrganizationNode, private readonly context: TreeContext) {
    super();
    const project = context.store.project(ref);
    this.id = `${parent.id}/project:${project?.id ?? ref.project}`;
    const where = `project ${ref.org}/${ref.project}`;
    const list = new PagedList<IssueRef>(
      ({ cursor, refresh, signal }) => {
        const filter = this.filter;
        return context.data.listIssues({ org: ref.org }, { project: ref, query: filter.query, sort: filter.sort, cursor, limit: readConfig().pageSize }, { refresh, signal });
      },
      { keyOf: issueKey, lifetime: context.lifetime, ...listLogging(context.logger, 'issues', where) },
    );
    this.children = new PagedChildren(
      this,
      list,
      (issue) => new IssueNode(issue, this, context),
      { what: 'issues', where, empty: () => emptyIssuesText(this.filter.query) },
      (node) => context.refresh(node),
    );
    this.subscriptions = [
      context.rows.add(projectKey(ref), this),
      // An issue that leaves this list (or every list) leaves this node's rows.
      context.store.onDidRemoveIssue(({ ref: issue, list: fromList }) => {
        if (fromList === undefined || fromList === this.listKey) this.children.remove(issueKey(issue));
      }),
    ];
  }

  override async getChildren(): Promise<TreeNode[]> {
    const listed = await super.getChildren();
    const inList = new Set(this.children.list.items.map(issueKey));
    const opened = [...this.opened].filter(([key]) => !inList.has(key)).map(([, node]) => node);
    return [...opened, ...listed];
  }

  /**
   * The row of an issue of this project: its row in the loaded pages (the first page is loaded if
   * it was not), else a row added above the list that says it was opened — a user who opened it
   * expects to see it where it lives, whatever the list's filter or page.
   */
  async rowOf(issue: IssueRef): Promise<IssueNode> {
    const rows = await super.getChildren();
    const listed = rows.find((row): row is IssueNode => row instanceof IssueNode && row.ref.issueId === issue.issueId);
    if (listed) return listed;
    const key = issueKey(issue);
    let row = this.opened.get(key);
    if (!row) {
      row = new IssueNode(issue, this, this.context, true);
      this.opened.set(key, row);
      this.context.refresh(this);
    }
    return row;
  }

  override reset(): void {
    this.dropOpened();
    super.reset();
  }

  get filter(): IssueFilter {
    return this.context.filters.get(this.ref.org, this.ref.project);
  }

  /** The store's key for the list this node shows (the project's issues for its query and sort). */
  get listKey(): string {
    const filter = this.filter;
    return issueListKey(this.ref, filter.query, filter.sort);
  }

  getTreeItem(): vscode.TreeItem {
    const project = this.context.store.project(this.ref);
    const credentials = this.context.session.credentials;
    const isDefault = credentials?.project === this.ref.project && credentials.org === this.ref.org;
    const name = untrustedText(project?.name ?? this.ref.project, 120);
    const slug = untrustedText(this.ref.project, 120);
    const item = new vscode.TreeItem(name, isDefault ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const filter = this.filter;
    const defaults = readConfig();
    const custom = filter.query !== defaults.issueQuery || filter.sort !== defaults.issueSort;
    item.description = custom ? untrustedText(`${filter.query || 'all issues'} · by ${filter.sort}`, 120) : slug !== name ? slug : undefined;
    item.iconPath = new vscode.ThemeIcon('project');
    item.contextValue = 'project';
    item.tooltip = untrustedMarkdown(projectTooltipMarkdown(project?.name ?? this.ref.project, this.ref.project, filter.query, filter.sort));
    return item;
  }

  override dispose(): void {
    super.dispose();
    this.dropOpened();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private dropOpened(): void {
    for (const node of this.opened.values()) node.dispose();
    this.opened.clear();
  }
}
