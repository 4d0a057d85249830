/**
 * Orders files that match a frame equally well by evidence only: the file's kind (app or vendored) fits the
 * frame, its name matches in exact case, it is close to files already resolved for the same event. Path length
 * and index order never decide: files equal on evidence come back together as a tie.
 */

import type { IndexedFile } from './fileIndex';
import { sharedDirectoryDepth } from './pathSafety';

export interface RankingHints {
  /** true: prefer vendored files; false: prefer app files; undefined: no preference. */
  preferLibrary?: boolean;
  /** Normalized local paths of sibling frames of the same event. */
  siblings: readonly string[];
  /** Leading folders a file shares with `siblings[sibling]`; `sharedDirectoryDepth` on the file's key when absent. */
  sharedDepth?: (file: IndexedFile, sibling: number) => number;
}

export interface CandidateFile {
  file: IndexedFile;
  /** Matched only when case was ignored. */
  folded: boolean;
}

export interface RankedFile extends CandidateFile {
  kindMismatch: number;
  /** Shared folder depth with the nearest sibling frame's file (0 without siblings). */
  closeness: number;
  /** The sibling file it is closest to, when one is close at all. */
  nearest?: string;
}

export interface Ranking {
  /** The files that tie for best, at most `maxBest` of them, in path order. */
  best: RankedFile[];
  /** How many files tie for best. */
  bestTotal: number;
  /** The next best after the tie, best first, at most `maxRunnersUp`. */
  runnersUp: RankedFile[];
}

/** Scores every file, but allocates only for those that end up among the best or the runners-up. */
export function rankFiles(
  files: Iterable<IndexedFile>,
  isFolded: (file: IndexedFile) => boolean,
  hints: RankingHints,
  maxBest: number,
  maxRunnersUp: number,
): Ranking {
  let best: RankedFile[] = [];
  let bestTotal = 0;
  const runnersUp: RankedFile[] = [];
  const demote = (ranked: RankedFile): void => {
    let at = runnersUp.length;
    while (at > 0 && compareWithPath(ranked, runnersUp[at - 1]) < 0) {
      at--;
    }
    if (at < maxRunnersUp) {
      runnersUp.splice(at, 0, ranked);
      if (runnersUp.length > maxRunnersUp) {
        runnersUp.pop();
      }
    }
  };
  const siblings = hints.siblings;
  const sharedDepth = hints.sharedDepth ?? ((file: IndexedFile, sibling: number) => sharedDirectoryDepth(file.key, siblings[sibling]));
  for (const file of files) {
    const kindMismatch = hints.preferLibrary === undefined || file.library === hints.preferLibrary ? 0 : 1;
    const folded = isFolded(file);
    let closeness = 0;
    let nearest: string | undefined;
    for (let i = 0; i < siblings.length; i++) {
      const depth = sharedDepth(file, i);
      if (depth > closeness) {
        closeness = depth;
        nearest = siblings[i];
      }
    }
    const leader = best[0];
    const order = leader === undefined ? -1 : compareScores(kindMismatch, folded, closeness, leader);
    if (order < 0) {
      best.forEach(demote);
      best = [rankedFile(file, folded, kindMismatch, closeness, nearest)];
      bestTotal = 1;
    } else if (order === 0) {
      bestTotal++;
      if (best.length < maxBest) {
        best.push(rankedFile(file, folded, kindMismatch, closeness, nearest));
      }
    } else if (runnersUp.length < maxRunnersUp || compareScores(kindMismatch, folded, closeness, runnersUp[runnersUp.length - 1]) <= 0) {
      demote(rankedFile(file, folded, kindMismatch, closeness, nearest));
    }
  }
  best.sort(byPath);
  return { best, bestTotal, runnersUp };
}

export function rankedFile(file: IndexedFile, folded: boolean, kindMismatch: number, closeness: number, nearest?: string): RankedFile {
  return { file, folded, kindMismatch, closeness, nearest };
}

/** Evidence only; 0 means equally good, negative means better than `other`. */
function compareScores(kindMismatch: number, folded: boolean, closeness: number, other: RankedFile): number {
  return kindMismatch - other.kindMismatch || Number(folded) - Number(other.folded) || other.closeness - closeness;
}

function compareWithPath(a: RankedFile, b: RankedFile): number {
  return compareScores(a.kindMismatch, a.folded, a.closeness, b) || byPath(a, b);
}

export function byPath(a: CandidateFile, b: CandidateFile): number {
  return a.file.key < b.file.key ? -1 : a.file.key > b.file.key ? 1 : 0;
}
