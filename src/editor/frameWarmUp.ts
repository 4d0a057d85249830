import type { SentryStore } from '../model/store';
import type { FrameProject } from '../source';
import { EventNode } from '../views/nodes/eventNode';
import { PinnedEventNode } from '../views/nodes/pinnedEventNode';
import type { FrameOpener } from './frameOpener';

/**
 * A row expanded in the tree: when it is an event (listed or pinned), its frames are a click away, so the
 * opener begins what a click needs now, in the background. Other rows: nothing.
 */
export function prepareForFramesOf(row: unknown, frames: FrameOpener, store: SentryStore): void {
  if (row instanceof EventNode || row instanceof PinnedEventNode) frames.prepare(projectOf(row, store), () => row.ref);
}

function projectOf(row: EventNode | PinnedEventNode, store: SentryStore): FrameProject {
  if (row instanceof EventNode) {
    const { org, project, issueId } = row.ref;
    const issue = issueId === undefined ? undefined : store.issue({ org, issueId });
    return { org, project, projectId: issue?.projectId ?? store.event(row.ref)?.projectId ?? store.project({ org, project })?.id };
  }
  // A pinned event is read when it first expands: its issue and project say where it comes from.
  const issue = store.issue(row.parent.ref);
  const { org, project } = row.parent.parent.ref;
  return { org, project, projectId: issue?.projectId ?? store.project({ org, project })?.id };
}
