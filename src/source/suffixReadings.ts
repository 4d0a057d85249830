/** Which path-suffix readings of a frame count, and which need no lookup of their own. */

import type { Frame } from '../sentry/event/eventModel';
import type { SuffixLookup } from './fileIndex';
import type { PathCandidate } from './pathCandidate';

/** A reading and how far it reached into the workspace's files. */
export interface Reached {
  candidate: PathCandidate;
  lookup: SuffixLookup;
  folded: boolean;
}

/**
 * Readings that are a trailing part of a longer reading (`src/a.ts` of `/srv/app/src/a.ts`) reach the same
 * files with less to check them against; the longer one says all they say.
 */
export function withoutShorterReadings(readings: readonly Reached[]): Reached[] {
  return readings.filter(
    (reading, i) =>
      !readings.some(
        (other, j) =>
          j !== i &&
          other.folded === reading.folded &&
          endsWith(other.candidate.segments, reading.candidate.segments) &&
          (other.candidate.segments.length > reading.candidate.segments.length || j < i),
      ),
  );
}

/**
 * `longer` reaches every file `shorter` can, as far, and `acceptsSuffix` judges both alike (a bare file name is
 * judged apart, so it is never covered).
 */
export function coversReading(longer: PathCandidate, shorter: PathCandidate): boolean {
  return (
    shorter.segments.length > 1 &&
    longer.segments.length > shorter.segments.length &&
    longer.library === shorter.library &&
    longer.caseInsensitive === shorter.caseInsensitive &&
    (longer.minSuffix ?? 1) <= (shorter.minSuffix ?? 1) &&
    endsWith(longer.segments, shorter.segments)
  );
}

function endsWith(longer: readonly string[], shorter: readonly string[]): boolean {
  if (shorter.length > longer.length) {
    return false;
  }
  for (let i = 1; i <= shorter.length; i++) {
    if (longer[longer.length - i] !== shorter[shorter.length - i]) {
      return false;
    }
  }
  return true;
}

/**
 * A suffix of two or more segments is evidence (a dependency's must also reach its package folder); a bare file
 * name is only trusted for in-app frames, or when the frame names nothing but that file and it is not a dependency.
 */
export function acceptsSuffix(length: number, candidate: PathCandidate, frame: Frame): boolean {
  if (length < (candidate.minSuffix ?? 1)) {
    return false;
  }
  if (length >= 2) {
    return true;
  }
  if (length !== 1) {
    return false;
  }
  if (candidate.segments.length > 1 && isGenericFileName(candidate.segments[candidate.segments.length - 1])) {
    return false;
  }
  return frame.inApp === true || (candidate.segments.length === 1 && !candidate.library);
}

/** File names every package has: matching one of them alone says nothing about which file the frame meant. */
const GENERIC_FILE_NAME = /^(?:__init__\.py|__main__\.py|index\.[cm]?[jt]sx?|main\.(?:py|go|[cm]?[jt]s|rs|c|cpp)|mod\.rs|lib\.rs|package-info\.java)$/i;

export function isGenericFileName(name: string | undefined): boolean {
  return name !== undefined && GENERIC_FILE_NAME.test(name);
}
