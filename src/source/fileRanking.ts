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

export function rankFiles(files: Iterable<CandidateFile>, hints: RankingHints, maxBest: number, maxRunnersUp: number): Ranking {
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
  for (const candidate of files) {
    const ranked = score(candidate, hints);
    const order = bestTotal === 0 ? -1 : compare(ranked, best[0]);
    if (order < 0) {
      best.forEach(demote);
      best = [ranked];
      bestTotal = 1;
    } else if (order === 0) {
      bestTotal++;
      if (best.length < maxBest) {
        best.push(ranked);
      }
    } else {
      demote(ranked);
    }
  }
  best.sort(byPath);
  return { best, bestTotal, runnersUp };
}

function score(candidate: CandidateFile, hints: RankingHints): RankedFile {
  const kindMismatch = hints.preferLibrary === undefined || candidate.file.library === hints.preferLibrary ? 0 : 1;
  let closeness = 0;
  let nearest: string | undefined;
  for (const sibling of hints.siblings) {
    const depth = sharedDirectoryDepth(candidate.file.key, sibling);
    if (depth > closeness) {
      closeness = depth;
      nearest = sibling;
    }
  }
  return { ...candidate, kindMismatch, closeness, nearest };
}

/** Evidence only; 0 means the two are equally good. */
function compare(a: RankedFile, b: RankedFile): number {
  return a.kindMismatch - b.kindMismatch || Number(a.folded) - Number(b.folded) || b.closeness - a.closeness;
}

function compareWithPath(a: RankedFile, b: RankedFile): number {
  return compare(a, b) || byPath(a, b);
}

function byPath(a: CandidateFile, b: CandidateFile): number {
  return a.file.key < b.file.key ? -1 : a.file.key > b.file.key ? 1 : 0;
}
