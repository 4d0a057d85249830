import type { SentryEvent } from '../../sentry/event/eventModel';
import type { StatusWord } from '../issueState';

/** What the panel knows about an event beyond the event itself; all optional (an event file has none of it). */
export interface EventHeaderContext {
  issueShortId?: string;
  issueTitle?: string;
  /** The issue's status as the store has it now, in the tree's words (`resolved in the next release`, `ignored until it escalates`…). */
  issueStatus?: string;
  /** What the header's issue action buttons depend on; undefined (no buttons) while the store lacks the issue, and for a file's event. */
  issueState?: IssueActionState;
  /** The issue's page in Sentry (its `permalink`), when known. Never written into the page: see externalLink.ts. */
  issuePermalink?: string;
  /** This event's page in Sentry, when known. */
  eventUrl?: string;
  /** Where the event came from when it is not a live one, e.g. a file name. */
  sourceLabel?: string;
}

/** An issue's state as far as its actions go: which apply, as the tree's context menu offers them. */
export interface IssueActionState {
  status: StatusWord;
  bookmarked: boolean;
  /** Who the issue is assigned to (a name, or `user:12` until Sentry names them); undefined when unassigned. */
  assignee?: string;
}

export type FrameOrder = 'crashFirst' | 'callerFirst';

export interface RenderOptions {
  frameOrder: FrameOrder;
}

/** One render's state: the event, its header context, how many value cells it may still paint, and whether it is the first paint. */
export class RenderContext {
  private cells: number;

  constructor(
    readonly event: SentryEvent,
    readonly header: EventHeaderContext = {},
    readonly options: RenderOptions = { frameOrder: 'crashFirst' },
    cellBudget = Number.POSITIVE_INFINITY,
    /** Rendering the panel's first HTML: a stack's first page then holds only its first screen (renderStack.ts). */
    readonly firstPaint = false,
  ) {
    this.cells = cellBudget;
  }

  /** Takes `count` cells from the budget; false once it is spent (the caller then defers its content). */
  spend(count: number): boolean {
    if (this.cells < count) {
      this.cells = 0;
      return false;
    }
    this.cells -= count;
    return true;
  }
}
