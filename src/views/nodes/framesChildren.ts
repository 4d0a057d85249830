import { readConfig } from '../../config';
import type { StackRef } from '../../model/refs';
import type { Frame } from '../../sentry/event/eventModel';
import { FrameNode } from './frameNode';
import { LibraryFramesNode } from './libraryFramesNode';
import { MessageNode } from './messageNode';
import type { RowEvent } from './rowEvent';
import type { TreeNode } from './treeNode';

/**
 * Frames in reading order (the frame that raised first, unless the user prefers caller-first);
 * each run of library frames folds into one "N library frames" node, or is left out when the
 * user hides library frames (unless nothing in-app would be left).
 */
export function framesChildren(parent: TreeNode, source: RowEvent, stack: StackRef, frames: readonly Frame[]): TreeNode[] {
  if (frames.length === 0) return [new MessageNode(parent, 'No frames in this stack trace.', { key: 'noframes' })];
  const config = readConfig();
  const indexed = frames.map((frame, index) => ({ frame, index }));
  if (config.frameOrder === 'crashFirst') indexed.reverse();
  const node = (entry: { frame: Frame; index: number }, under: TreeNode) => new FrameNode(entry.frame, source, { stack, frame: entry.index }, under);
  if (!frames.some((f) => f.inApp)) return indexed.map((entry) => node(entry, parent));

  const nodes: TreeNode[] = [];
  let run: typeof indexed = [];
  const flush = () => {
    if (run.length === 0) return;
    if (!config.hideLibraryFrames) nodes.push(new LibraryFramesNode(run, parent, node));
    run = [];
  };
  for (const entry of indexed) {
    if (entry.frame.inApp) {
      flush();
      nodes.push(node(entry, parent));
    } else {
      run.push(entry);
    }
  }
  flush();
  return nodes;
}
