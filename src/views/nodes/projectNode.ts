import * as vscode from 'vscode';
import type { Issue, Project } from '../../sentry/api/types';
import { readConfig } from '../../config';
import { untrustedMarkdown } from '../tooltip';
import { projectTooltipMarkdown } from '../tooltipContent';
import { untrustedText } from '../untrustedText';
import { IssueNode } from './issueNode';
import { emptyIssuesText } from './listMessages';
import type { OrganizationNode } from './organizationNode';
import { logListEnd, PagedChildren } from './pagedChildren';
import { PagedList } from './pagedList';
import { PagedParentNode } from './pagedParentNode';
import type { TreeContext } from './treeContext';

export class ProjectNode extends PagedParentNode<Issue> {
  readonly id: string;
  protected readonly children: PagedChildren<Issue>;

  constructor(readonly project: Project, readonly parent: OrganizationNode, private readonly context: TreeContext) {
    super();
    this.id = `${parent.id}/project:${project.id}`;
    const list = new PagedList<Issue>(
      async ({ cursor, refresh, signal }) => {
        const client = context.session.client;
        if (!client) return { items: [] };
        const filter = this.filter;
        return client.listIssues(
          this.orgSlug,
          { project: project.id, query: filter.query, sort: filter.sort, cursor, limit: readConfig().pageSize },
          { refresh, signal },
        );
      },
      {
        keyOf: (issue) => issue.id,
        lifetime: context.lifetime,
        onEnd: (end) => logListEnd(context.log, 'issues', `project ${this.orgSlug}/${project.slug}`, end),
      },
    );
    this.children = new PagedChildren(
      this,
      list,
      (issue) => new IssueNode(issue, this, context),
      { what: 'issues', empty: () => emptyIssuesText(this.filter.query) },
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
    const name = untrustedText(this.project.name, 120);
    const slug = untrustedText(this.project.slug, 120);
    const item = new vscode.TreeItem(name, isDefault ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const filter = this.filter;
    const defaults = readConfig();
    const custom = filter.query !== defaults.issueQuery || filter.sort !== defaults.issueSort;
    item.description = custom ? untrustedText(`${filter.query || 'all issues'} · by ${filter.sort}`, 120) : slug !== name ? slug : undefined;
    item.iconPath = new vscode.ThemeIcon('project');
    item.contextValue = 'project';
    item.tooltip = untrustedMarkdown(projectTooltipMarkdown(this.project.name, this.project.slug, filter.query, filter.sort));
    return item;
  }
}
