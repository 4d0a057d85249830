/**
 * A context line as a reusable test for file lines. Sentry shortens long lines to a window around the column
 * and marks each cut with `{snip}`, so such a line matches any file line holding its pieces in order. The
 * pieces are cut once per frame, not once per comparison, and a line too short to hold them is rejected
 * before any search.
 */

const SNIP = '{snip}';
/** Sentry cuts at most both ends; an event with more cuts is not Sentry's doing, and only its longest pieces count. */
const MAX_FRAGMENTS = 8;

export interface LinePattern {
  /** The trimmed context text the pattern was made from. */
  readonly text: string;
  matches(trimmedLine: string): boolean;
  /** An exact pattern can be looked up by its text instead of tested line by line. */
  readonly exact: boolean;
}

export function linePattern(trimmed: string): LinePattern {
  if (!trimmed.includes(SNIP)) {
    return { text: trimmed, exact: true, matches: (line) => line === trimmed };
  }
  const fragments = keepLongest(
    trimmed
      .split(SNIP)
      .map((fragment) => fragment.trim())
      .filter((fragment) => fragment.length > 0),
  );
  if (fragments.length === 0) {
    return { text: trimmed, exact: false, matches: () => false };
  }
  const minLength = fragments.reduce((sum, fragment) => sum + fragment.length, 0);
  const longest = fragments.reduce((a, b) => (b.length > a.length ? b : a));
  return {
    text: trimmed,
    exact: false,
    matches: (line) => line.length >= minLength && line.includes(longest) && inOrder(line, fragments),
  };
}

function inOrder(line: string, fragments: readonly string[]): boolean {
  let from = 0;
  for (const fragment of fragments) {
    const at = line.indexOf(fragment, from);
    if (at < 0) {
      return false;
    }
    from = at + fragment.length;
  }
  return true;
}

/** The longest `MAX_FRAGMENTS` fragments, in their original order. */
function keepLongest(fragments: string[]): string[] {
  if (fragments.length <= MAX_FRAGMENTS) {
    return fragments;
  }
  const kept = new Set(
    fragments
      .map((fragment, index) => ({ fragment, index }))
      .sort((a, b) => b.fragment.length - a.fragment.length || a.index - b.index)
      .slice(0, MAX_FRAGMENTS)
      .map((entry) => entry.index),
  );
  return fragments.filter((_, index) => kept.has(index));
}
