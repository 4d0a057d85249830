import * as vscode from 'vscode';
import { PagedList } from '../../model/pagedList';
import { OrgRef, ProjectRef, projectKey } from '../../model/refs';
import { untrustedText } from '../untrustedText';
import { listLogging, PagedChildren } from './pagedChildren';
import { PagedParentNode } from './pagedParentNode';
import { ProjectNode } from './projectNode';
import type { TreeContext } from './treeContext';

export class OrganizationNode extends PagedParentNode<ProjectRef> {
  readonly id: string;
  readonly parent = undefined;
  protected readonly children: PagedChildren<ProjectRef>;

  constructor(readonly ref: OrgRef, private readonly context: TreeContext) {
    super();
    this.id = `org:${ref.org}`;
    const list = new PagedList<ProjectRef>(({ cursor, refresh, signal }) => context.data.listProjects(ref, cursor, { refresh, signal }), {
      keyOf: projectKey,
      lifetime: context.lifetime,
      ...listLogging(context.logger, 'projects', `organization ${ref.org}`),
    });
    this.children = new PagedChildren(
      this,
      list,
      (project) => new ProjectNode(project, this, context),
      { what: 'projects', where: `organization ${ref.org}`, empty: () => 'No projects you can see in this organization.' },
      (node) => context.refresh(node),
    );
  }

  getTreeItem(): vscode.TreeItem {
    const organization = this.context.store.organization(this.ref);
    // The organization named by SENTRY_ORG or .sentryclirc opens by itself.
    const isDefault = this.context.session.credentials?.org === this.ref.org;
    const name = untrustedText(organization?.name ?? this.ref.org, 120);
    const slug = untrustedText(this.ref.org, 120);
    const item = new vscode.TreeItem(name, isDefault ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = slug !== name ? slug : undefined;
    item.iconPath = new vscode.ThemeIcon('organization');
    item.contextValue = 'organization';
    item.tooltip = `${name} (${slug})`;
    return item;
  }
}
