/**
 * Every message between the event detail webview and the extension, both ways. Imported by the
 * extension (src/views/eventDetail) and by the webview script (src/webview/eventDetail), so it holds
 * types only. The webview never sends a URL, a query or a path: it names parts of the event the
 * extension already holds (a frame by its stack and index, a tag by its index), and the extension
 * checks every message's shape (readWebviewMessage.ts) before acting on it.
 */

export type { FrameRef, StackRef } from '../../model/refs';
import type { FrameRef, StackRef } from '../../model/refs';

/** A path through the event model's own properties, e.g. `['extra', 'cart', 2]` or `['breadcrumbs', 4, 'data']`. */
export type ValuePath = Array<string | number>;

/** Lists that are shown a page at a time. */
export type PagedList = 'breadcrumbs' | 'tags' | 'modules' | 'query' | 'headers' | 'cookies';

/** A part of the panel rendered on demand: folded, deep or large parts are not in the first paint. */
export type FragmentRef =
  | { kind: 'frameBody'; frame: FrameRef }
  /**
   * Frames of a stack from `start`. A page starting before the first page's end is that page's rest
   * and ends where it ends; `expanded` counts the in-app frames its first screen already expanded.
   */
  | { kind: 'frames'; stack: StackRef; start: number; expanded?: number }
  | { kind: 'value'; path: ValuePath; start: number }
  | { kind: 'rows'; list: PagedList; start: number }
  /** Every section below the stack trace, when they were too large for the first paint. */
  | { kind: 'sections' };

/** Which of the extension's own Sentry links to open: never a URL taken from the event or the page. */
export type ExternalTarget = 'event' | 'issue';

/**
 * The issue actions of the header's buttons, each one of the extension's issue commands run on the
 * panel's issue (never on an issue the page names). Ignore and Assign ask their choice in VS Code.
 */
export type IssueAction = 'resolve' | 'resolveInNextRelease' | 'unresolve' | 'ignore' | 'assignToMe' | 'assign' | 'bookmark' | 'unbookmark' | 'downloadEvents';

/** One file the page loaded (a stylesheet, the script, a font), in ms since the page's navigation began. */
export interface PageResourceTiming {
  /** The file's name, without its folder (`eventDetail.css`). */
  name: string;
  start: number;
  end: number;
}

/**
 * How the page's first body came to the screen, from the page's own clock: ms since its navigation
 * began (`origin`, in ms since the epoch, places it on the extension host's clock).
 */
export interface PageTimings {
  origin: number;
  domInteractive: number;
  domContentLoaded: number;
  firstContentfulPaint?: number;
  /** When the page reported `painted`. */
  painted: number;
  resources: PageResourceTiming[];
}

export type WebviewMessage =
  /** The script runs (the page was made or made again); answered with `show` unless the page's HTML holds the current body. */
  | { type: 'ready' }
  /** The page has laid out and painted the body with this id: its HTML's (`data-render-id`) or a `show`'s. */
  | { type: 'painted'; renderId: number; page?: PageTimings }
  | { type: 'openFrame'; frame: FrameRef }
  | { type: 'searchIssues'; tag: number }
  | { type: 'openExternal'; target: ExternalTarget }
  | { type: 'copyMarkdown' }
  | { type: 'requestFragment'; requestId: number; fragment: FragmentRef }
  | { type: 'issueAction'; action: IssueAction };

export type ExtensionMessage =
  /** The whole panel body; replaces what was shown and drops pending fragment requests. Answered by `painted`. */
  | { type: 'show'; html: string; renderId: number }
  /** The header again (the issue changed): replaces only the header, keeping what the user opened below. */
  | { type: 'header'; html: string }
  /** The answer to one `requestFragment`. */
  | { type: 'fragment'; requestId: number; html: string };
