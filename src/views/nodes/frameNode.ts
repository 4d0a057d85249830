import * as vscode from 'vscode';
import { COMMANDS } from '../../constants';
import type { LocalEventRef } from '../../model/localEventRef';
import type { EventRef, FrameRef } from '../../model/refs';
import type { Frame } from '../../sentry/event/eventModel';
import { untrustedMarkdown } from '../tooltip';
import { frameTooltipMarkdown } from '../tooltipContent';
import { untrustedText } from '../untrustedText';
import type { RowEvent } from './rowEvent';
import type { TreeNode } from './treeNode';

/**
 * One frame. It renders the frame its event holds at `frame`; a click runs Open Frame with this node,
 * which gives `{eventRef, frame}` (or `{localEvent, frame}` in an opened file) like any other caller.
 */
export class FrameNode implements TreeNode {
  readonly id: string;

  constructor(
    private readonly shown: Frame,
    private readonly source: RowEvent,
    readonly frame: FrameRef,
    readonly parent: TreeNode,
  ) {
    this.id = `${parent.id}/frame:${frame.frame}`;
  }

  get eventRef(): EventRef | undefined {
    return this.source.ref;
  }

  get ref(): EventRef | undefined {
    return this.source.ref;
  }

  get localEvent(): LocalEventRef | undefined {
    return this.source.localEvent;
  }

  getTreeItem(): vscode.TreeItem {
    const frame = this.shown;
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
