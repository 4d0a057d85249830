import * as vscode from 'vscode';
import type { Organization, Project } from '../../sentry/api/types';
import { untrustedText } from '../untrustedText';
import { logListEnd, PagedChildren } from './pagedChildren';
import { PagedList } from './pagedList';
import { PagedParentNode } from './pagedParentNode';
import { ProjectNode } from './projectNode';
import type { TreeContext } from './treeContext';

export class OrganizationNode extends PagedParentNode<Project> {
  readonly id: string;
  readonly parent = undefined;
  protected readonly children: PagedChildren<Project>;

  constructor(readonly organization: Organization, private readonly context: TreeContext) {
    super();
    this.id = `org:${organization.slug}`;
    const list = new PagedList<Project>(
      async ({ cursor, refresh, signal }) => {
        const client = context.session.client;
        if (!client) return { items: [] };
        return client.listProjects(organization.slug, { cursor }, { refresh, signal });
      },
      {
        keyOf: (project) => project.id,
        lifetime: context.lifetime,
        onEnd: (end) => logListEnd(context.log, 'projects', `organization ${organization.slug}`, end),
      },
    );
    this.children = new PagedChildren(
      this,
      list,
      (project) => new ProjectNode(project, this, context),
      { what: 'projects', empty: () => 'No projects you can see in this organization.' },
      (node) => context.refresh(node),
    );
  }

  getTreeItem(): vscode.TreeItem {
    // The organization named by SENTRY_ORG or .sentryclirc opens by itself.
    const isDefault = this.context.session.credentials?.org === this.organization.slug;
    const name = untrustedText(this.organization.name, 120);
    const slug = untrustedText(this.organization.slug, 120);
    const item = new vscode.TreeItem(name, isDefault ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = slug !== name ? slug : undefined;
    item.iconPath = new vscode.ThemeIcon('organization');
    item.contextValue = 'organization';
    item.tooltip = `${name} (${slug})`;
    return item;
  }
}
