import * as vscode from 'vscode';
import type { Issue, Project } from '../../sentry/types';
import { readSettings } from '../settings';
import { IssueNode } from './issueNode';
import type { OrganizationNode } from './organizationNode';
import { PagedChildren } from './pagedChildren';
import { PagedList } from './pagedList';
import { PagedParentNode } from './pagedParentNode';
import type { TreeContext } from './treeContext';

export class ProjectNode extends PagedParentNode<Issue> {
  readonly id: string;
  protected readonly children: PagedChildren<Issue>;

  constructor(readonly project: Project, readonly parent: OrganizationNode, private readonly context: TreeContext) {
    super();
    this.id = `${parent.id}/project:${project.id}`;
    const list = new PagedList<Issue>(async (cursor, refresh) => {
      const client = context.session.client;
      if (!client) return { items: [] };
      const filter = this.filter;
      return client.listIssues(
        this.orgSlug,
        { project: project.id, query: filter.query, sort: filter.sort, cursor, limit: readSettings().pageSize },
        { refresh },
      );
    });
    this.children = new PagedChildren(
      this,
      list,
      (issue) => issue.id,
      (issue) => new IssueNode(issue, this, context),
      { what: 'issues', empty: () => (this.filter.query ? `No issues match "${this.filter.query}".` : 'No issues.') },
      (node) => context.refresh(node),
    );
  }

  get orgSlug(): string {
    return this.parent.organization.slug;
  }

  get filter() {
    return this.context.filters.get(this.orgSlug, this.project.slug);
  }

  getTreeItem(): vscode.TreeItem {
    const credentials = this.context.session.credentials;
    const isDefault = credentials?.project === this.project.slug && credentials.org === this.orgSlug;
    const item = new vscode.TreeItem(this.project.name, isDefault ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const filter = this.filter;
    const defaults = readSettings();
    const custom = filter.query !== defaults.issueQuery || filter.sort !== defaults.issueSort;
    item.description = custom ? `${filter.query || 'all issues'} · by ${filter.sort}` : this.project.slug !== this.project.name ? this.project.slug : undefined;
    item.iconPath = new vscode.ThemeIcon('project');
    item.contextValue = 'project';
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`${this.project.name} (${this.project.slug})`);
    tooltip.appendMarkdown('\n\nIssues: ');
    tooltip.appendText(`${filter.query || '(all)'}, sorted by ${filter.sort}`);
    item.tooltip = tooltip;
    return item;
  }
}
