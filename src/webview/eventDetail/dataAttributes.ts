import type { FragmentRef, FrameRef, IssueAction } from '../../views/eventDetail/protocol';

/**
 * The JSON the extension put in data attributes. It comes from our own renderer; the extension checks
 * it again when it comes back in a message, so here a parse failure only means "do nothing".
 */
export function fragmentOf(element: Element): FragmentRef | undefined {
  return parseJson(element.getAttribute('data-fragment')) as FragmentRef | undefined;
}

export function frameOf(element: Element): FrameRef | undefined {
  return parseJson(element.getAttribute('data-frame')) as FrameRef | undefined;
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A header button's issue action, as the renderer named it (the extension checks it against the protocol). */
export function issueActionOf(element: Element): IssueAction | undefined {
  const action = element.getAttribute('data-issue-action');
  return action ? (action as IssueAction) : undefined;
}
