/** How resolution results are explained to the user, in plain words. */

import type { Frame } from '../sentry/event/eventModel';
import type { IndexedFile } from './fileIndex';
import type { RankedFile } from './fileRanking';
import type { FileChoice, MatchFacts } from './frameResolution';
import type { Contradiction } from './pathContradiction';
import type { FrameCandidates } from './pathCandidates';

export interface Rejected extends Contradiction {
  file: IndexedFile;
}

export function contradictionReason(framePath: string, rejected: Rejected | undefined): string {
  if (!rejected) {
    return `No workspace file matches ${framePath}.`;
  }
  const relative = rejected.file.relative.join('/');
  return `No workspace file matches ${framePath}: ${relative} has the same ending, but it is under ${rejected.fileFolder}, where the frame names ${rejected.frameFolder}.`;
}

export function evidenceFor(winner: RankedFile, next: RankedFile, preferLibrary: boolean | undefined): string {
  if (winner.kindMismatch < next.kindMismatch) {
    return preferLibrary ? 'vendored code, like the frame' : 'app code, like the frame';
  }
  if (winner.folded !== next.folded) {
    return 'the same spelling, including case';
  }
  return winner.nearest ? `closest to ${winner.nearest}, a file of the same event` : 'the best match';
}

/** Tied files share their evidence, so the same few reasons are built once each. */
export function choicesOf(tied: readonly RankedFile[], facts: MatchFacts): FileChoice[] {
  const reasons = new Map<string, string>();
  return tied.map((ranked) => {
    const key = `${Number(ranked.file.library)}${Number(ranked.folded)}${ranked.nearest ?? ''}`;
    let reason = reasons.get(key);
    if (reason === undefined) {
      reason = choiceReason(ranked, facts);
      reasons.set(key, reason);
    }
    return { path: ranked.file.path, reason };
  });
}

function choiceReason(ranked: RankedFile, facts: MatchFacts): string {
  const parts = [facts.matchedSegments === 1 ? `same file name ${facts.matched}` : `ends with ${facts.matched}`];
  parts.push(ranked.file.library ? 'vendored code' : 'app code');
  if (ranked.folded) {
    parts.push('letter case differs');
  }
  if (ranked.nearest) {
    parts.push(`near ${ranked.nearest}`);
  }
  return parts.join(' · ');
}

export function noPathReason(frame: Frame, read: FrameCandidates): string {
  if (read.display !== undefined) {
    return `${read.display} does not name a source file that could be in the workspace.`;
  }
  const hasText = [frame.absPath, frame.filename, frame.module].some((value) => typeof value === 'string' && value.trim().length > 0);
  return hasText ? "The frame's path is too long or holds characters no file name has." : 'The frame has no file name, path or module.';
}
