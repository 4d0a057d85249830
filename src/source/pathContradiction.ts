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

export interface FolderLookup {
  hasFolder(root: string, segments: readonly string[]): boolean;
}

export function contradiction(frameSegments: readonly string[], file: IndexedFile, matched: number, folders: FolderLookup): Contradiction | undefined {
  return contradicts(frameSegments, file, matched, folders)
    ? { frameFolder: frameSegments[frameSegments.length - matched - 1], fileFolder: file.relative[file.relative.length - matched - 1] }
    : undefined;
}

/** The same test without building its description (it runs on every file a suffix reached). */
export function contradicts(frameSegments: readonly string[], file: IndexedFile, matched: number, folders: FolderLookup): boolean {
  const candidate = file.relative;
  const frameAt = frameSegments.length - matched - 1;
  const fileAt = candidate.length - matched - 1;
  if (frameAt < 0 || fileAt < 0) {
    return false;
  }
  for (let up = 1; up <= frameAt && up <= fileAt; up++) {
    if (sameName(frameSegments[frameAt - up], candidate[fileAt - up])) {
      return true;
    }
  }
  return folders.hasFolder(file.root, [...candidate.slice(0, fileAt), frameSegments[frameAt]]);
}

function sameName(a: string, b: string): boolean {
  return a === b || (a.length === b.length && a.toLowerCase() === b.toLowerCase());
}
