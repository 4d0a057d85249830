import { isIndex, readFrameRef, readStackRef } from '../../model/refs';
import { LIMITS } from './renderLimits';
import type { ExternalTarget, FragmentRef, IssueAction, PagedList, PageResourceTiming, PageTimings, ValuePath, WebviewMessage } from './protocol';

/** Deepest value path a message may name; the renderer never makes longer ones for a real event. */
const MAX_PATH = 10_000;
const LISTS: readonly PagedList[] = ['breadcrumbs', 'tags', 'modules', 'query', 'headers', 'cookies'];
const TARGETS: readonly ExternalTarget[] = ['event', 'issue'];
/** The page loads a handful of files; a few more are tolerated, a flood is not a timing. */
const MAX_RESOURCES = 20;
const RESOURCE_NAME = /^[A-Za-z0-9._-]{1,100}$/;
const ISSUE_ACTIONS: readonly IssueAction[] = ['resolve', 'resolveInNextRelease', 'unresolve', 'ignore', 'assignToMe', 'assign', 'bookmark', 'unbookmark', 'downloadEvents'];

/**
 * A message from the webview, checked field by field: anything that is not exactly one of the
 * protocol's shapes is undefined (and ignored by the panel).
 */
export function readWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (!isObject(raw)) return undefined;
  switch (raw.type) {
    case 'ready':
    case 'copyMarkdown':
      return { type: raw.type };
    case 'painted': {
      if (!isIndex(raw.renderId)) return undefined;
      // The timings are a measure, not a command: wrong ones are dropped, the paint still counts.
      const page = readPageTimings(raw.page);
      return page ? { type: 'painted', renderId: raw.renderId, page } : { type: 'painted', renderId: raw.renderId };
    }
    case 'issueAction':
      return ISSUE_ACTIONS.includes(raw.action as IssueAction) ? { type: 'issueAction', action: raw.action as IssueAction } : undefined;
    case 'openFrame': {
      const frame = readFrameRef(raw.frame);
      return frame && { type: 'openFrame', frame };
    }
    case 'searchIssues':
      return isIndex(raw.tag) ? { type: 'searchIssues', tag: raw.tag } : undefined;
    case 'openExternal':
      return TARGETS.includes(raw.target as ExternalTarget) ? { type: 'openExternal', target: raw.target as ExternalTarget } : undefined;
    case 'requestFragment': {
      const fragment = readFragmentRef(raw.fragment);
      return fragment && isIndex(raw.requestId) ? { type: 'requestFragment', requestId: raw.requestId, fragment } : undefined;
    }
    default:
      return undefined;
  }
}

export function readFragmentRef(raw: unknown): FragmentRef | undefined {
  if (!isObject(raw)) return undefined;
  switch (raw.kind) {
    case 'frameBody': {
      const frame = readFrameRef(raw.frame);
      return frame && { kind: 'frameBody', frame };
    }
    case 'frames': {
      const stack = readStackRef(raw.stack);
      if (!stack || !isIndex(raw.start)) return undefined;
      if (raw.expanded === undefined) return { kind: 'frames', stack, start: raw.start };
      // No page expands more in-app frames than its cap, so no first screen can have expanded more.
      return isIndex(raw.expanded) && raw.expanded <= LIMITS.expandedFramesPage ? { kind: 'frames', stack, start: raw.start, expanded: raw.expanded } : undefined;
    }
    case 'value': {
      const path = readPath(raw.path);
      return path && isIndex(raw.start) ? { kind: 'value', path, start: raw.start } : undefined;
    }
    case 'sections':
      return { kind: 'sections' };
    case 'rows':
      return LISTS.includes(raw.list as PagedList) && isIndex(raw.start) ? { kind: 'rows', list: raw.list as PagedList, start: raw.start } : undefined;
    default:
      return undefined;
  }
}

function readPageTimings(raw: unknown): PageTimings | undefined {
  if (!isObject(raw) || !Array.isArray(raw.resources) || raw.resources.length > MAX_RESOURCES) return undefined;
  const { origin, domInteractive, domContentLoaded, firstContentfulPaint, painted } = raw;
  if (!isTime(origin) || !isTime(domInteractive) || !isTime(domContentLoaded) || !isTime(painted)) return undefined;
  if (firstContentfulPaint !== undefined && !isTime(firstContentfulPaint)) return undefined;
  const resources: PageResourceTiming[] = [];
  for (const entry of raw.resources as unknown[]) {
    if (!isObject(entry) || typeof entry.name !== 'string' || !RESOURCE_NAME.test(entry.name) || !isTime(entry.start) || !isTime(entry.end)) return undefined;
    resources.push({ name: entry.name, start: entry.start, end: entry.end });
  }
  return { origin, domInteractive, domContentLoaded, ...(firstContentfulPaint === undefined ? {} : { firstContentfulPaint }), painted, resources };
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function readPath(raw: unknown): ValuePath | undefined {
  if (!Array.isArray(raw) || raw.length > MAX_PATH) return undefined;
  const path: ValuePath = [];
  for (const segment of raw) {
    if (typeof segment === 'string' || isIndex(segment)) path.push(segment);
    else return undefined;
  }
  return path;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
