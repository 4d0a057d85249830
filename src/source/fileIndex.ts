/**
 * The workspace's files, indexed once by path suffix (file name, then folders upward) for frame lookups and
 * kept current through `add` / `remove` from a file watcher. Only files under the given roots are kept, and
 * dependency / build-output folders are skipped.
 */

import { isInsideRoot, normalizeLocalPath } from './pathSafety';
import { SuffixTrie } from './suffixTrie';
import { nfc, nfcSegments } from './unicodeNames';

export const DEFAULT_IGNORED_DIRECTORIES: readonly string[] = [
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'dist',
  'out',
  'build',
  'target',
  'bin',
  'obj',
  '.next',
  '__pycache__',
  '.venv',
  'venv',
];

/** Folders whose files are vendored third-party code even when they live in the workspace. */
const VENDORED_DIRECTORIES = new Set(['vendor', 'third_party', 'third-party', 'thirdparty', 'external', 'externals', 'site-packages', 'pods', '_deps']);

const HAS_UPPER_CASE = /[A-Z]/;

export interface IndexedFile {
  /** The path exactly as it was added (what the editor should open). */
  readonly path: string;
  /** Normalized: forward slashes, lower-case drive letter, Unicode NFC. */
  readonly key: string;
  /** Normalized workspace root holding it (the deepest one when roots nest). */
  readonly root: string;
  /** Segments below the root (NFC). */
  readonly relative: readonly string[];
  /** Lives in a vendored-code folder. */
  readonly library: boolean;
  /** Insertion order, the last tie-breaker. */
  readonly order: number;
}

export interface FileIndexOptions {
  /** Folder names to skip (compared case-insensitively). Defaults to `DEFAULT_IGNORED_DIRECTORIES`. */
  ignoredDirectories?: Iterable<string>;
}

export interface SuffixLookup {
  length: number;
  /** How many files `files()` lists, and how many of them are vendored, known without walking them. */
  count: number;
  libraryCount: number;
  /** The files, or the first `limit` of them. */
  files(limit?: number): IndexedFile[];
}

export class FileIndex {
  private readonly rootKeys: string[];
  private readonly rootPrefixes: string[];
  private readonly ignored: Set<string>;
  private readonly byKey = new Map<string, IndexedFile>();
  private readonly trie = new SuffixTrie<IndexedFile>(undefined, isLibrary);
  private lowerTrie: SuffixTrie<IndexedFile> | undefined;
  /**
   * Lower-cased folder paths (root + relative folders) → how many indexed files lie below; built on first use
   * (only frames whose suffix match needs checking ask), then kept current.
   */
  private folders: Map<string, number> | undefined;
  /**
   * One string per distinct segment name (`src`, `index.ts`…): less memory, and comparisons with frame segments
   * that stay in cache. Names of removed files stay; there are as many as distinct names ever indexed.
   */
  private readonly segmentNames = new Map<string, string>();
  private nextOrder = 0;
  private changes = 0;

  constructor(roots: Iterable<string>, files: Iterable<string> = [], options: FileIndexOptions = {}) {
    const keys = new Set<string>();
    for (const root of roots) {
      const key = normalizeKey(root);
      if (key !== undefined) {
        keys.add(key);
      }
    }
    // Deepest first, so a file in nested roots belongs to the innermost one.
    this.rootKeys = [...keys].sort((a, b) => b.length - a.length);
    this.rootPrefixes = this.rootKeys.map((root) => (root.endsWith('/') ? root : `${root}/`));
    this.ignored = new Set([...(options.ignoredDirectories ?? DEFAULT_IGNORED_DIRECTORIES)].map((name) => name.toLowerCase()));
    for (const file of files) {
      this.add(file);
    }
  }

  /** Normalized workspace roots. */
  get roots(): readonly string[] {
    return this.rootKeys;
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Changes with every file added or removed, so caches of resolutions can tell they are stale. */
  get generation(): number {
    return this.changes;
  }

  /** Adds a file; false when it is outside every root, in an ignored folder, or already present. */
  add(path: string): boolean {
    const key = normalizeKey(path);
    if (key === undefined || this.byKey.has(key)) {
      return false;
    }
    const root = this.rootOf(key);
    if (root === undefined) {
      return false;
    }
    const relative = key.slice(this.rootPrefixes[this.rootKeys.indexOf(root)].length).split('/');
    for (let i = 0; i < relative.length; i++) {
      relative[i] = this.interned(relative[i]);
    }
    let library = false;
    for (let i = 0; i < relative.length - 1; i++) {
      const folder = HAS_UPPER_CASE.test(relative[i]) ? relative[i].toLowerCase() : relative[i];
      if (this.ignored.has(folder)) {
        return false;
      }
      library ||= VENDORED_DIRECTORIES.has(folder);
    }
    const file: IndexedFile = { path, key, root, relative, library, order: this.nextOrder++ };
    this.byKey.set(key, file);
    this.trie.insert(relative, file);
    this.lowerTrie?.insert(relative, file);
    this.countFolders(file, 1);
    this.changes++;
    return true;
  }

  remove(path: string): boolean {
    const key = normalizeKey(path);
    const file = key === undefined ? undefined : this.byKey.get(key);
    if (!file) {
      return false;
    }
    this.byKey.delete(file.key);
    this.trie.remove(file.relative, file);
    this.lowerTrie?.remove(file.relative, file);
    this.countFolders(file, -1);
    this.changes++;
    return true;
  }

  /** Whether some indexed file lies below the folder `root` + `segments` (compared ignoring case). */
  hasFolder(root: string, segments: readonly string[]): boolean {
    if (!this.folders) {
      this.folders = new Map();
      for (const file of this.byKey.values()) {
        this.countFolders(file, 1);
      }
    }
    return this.folders.has(`${root}/${segments.join('/')}`.toLowerCase());
  }

  /** Removes every file below a folder (a watcher reports a deleted folder once). Returns how many went. */
  removeFolder(folder: string): number {
    const key = normalizeKey(folder);
    if (key === undefined) {
      return 0;
    }
    const doomed = [...this.byKey.values()].filter((file) => isInsideRoot(file.key, key));
    doomed.forEach((file) => this.remove(file.key));
    return doomed.length;
  }

  has(path: string): boolean {
    return this.get(path) !== undefined;
  }

  get(path: string): IndexedFile | undefined {
    const key = normalizeKey(path);
    return key === undefined ? undefined : this.byKey.get(key);
  }

  *files(): IterableIterator<IndexedFile> {
    yield* this.byKey.values();
  }

  /** The deepest root holding a normalized path. */
  rootOf(key: string, caseInsensitive = false): string | undefined {
    if (caseInsensitive) {
      return this.rootKeys.find((root) => isInsideRoot(key, root, true));
    }
    for (let i = 0; i < this.rootPrefixes.length; i++) {
      const prefix = this.rootPrefixes[i];
      if (key.length > prefix.length && key.startsWith(prefix)) {
        return this.rootKeys[i];
      }
    }
    return undefined;
  }

  /** Files at exactly these segments below some root (or below `root` only). */
  findRelative(segments: readonly string[], caseInsensitive: boolean, root?: string): IndexedFile[] {
    const trie = caseInsensitive ? this.caseInsensitiveTrie() : this.trie;
    const found = trie.exact(nfcSegments(segments));
    return root === undefined ? [...found] : found.filter((file) => file.root === root);
  }

  /** Files at a normalized absolute path (several only when matching ignores case). */
  findAbsolute(path: string, caseInsensitive: boolean): IndexedFile[] {
    const key = nfc(path);
    const exact = this.byKey.get(key);
    if (exact || !caseInsensitive) {
      return exact ? [exact] : [];
    }
    const root = this.rootOf(key, true);
    if (root === undefined) {
      return [];
    }
    const relative = key.slice(root.length + (root.endsWith('/') ? 0 : 1)).split('/');
    return this.findRelative(relative, true, root);
  }

  /** The longest trailing run of segments that some files share, and those files. */
  longestSuffix(segments: readonly string[], caseInsensitive: boolean): SuffixLookup {
    const trie = caseInsensitive ? this.caseInsensitiveTrie() : this.trie;
    const match = trie.longestSuffix(nfcSegments(segments));
    return { length: match.length, count: match.count, libraryCount: match.flaggedCount, files: match.values };
  }

  private interned(segment: string): string {
    const known = this.segmentNames.get(segment);
    if (known !== undefined) {
      return known;
    }
    this.segmentNames.set(segment, segment);
    return segment;
  }

  private countFolders(file: IndexedFile, delta: 1 | -1): void {
    const folders = this.folders;
    if (!folders) {
      return;
    }
    let key = file.root.toLowerCase();
    for (let depth = 1; depth < file.relative.length; depth++) {
      key += `/${file.relative[depth - 1].toLowerCase()}`;
      const count = (folders.get(key) ?? 0) + delta;
      if (count > 0) {
        folders.set(key, count);
      } else {
        folders.delete(key);
      }
    }
  }

  private caseInsensitiveTrie(): SuffixTrie<IndexedFile> {
    if (!this.lowerTrie) {
      const trie = new SuffixTrie<IndexedFile>((segment) => segment.toLowerCase(), isLibrary);
      for (const file of this.byKey.values()) {
        trie.insert(file.relative, file);
      }
      this.lowerTrie = trie;
    }
    return this.lowerTrie;
  }
}

function isLibrary(file: IndexedFile): boolean {
  return file.library;
}

/** A local path as the index keys it: `normalizeLocalPath`, then NFC so both Unicode spellings of a name meet. */
function normalizeKey(path: string): string | undefined {
  const key = normalizeLocalPath(path);
  return key === undefined ? undefined : nfc(key);
}
