import type { Frame } from '../../sentry/event/eventModel';
import { readConfig } from '../../config';
import { EventSource, FrameNode } from './frameNode';
import { LibraryFramesNode } from './libraryFramesNode';
import { MessageNode } from './messageNode';
import type { TreeContext } from './treeContext';
import type { TreeNode } from './treeNode';

/**
 * Frames in reading order (the frame that raised first, unless the user prefers caller-first);
 * each run of library frames folds into one "N library frames" node, or is left out when the
 * user hides library frames (unless nothing in-app would be left).
 */
export function framesChildren(parent: TreeNode, frames: Frame[], _context: TreeContext, source: EventSource): TreeNode[] {
  if (frames.length === 0) return [new MessageNode(parent, 'No frames in this stack trace.', { key: 'noframes' })];
  const settings = readConfig();
  const indexed = frames.map((frame, index) => ({ frame, index }));
  if (settings.frameOrder === 'crashFirst') indexed.reverse();
  const withSiblings: EventSource = { ...source, siblings: frames };
  const anyInApp = frames.some((f) => f.inApp);
  if (!anyInApp) return indexed.map(({ frame, index }) => new FrameNode(frame, index, parent, withSiblings));

  const nodes: TreeNode[] = [];
  let run: typeof indexed = [];
  const flush = () => {
    if (run.length === 0) return;
    if (!settings.hideLibraryFrames) nodes.push(new LibraryFramesNode(run, parent, withSiblings));
    run = [];
  };
  for (const entry of indexed) {
    if (entry.frame.inApp) {
      flush();
      nodes.push(new FrameNode(entry.frame, entry.index, parent, withSiblings));
    } else {
      run.push(entry);
    }
  }
  flush();
  return nodes;
}
