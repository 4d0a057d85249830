import * as vscode from 'vscode';
import { EventNode } from '../views/nodes/eventNode';
import { IssueNode } from '../views/nodes/issueNode';
import { PinnedEventNode } from '../views/nodes/pinnedEventNode';
import { OrganizationNode } from '../views/nodes/organizationNode';
import { ProjectNode } from '../views/nodes/projectNode';
import type { TreeNode } from '../views/nodes/treeNode';
import type { Session } from '../auth/session';
import { untrustedText } from '../views/untrustedText';

/** The web page of a tree node: the issue's own permalink when Sentry gave a safe one. */
export function webUrlOf(node: TreeNode, session: Session): string | undefined {
  const base = session.credentials?.url;
  const eventId = node instanceof EventNode ? node.event.eventId : node instanceof PinnedEventNode ? node.loadedEvent?.eventId : undefined;
  if (eventId && node.parent instanceof IssueNode) {
    const issueUrl = webUrlOf(node.parent, session);
    return issueUrl && `${issueUrl.replace(/\/?$/, '/')}events/${encodeURIComponent(eventId)}/`;
  }
  if (node instanceof IssueNode) {
    const permalink = node.issue.permalink;
    if (permalink && isWebUrl(permalink)) return permalink;
    return base && `${base}/organizations/${encodeURIComponent(node.orgSlug)}/issues/${encodeURIComponent(node.issue.id)}/`;
  }
  if (node instanceof ProjectNode) {
    return base && `${base}/organizations/${encodeURIComponent(node.orgSlug)}/projects/${encodeURIComponent(node.project.slug)}/`;
  }
  if (node instanceof OrganizationNode) {
    const orgUrl = node.organization.organizationUrl;
    if (orgUrl && isWebUrl(orgUrl)) return orgUrl;
    return base && `${base}/organizations/${encodeURIComponent(node.organization.slug)}/`;
  }
  return undefined;
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export async function openInBrowser(node: TreeNode, session: Session): Promise<void> {
  const url = webUrlOf(node, session);
  if (!url) throw new Error('This item has no page in Sentry.');
  await vscode.env.openExternal(vscode.Uri.parse(url, true));
}

export async function copyLink(node: TreeNode, session: Session): Promise<void> {
  const url = webUrlOf(node, session);
  if (!url) throw new Error('This item has no page in Sentry.');
  await vscode.env.clipboard.writeText(url);
  vscode.window.setStatusBarMessage(`Copied ${untrustedText(url, 200)}`, 3000);
}

export async function copyShortId(node: TreeNode): Promise<void> {
  if (!(node instanceof IssueNode)) throw new Error('Pick an issue to copy its short ID.');
  await vscode.env.clipboard.writeText(node.issue.shortId);
  vscode.window.setStatusBarMessage(`Copied ${untrustedText(node.issue.shortId, 60)}`, 3000);
}
