/**
 * A shared path suffix is no proof when the frame's own leading segments say the file lives elsewhere. Just above
 * the shared suffix the frame names one folder (`payments`) and the candidate another (`site`). That is a
 * contradiction when the workspace's layout could have held the frame's folder there:
 *   - the two paths agree again further up (`libs/payments/src/…` against `libs/site/src/…`), or
 *   - the candidate's parent folder also holds a folder of the frame's name (`packages/payments/` exists too).
 * When the candidate's path simply ends (the frame has a deployment prefix the checkout lacks) nothing is
 * contradicted.
 */

import type { IndexedFile } from './fileIndex';

export interface Contradiction {
  /** The frame's folder, and the candidate's folder at the same place. */
  frameFolder: string;
  fileFolder: string;
}

/** What the test reads about a candidate file (the file index answers without building its path). */
export interface FolderLookup {
  /** How many segments the file's path has below its root. */
  lengthOf(file: IndexedFile): number;
  /** The name of the file's segment `fromEnd` places before its name (0: the name). */
  segmentName(file: IndexedFile, fromEnd: number): string | undefined;
  /** Whether the folder holding the file's segment `fromEnd` places before its name also holds a folder called `name` (ignoring case) with files. */
  hasFolderBeside(file: IndexedFile, fromEnd: number, name: string): boolean;
}

export function contradiction(frameSegments: readonly string[], file: IndexedFile, matched: number, folders: FolderLookup): Contradiction | undefined {
  return contradicts(frameSegments, file, matched, folders)
    ? { frameFolder: frameSegments[frameSegments.length - matched - 1], fileFolder: folders.segmentName(file, matched) ?? '' }
    : undefined;
}

/** The same test without building its description (it runs on every file a suffix reached). */
export function contradicts(frameSegments: readonly string[], file: IndexedFile, matched: number, folders: FolderLookup): boolean {
  const frameAt = frameSegments.length - matched - 1;
  const fileAt = folders.lengthOf(file) - matched - 1;
  if (frameAt < 0 || fileAt < 0) {
    return false;
  }
  // The file's segment `up` places above its folder at `fileAt` lies `matched + up` places before its name.
  for (let up = 1; up <= frameAt && up <= fileAt; up++) {
    if (sameName(frameSegments[frameAt - up], folders.segmentName(file, matched + up))) {
      return true;
    }
  }
  return folders.hasFolderBeside(file, matched, frameSegments[frameAt]);
}

function sameName(a: string, b: string | undefined): boolean {
  return b !== undefined && (a === b || (a.length === b.length && a.toLowerCase() === b.toLowerCase()));
}
