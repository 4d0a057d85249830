/**
 * The file index's answers computed the obvious way: one object per file, every lookup a scan of all of them.
 * Slow and plain on purpose, so the compact `FileIndex` can be compared with it on large generated trees.
 */

import { DEFAULT_IGNORED_DIRECTORIES } from '../../../src/source/fileIndex';
import { isInsideRoot, normalizeLocalPath } from '../../../src/source/pathSafety';
import { nfc } from '../../../src/source/unicodeNames';

const VENDORED = new Set(['vendor', 'third_party', 'third-party', 'thirdparty', 'external', 'externals', 'site-packages', 'pods', '_deps']);

interface ReferenceFile {
  path: string;
  key: string;
  root: string;
  relative: string[];
  lowerRelative: string[];
  library: boolean;
}

export interface ReferenceSuffix {
  length: number;
  count: number;
  libraryCount: number;
  /** Keys of the files, sorted. */
  keys: string[];
}

function normalizeKey(path: string): string | undefined {
  const key = normalizeLocalPath(path);
  return key === undefined ? undefined : nfc(key);
}

export class ReferenceFileIndex {
  private readonly byKey = new Map<string, ReferenceFile>();
  private readonly rootKeys: string[];
  private readonly ignored = new Set(DEFAULT_IGNORED_DIRECTORIES.map((name) => name.toLowerCase()));

  constructor(roots: readonly string[], paths: Iterable<string>) {
    this.rootKeys = [...new Set(roots.map((root) => normalizeKey(root)).filter((key): key is string => key !== undefined))].sort((a, b) => b.length - a.length);
    for (const path of paths) {
      this.add(path);
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  add(path: string): boolean {
    const key = normalizeKey(path);
    if (key === undefined || this.byKey.has(key)) {
      return false;
    }
    const root = this.rootKeys.find((candidate) => isInsideRoot(key, candidate));
    if (root === undefined) {
      return false;
    }
    const relative = key.slice(root.endsWith('/') ? root.length : root.length + 1).split('/');
    const folders = relative.slice(0, -1).map((segment) => segment.toLowerCase());
    if (folders.some((folder) => this.ignored.has(folder))) {
      return false;
    }
    const library = folders.some((folder) => VENDORED.has(folder));
    this.byKey.set(key, { path, key, root, relative, lowerRelative: relative.map((segment) => segment.toLowerCase()), library });
    return true;
  }

  remove(path: string): boolean {
    const key = normalizeKey(path);
    return key !== undefined && this.byKey.delete(key);
  }

  removeFolder(folder: string): number {
    const key = normalizeKey(folder);
    if (key === undefined) {
      return 0;
    }
    const doomed = [...this.byKey.values()].filter((file) => isInsideRoot(file.key, key));
    doomed.forEach((file) => this.byKey.delete(file.key));
    return doomed.length;
  }

  /** The path a file was added with, by its key. */
  pathOf(key: string): string | undefined {
    return this.byKey.get(key)?.path;
  }

  keys(): string[] {
    return [...this.byKey.keys()];
  }

  longestSuffix(segments: readonly string[], caseInsensitive: boolean): ReferenceSuffix {
    const wanted = segments.map((segment) => (caseInsensitive ? nfc(segment).toLowerCase() : nfc(segment)));
    let longest = 0;
    let found: ReferenceFile[] = [];
    for (const file of this.byKey.values()) {
      const relative = caseInsensitive ? file.lowerRelative : file.relative;
      let shared = 0;
      while (shared < relative.length && shared < wanted.length && relative[relative.length - 1 - shared] === wanted[wanted.length - 1 - shared]) {
        shared++;
      }
      if (shared > longest) {
        longest = shared;
        found = [file];
      } else if (shared === longest && shared > 0) {
        found.push(file);
      }
    }
    return { length: longest, count: found.length, libraryCount: found.filter((file) => file.library).length, keys: found.map((file) => file.key).sort() };
  }

  findRelative(segments: readonly string[], caseInsensitive: boolean, root?: string): string[] {
    const wanted = segments.map((segment) => (caseInsensitive ? nfc(segment).toLowerCase() : nfc(segment)));
    const out: string[] = [];
    for (const file of this.byKey.values()) {
      const relative = caseInsensitive ? file.lowerRelative : file.relative;
      if ((root === undefined || file.root === root) && relative.length === wanted.length && relative.every((segment, i) => segment === wanted[i])) {
        out.push(file.key);
      }
    }
    return out.sort();
  }

  findAbsolute(path: string, caseInsensitive: boolean): string[] {
    const key = nfc(path);
    if (this.byKey.has(key) || !caseInsensitive) {
      return this.byKey.has(key) ? [key] : [];
    }
    const root = this.rootKeys.find((candidate) => isInsideRoot(key, candidate, true));
    if (root === undefined) {
      return [];
    }
    return this.findRelative(key.slice(root.length + (root.endsWith('/') ? 0 : 1)).split('/'), true, root);
  }

  hasFolder(root: string, segments: readonly string[]): boolean {
    if (segments.length === 0) {
      return false;
    }
    const wanted = segments.map((segment) => segment.toLowerCase());
    const rootLower = root.toLowerCase();
    for (const file of this.byKey.values()) {
      if (file.root.toLowerCase() === rootLower && file.lowerRelative.length > wanted.length && wanted.every((segment, i) => file.lowerRelative[i] === segment)) {
        return true;
      }
    }
    return false;
  }
}
