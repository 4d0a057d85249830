import * as vscode from 'vscode';
import type { Frame, SentryEvent } from '../../sentry/eventModel';
import { oneLine } from '../format';
import { COMMANDS } from '../ids';
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
    const name = oneLine(frame.function || '<anonymous>', 120);
    const label: vscode.TreeItemLabel = frame.inApp ? { label: name, highlights: [[0, name.length]] } : { label: name };
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = [frameLocation(frame), frame.module && frame.module !== frame.filename ? oneLine(frame.module, 80) : oneLine(frame.package ?? '', 80)]
      .filter(Boolean)
      .join(' · ');
    item.iconPath = new vscode.ThemeIcon(frame.inApp ? 'symbol-method' : 'library', frame.inApp ? new vscode.ThemeColor('symbolIcon.methodForeground') : undefined);
    item.contextValue = frame.inApp ? 'frame.inApp' : 'frame';
    item.tooltip = frameTooltip(frame);
    item.command = { command: COMMANDS.openFrame, title: 'Open Frame', arguments: [this] };
    return item;
  }
}

export function frameLocation(frame: Frame): string {
  const file = frame.filename || frame.absPath || frame.module || 'unknown file';
  const shortFile = oneLine(file.length > 60 ? `…${file.slice(-59)}` : file, 80);
  if (frame.lineNo === undefined) return shortFile;
  return frame.colNo === undefined ? `${shortFile}:${frame.lineNo}` : `${shortFile}:${frame.lineNo}:${frame.colNo}`;
}

/** The frame's context lines in a code block: Markdown escapes its content, nothing in it runs. */
function frameTooltip(frame: Frame): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendText(`${oneLine(frame.function || '<anonymous>', 200)} — ${oneLine(frame.absPath || frame.filename || frame.module || 'unknown file', 300)}`);
  md.appendText(frame.inApp ? ' (in app)' : ' (library)');
  const lines: string[] = [];
  const first = frame.lineNo === undefined ? undefined : frame.lineNo - frame.preContext.length;
  const number = (offset: number) => (first === undefined ? '' : `${String(first + offset).padStart(5)} `);
  frame.preContext.slice(-5).forEach((line, i) => lines.push(`${number(frame.preContext.length - Math.min(5, frame.preContext.length) + i)}  ${clip(line)}`));
  if (frame.contextLine !== undefined) lines.push(`${number(frame.preContext.length)}> ${clip(frame.contextLine)}`);
  frame.postContext.slice(0, 5).forEach((line, i) => lines.push(`${number(frame.preContext.length + 1 + i)}  ${clip(line)}`));
  if (lines.length > 0) md.appendCodeblock(lines.join('\n'), languageOf(frame));
  else md.appendMarkdown('\n\n*No source context was sent with this frame.*');
  return md;
}

function clip(line: string): string {
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

function languageOf(frame: Frame): string {
  const file = (frame.filename || frame.absPath || '').toLowerCase();
  const ext = file.slice(file.lastIndexOf('.') + 1);
  const byExt: Record<string, string> = {
    py: 'python', js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascriptreact', ts: 'typescript', tsx: 'typescriptreact',
    java: 'java', kt: 'kotlin', cs: 'csharp', go: 'go', rb: 'ruby', php: 'php', rs: 'rust', swift: 'swift',
  };
  return byExt[ext] ?? frame.platform ?? '';
}
