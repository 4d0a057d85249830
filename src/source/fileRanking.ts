/**
 * Orders equally good matches: the one whose kind (app or vendored) fits the frame, then the one closest to
 * files already resolved for the same event, then the shortest path, then the first indexed.
 */

import type { IndexedFile } from './fileIndex';
import { sharedDirectoryDepth } from './pathSafety';

export interface RankingHints {
  /** true: prefer vendored files; false: prefer app files; undefined: no preference. */
  preferLibrary?: boolean;
  /** Normalized local paths of sibling frames of the same event. */
  siblings: readonly string[];
}

interface Scored {
  file: IndexedFile;
  kindMismatch: number;
  closeness: number;
}

/** The best `limit` files, best first, without sorting the whole set. */
export function rankFiles(files: Iterable<IndexedFile>, hints: RankingHints, limit: number): IndexedFile[] {
  const top: Scored[] = [];
  for (const file of files) {
    const scored: Scored = {
      file,
      kindMismatch: hints.preferLibrary === undefined || file.library === hints.preferLibrary ? 0 : 1,
      closeness: closeness(file.key, hints.siblings),
    };
    let at = top.length;
    while (at > 0 && compare(scored, top[at - 1]) < 0) {
      at--;
    }
    if (at < limit) {
      top.splice(at, 0, scored);
      if (top.length > limit) {
        top.pop();
      }
    }
  }
  return top.map((scored) => scored.file);
}

function compare(a: Scored, b: Scored): number {
  return (
    a.kindMismatch - b.kindMismatch ||
    b.closeness - a.closeness ||
    a.file.relative.length - b.file.relative.length ||
    a.file.key.length - b.file.key.length ||
    a.file.order - b.file.order
  );
}

function closeness(key: string, siblings: readonly string[]): number {
  let best = 0;
  for (const sibling of siblings) {
    best = Math.max(best, sharedDirectoryDepth(key, sibling));
  }
  return best;
}
