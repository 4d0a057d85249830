import type { ClickResolver, ProjectRef } from '../source';
import { EventNode } from '../views/nodes/eventNode';
import { PinnedEventNode } from '../views/nodes/pinnedEventNode';
import type { TreeNode } from '../views/nodes/treeNode';
import type { WorkspaceFiles } from './workspaceFiles';

/**
 * An event opened in the tree: its frames are a click away, so what a click needs is begun now, in the
 * background: the workspace's file index, and the event's project's Sentry code mappings (read once per project).
 */
export function warmUpForFrames(node: TreeNode, files: WorkspaceFiles, clicks: ClickResolver): void {
  const project = projectOf(node);
  if (!project) return;
  files.startIndexing();
  void clicks.prepare(project);
}

function projectOf(node: TreeNode): ProjectRef | undefined {
  if (node instanceof EventNode) {
    const { org, project, projectId, event } = node.source;
    return { org, project, projectId: projectId ?? event?.projectId };
  }
  if (node instanceof PinnedEventNode) {
    const issue = node.parent;
    return { org: issue.orgSlug, project: issue.projectSlug, projectId: issue.issue.projectId ?? issue.parent.project.id };
  }
  return undefined;
}
