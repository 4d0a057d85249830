import * as vscode from 'vscode';
import type { Frame, SentryEvent } from '../../sentry/event/eventModel';
import { COMMANDS } from '../../constants';
import { untrustedMarkdown } from '../tooltip';
import { frameTooltipMarkdown } from '../tooltipContent';
import { untrustedText } from '../untrustedText';
import type { TreeNode } from './treeNode';

/** Where a frame came from: enough to ask Sentry for code mappings and to label the line. */
export interface EventSource {
  org?: string;
  project?: string;
  /** Numeric project id, from the issue: Sentry's code-mappings list is filtered by it. */
  projectId?: string;
  event?: SentryEvent;
  /** "TypeError: x is undefined" for the line decoration. */
  exceptionLabel?: string;
  /** Every frame of the same stack, to prefer files near each other. */
  siblings?: Frame[];
}

export class FrameNode implements TreeNode {
  readonly id: string;

  constructor(readonly frame: Frame, index: number, readonly parent: TreeNode, readonly source: EventSource) {
    this.id = `${parent.id}/frame:${index}`;
  }

  getTreeItem(): vscode.TreeItem {
    const frame = this.frame;
    const name = untrustedText(frame.function || '<anonymous>', 120);
    const label: vscode.TreeItemLabel = frame.inApp ? { label: name, highlights: [[0, name.length]] } : { label: name };
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const module = frame.module && frame.module !== frame.filename ? frame.module : frame.package;
    item.description = [frameLocation(frame), untrustedText(module, 80)].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(frame.inApp ? 'symbol-method' : 'library', frame.inApp ? new vscode.ThemeColor('symbolIcon.methodForeground') : undefined);
    item.contextValue = frame.inApp ? 'frame.inApp' : 'frame';
    item.tooltip = untrustedMarkdown(frameTooltipMarkdown(frame));
    item.command = { command: COMMANDS.openFrame, title: 'Open Frame', arguments: [this] };
    return item;
  }
}

/** "…/orders/service.py:24:5", one line and capped. */
export function frameLocation(frame: Frame): string {
  const file = frame.filename || frame.absPath || frame.module || 'unknown file';
  const shortFile = untrustedText(file.length > 60 ? `…${file.slice(-59)}` : file, 80);
  if (frame.lineNo === undefined) return shortFile;
  return frame.colNo === undefined ? `${shortFile}:${frame.lineNo}` : `${shortFile}:${frame.lineNo}:${frame.colNo}`;
}
