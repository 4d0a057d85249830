/**
 * The workspace's files, indexed by path suffix (file name, then folders upward) for frame lookups and kept
 * current through `add` / `remove` / `applyChanges` from a file watcher. Only files under the given roots are
 * kept, and dependency / build-output folders are skipped.
 *
 * Paths are stored compactly (`PathStore`: interned segment names, folders and files as numbers in typed
 * arrays); one suffix trie over file numbers answers exact-case lookups, and case-insensitive ones through every
 * indexed spelling of a name. Lookups hand out `IndexedFile` views that rebuild a file's path only when asked.
 *
 * A listing is added path by path: a path's segments are hashed where they lie in the string and found among
 * the names and folders met before, the file is appended to its name's bucket in the trie and counted into its
 * folders. Nothing else is built afterwards; room for the whole listing is taken at once.
 */

import { grownUint8 } from './growableArrays';
import { IndexedFile, IndexedFileSource, IndexedFileView } from './indexedFile';
import { isInsideRoot, normalizeLocalPath, sharedDirectoryDepth } from './pathSafety';
import { LIBRARY, NO_FILE, NO_FOLDER, PathSpelling, PathStore, expectedNames } from './pathStore';
import { HASH_PRIME, HASH_START, NO_NAME } from './segmentNames';
import { KeyChoices, SuffixTrie } from './suffixTrie';
import { nfc, nfcSegments } from './unicodeNames';

export type { IndexedFile } from './indexedFile';

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

/** A folder the index skips, with everything below it. */
const IGNORED_FOLDER = -2;

/** What a folder's name makes it: not sorted yet, an ordinary folder, vendored code, or skipped. */
const UNSORTED = 0;
const PLAIN_FOLDER = 1;
const VENDORED = 2;
const SKIPPED = 3;

const SLASH = 47;
const BACKSLASH = 92;
const DOT = 46;

/** What `addKey` answers instead of a file number: not added (present, or in a skipped folder), or not plain. */
const NOT_ADDED = -2;
const NOT_PLAIN = -3;

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

/** One watcher event: a path created, or a path (file or folder) deleted. */
export interface FileChange {
  path: string;
  deleted: boolean;
}

export class FileIndex implements IndexedFileSource {
  private readonly rootKeys: string[];
  private readonly rootPrefixes: string[];
  private readonly rootSlashes: number[];
  private readonly rootFolders: number[];
  private readonly ignored: Set<string>;
  /** Per name number: what a folder of that name is (`sortFolderName`), once a folder of that name was met. */
  private folderKinds = new Uint8Array(1024);
  private readonly store = new PathStore();
  /** Exact-case lookups follow one key per segment; case-insensitive ones every spelling of it. */
  private readonly trie: SuffixTrie;
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
    this.rootSlashes = this.rootPrefixes.map((prefix) => prefix.split('/').length - 1);
    this.rootFolders = this.rootKeys.map((_, i) => this.store.addRoot(i));
    this.ignored = new Set([...(options.ignoredDirectories ?? DEFAULT_IGNORED_DIRECTORIES)].map((name) => name.toLowerCase()));
    const store = this.store;
    this.trie = new SuffixTrie({
      nameKey: (file) => store.nameOf(file),
      folderOf: (file) => store.folderOf(file),
      parentOf: (folder) => store.folderParentOf(folder),
      folderKey: (folder) => store.folderNameOf(folder),
      isFlagged: (file) => store.isLibrary(file),
    });
    this.addAll(files);
  }

  /** Normalized workspace roots. */
  get roots(): readonly string[] {
    return this.rootKeys;
  }

  get size(): number {
    return this.store.size;
  }

  /** Changes with every file added or removed, so caches of resolutions can tell they are stale. */
  get generation(): number {
    return this.changes;
  }

  /** Adds a file; false when it is outside every root, in an ignored folder, or already present. */
  add(path: string): boolean {
    const file = this.addToStore(path);
    if (file < 0) {
      return false;
    }
    this.trie.insert(file);
    return true;
  }

  /** Adds many files at once (a workspace listing); returns how many were added. */
  addAll(paths: Iterable<string>): number {
    const listed = Array.isArray(paths) ? paths : [...paths];
    this.reserve(listed.length);
    let count = 0;
    for (const path of listed) {
      count += this.add(path) ? 1 : 0;
    }
    return count;
  }

  /**
   * As `addAll`, a slice at a time: `pause()` is awaited whenever a slice has taken `sliceMs`, so a caller on an
   * event loop (the extension host) keeps answering while a large listing is indexed. At each pause the index
   * answers for the files added so far.
   */
  async addAllInSlices(paths: readonly string[], pause: () => Promise<void>, sliceMs = 15): Promise<number> {
    this.reserve(paths.length);
    let count = 0;
    let sliceStarted = performance.now();
    for (let i = 0; i < paths.length; i++) {
      count += this.add(paths[i]) ? 1 : 0;
      if ((i & 1023) === 1023 && performance.now() - sliceStarted > sliceMs) {
        await pause();
        sliceStarted = performance.now();
      }
    }
    return count;
  }

  /** Room for `files` more files, taken at once rather than grown step by step. */
  private reserve(files: number): void {
    this.store.reserve(files);
    // The trie's root has a node per distinct file name.
    this.trie.reserve(this.store.slots + files, expectedNames(files));
  }

  remove(path: string): boolean {
    const key = normalizeKey(path);
    const file = key === undefined ? NO_FILE : this.fileOfKey(key);
    if (file === NO_FILE) {
      return false;
    }
    this.removeFile(file);
    return true;
  }

  /** Removes every file below a folder (a watcher reports a deleted folder once). Returns how many went. */
  removeFolder(folder: string): number {
    const key = normalizeKey(folder);
    if (key === undefined) {
      return 0;
    }
    const doomed = this.foldersAt(key);
    return doomed.length === 0 ? 0 : this.removeFilesWithin(doomed);
  }

  /**
   * Applies watcher events in order, without rebuilding: a created path is added, a deleted path removes the file
   * or, when it names a folder, every file below it. Returns how many files came and went.
   */
  applyChanges(changes: Iterable<FileChange>): { added: number; removed: number } {
    let added = 0;
    let removed = 0;
    let doomedFolders: number[] = [];
    const flushFolders = (): void => {
      if (doomedFolders.length > 0) {
        removed += this.removeFilesWithin(doomedFolders);
        doomedFolders = [];
      }
    };
    for (const change of changes) {
      if (!change.deleted) {
        flushFolders();
        added += this.add(change.path) ? 1 : 0;
        continue;
      }
      const key = normalizeKey(change.path);
      if (key === undefined) {
        continue;
      }
      const file = this.fileOfKey(key);
      if (file !== NO_FILE) {
        this.removeFile(file);
        removed++;
      } else {
        doomedFolders.push(...this.foldersAt(key));
      }
    }
    flushFolders();
    return { added, removed };
  }

  /** Whether some indexed file lies below the folder `root` + `segments` (compared ignoring case). */
  hasFolder(root: string, segments: readonly string[]): boolean {
    const names = this.store.names;
    const lowered = segments.map((segment) => names.lowerIdOf(segment));
    return segments.length > 0 && !lowered.includes(NO_NAME) && this.hasLoweredFolder(root, lowered);
  }

  has(path: string): boolean {
    return this.get(path) !== undefined;
  }

  get(path: string): IndexedFile | undefined {
    const key = normalizeKey(path);
    const file = key === undefined ? NO_FILE : this.fileOfKey(key);
    return file === NO_FILE ? undefined : this.view(file);
  }

  *files(): IterableIterator<IndexedFile> {
    for (const file of this.store.liveFileIds()) {
      yield this.view(file);
    }
  }

  /** The deepest root holding a normalized path. */
  rootOf(key: string, caseInsensitive = false): string | undefined {
    if (caseInsensitive) {
      return this.rootKeys.find((root) => isInsideRoot(key, root, true));
    }
    const at = this.rootIndexOf(key);
    return at < 0 ? undefined : this.rootKeys[at];
  }

  /** Files at exactly these segments below some root (or below `root` only). */
  findRelative(segments: readonly string[], caseInsensitive: boolean, root?: string): IndexedFile[] {
    const found = caseInsensitive ? this.trie.exactAmong(this.spellingsOf(segments)) : this.trie.exact(this.keysOf(segments));
    const out: IndexedFile[] = [];
    for (const file of found) {
      if (root === undefined || this.rootKeys[this.store.rootIndexOf(file)] === root) {
        out.push(this.view(file));
      }
    }
    return out;
  }

  /** Files at a normalized absolute path (several only when matching ignores case). */
  findAbsolute(path: string, caseInsensitive: boolean): IndexedFile[] {
    const key = nfc(path);
    const exact = this.fileOfKey(key);
    if (exact !== NO_FILE || !caseInsensitive) {
      return exact !== NO_FILE ? [this.view(exact)] : [];
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
    const match = caseInsensitive ? this.trie.longestSuffixAmong(this.spellingsOf(segments)) : this.trie.longestSuffix(this.keysOf(segments));
    return {
      length: match.length,
      count: match.count,
      libraryCount: match.flaggedCount,
      files: (limit) => match.files(limit).map((file) => this.view(file)),
    };
  }

  /** How many segments a file's path has below its root. */
  lengthOf(file: IndexedFile): number {
    return this.store.lengthOf(file.id);
  }

  /** The name of a file's segment `fromEnd` places before its name (0: the name); undefined above its root. */
  segmentName(file: IndexedFile, fromEnd: number): string | undefined {
    const name = this.store.segmentAt(file.id, fromEnd);
    return name === NO_NAME ? undefined : this.store.names.name(name);
  }

  /**
   * Whether the folder holding a file's segment `fromEnd` places before its name (1: the file's own folder) also
   * holds a folder called `name` with files below it: `hasFolder` on the file's own folders up to there, plus
   * `name`, without building them as strings.
   */
  hasFolderBeside(file: IndexedFile, fromEnd: number, name: string): boolean {
    const store = this.store;
    const names = store.names;
    const nameLower = names.lowerIdOf(name);
    if (fromEnd < 0 || fromEnd >= store.lengthOf(file.id) || nameLower === NO_NAME) {
      return false;
    }
    let folder = store.ancestorOf(file.id, fromEnd);
    const depth = store.folderDepthOf(folder);
    const lowered = new Array<number>(depth + 1);
    lowered[depth] = nameLower;
    for (let at = depth - 1; at >= 0; at--) {
      lowered[at] = names.lowerOf(store.folderNameOf(folder));
      folder = store.folderParentOf(folder);
    }
    return this.hasLoweredFolder(this.rootKeys[store.rootIndexOf(file.id)], lowered);
  }

  /**
   * How many leading folders a file shares with each sibling path (normalized local paths), counted like
   * `sharedDirectoryDepth` on the file's key, without building the key. Each sibling is read once here.
   */
  sharedDepthTo(siblings: readonly string[]): (file: IndexedFile, sibling: number) => number {
    const perSibling = siblings.map((sibling) => this.rootKeys.map((_, root) => this.siblingPlace(sibling, root)));
    return (file, sibling) => {
      const root = this.store.rootIndexOf(file.id);
      const place = perSibling[sibling][root];
      return place.folder === NO_FOLDER ? place.depth : place.depth + this.store.sharedDepth(this.store.folderOf(file.id), place.folder);
    };
  }

  relativeOf(file: number): string[] {
    return this.store.relativeOf(file);
  }

  rootKeyOf(file: number): string {
    return this.rootKeys[this.store.rootIndexOf(file)];
  }

  keyOf(file: number, relative: readonly string[]): string {
    return this.rootPrefixes[this.store.rootIndexOf(file)] + relative.join('/');
  }

  pathOf(file: number, key: string): string {
    switch (this.store.spellingOf(file)) {
      case PathSpelling.Backslashes:
        return key.replace(/\//g, '\\');
      case PathSpelling.Other:
        return this.store.otherSpellingOf(file) ?? key;
      default:
        return key;
    }
  }

  private view(file: number): IndexedFile {
    return new IndexedFileView(file, this.store.isLibrary(file), this);
  }

  /** Adds a file to the store (not yet to the trie): its number, or negative when it is not added. */
  private addToStore(path: string): number {
    if (path.charCodeAt(0) === SLASH) {
      const root = this.rootIndexOf(path);
      const file = root < 0 ? NOT_PLAIN : this.addKey(path, root, path, false);
      if (file !== NOT_PLAIN) {
        return file;
      }
    }
    const key = normalizeKey(path);
    const root = key === undefined ? -1 : this.rootIndexOf(key);
    return key === undefined || root < 0 ? NOT_ADDED : this.addKey(key, root, path, true);
  }

  /**
   * Adds the file at `key` below root `root` to the store, reading its segments where they lie in the string. A path as given
   * (`normalized` false) is taken only when plain: ASCII below the root, no backslash, no empty, `.` or `..`
   * segment, so it is its own key; otherwise the answer is `NOT_PLAIN` and the caller normalizes it first.
   */
  private addKey(key: string, root: number, path: string, normalized: boolean): number {
    const store = this.store;
    const names = store.names;
    let folder = this.rootFolders[root];
    let start = this.rootPrefixes[root].length;
    let hash = HASH_START;
    // The loop runs for every character of every file of a listing: the hash step is written out, and the
    // segment checks only run on what could fail them.
    for (let i = start; i < key.length; i++) {
      const code = key.charCodeAt(i);
      if (code === SLASH) {
        if (!normalized && (i === start || key.charCodeAt(start) === DOT) && isOddSegment(key, start, i)) {
          return NOT_PLAIN;
        }
        folder = this.childFolderFor(folder, names.internInPath(key, start, i, hash));
        if (folder === IGNORED_FOLDER) {
          return NOT_ADDED;
        }
        start = i + 1;
        hash = HASH_START;
      } else if (!normalized && (code === BACKSLASH || code > 127 || code < 32)) {
        return NOT_PLAIN;
      } else {
        hash = Math.imul(hash ^ code, HASH_PRIME);
      }
    }
    if (!normalized && isOddSegment(key, start, key.length)) {
      return NOT_PLAIN;
    }
    const name = names.internInPath(key, start, key.length, hash);
    const file = store.addFile(folder, name, path === key ? PathSpelling.Key : spellingOf(path, key), path);
    if (file === NO_FILE) {
      return NOT_ADDED;
    }
    this.changes++;
    return file;
  }

  /**
   * The child folder of that name, created unless its name is one the index skips (`IGNORED_FOLDER`; no such
   * folder is ever created, so none is looked up).
   */
  private childFolderFor(folder: number, name: number): number {
    const kind = name < this.folderKinds.length && this.folderKinds[name] !== UNSORTED ? this.folderKinds[name] : this.sortFolderName(name);
    return kind === SKIPPED ? IGNORED_FOLDER : this.store.ensureChildFolder(folder, name, kind === VENDORED ? LIBRARY : 0);
  }

  /** What a folder of that name is (its lower-cased spelling against the skipped and vendored names), noted for next time. */
  private sortFolderName(name: number): number {
    const names = this.store.names;
    const lower = names.name(names.lowerOf(name));
    const kind = this.ignored.has(lower) ? SKIPPED : VENDORED_DIRECTORIES.has(lower) ? VENDORED : PLAIN_FOLDER;
    this.folderKinds = grownUint8(this.folderKinds, name + 1);
    this.folderKinds[name] = kind;
    return kind;
  }

  private removeFile(file: number): void {
    this.trie.remove(file);
    this.store.removeFile(file);
    this.changes++;
  }

  /** Removes the files below any of these folders, in one pass over the files. */
  private removeFilesWithin(folders: readonly number[]): number {
    const doomed: number[] = [];
    for (const file of this.store.liveFileIds()) {
      const own = this.store.folderOf(file);
      if (folders.some((folder) => this.store.isWithin(own, folder))) {
        doomed.push(file);
      }
    }
    doomed.forEach((file) => this.removeFile(file));
    return doomed.length;
  }

  /** The indexed folders a normalized path names: a folder below a root, or whole roots at or below it. */
  private foldersAt(key: string): number[] {
    const out: number[] = [];
    this.rootKeys.forEach((root, i) => {
      if (root === key || isInsideRoot(root, key)) {
        out.push(this.rootFolders[i]);
      } else if (isInsideRoot(key, root)) {
        const folder = this.existingFolder(i, key.slice(this.rootPrefixes[i].length).split('/'));
        if (folder !== NO_FOLDER && this.store.holdsFiles(folder)) {
          out.push(folder);
        }
      }
    });
    return out;
  }

  private existingFolder(root: number, segments: readonly string[], count = segments.length): number {
    let folder = this.rootFolders[root];
    for (let i = 0; i < count && folder !== NO_FOLDER; i++) {
      const name = this.store.names.idOf(segments[i]);
      folder = name === NO_NAME ? NO_FOLDER : this.store.childFolder(folder, name);
    }
    return folder;
  }

  private fileOfKey(key: string): number {
    const root = this.rootIndexOf(key);
    if (root < 0) {
      return NO_FILE;
    }
    const names = this.store.names;
    let folder = this.rootFolders[root];
    let start = this.rootPrefixes[root].length;
    let hash = HASH_START;
    for (let i = start; i < key.length; i++) {
      const code = key.charCodeAt(i);
      if (code !== SLASH) {
        hash = Math.imul(hash ^ code, HASH_PRIME);
        continue;
      }
      const name = names.idInPath(key, start, i, hash);
      folder = name === NO_NAME ? NO_FOLDER : this.store.childFolder(folder, name);
      if (folder === NO_FOLDER) {
        return NO_FILE;
      }
      start = i + 1;
      hash = HASH_START;
    }
    const name = names.idInPath(key, start, key.length, hash);
    return name === NO_NAME ? NO_FILE : this.store.fileIn(folder, name);
  }

  private rootIndexOf(key: string): number {
    for (let i = 0; i < this.rootPrefixes.length; i++) {
      const prefix = this.rootPrefixes[i];
      if (key.length > prefix.length && key.startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }

  /** `hasFolder` with the segments already as numbers of lower-cased names. */
  private hasLoweredFolder(root: string, lowered: readonly number[]): boolean {
    const wanted = root.toLowerCase();
    return this.rootKeys.some((key, i) => key.toLowerCase() === wanted && this.hasLoweredBelow(this.rootFolders[i], lowered, 0));
  }

  private hasLoweredBelow(folder: number, lowered: readonly number[], at: number): boolean {
    if (at === lowered.length) {
      return this.store.holdsFiles(folder);
    }
    return this.store.names.someSpelling(lowered[at], (name) => {
      const child = this.store.childFolder(folder, name);
      return child !== NO_FOLDER && this.hasLoweredBelow(child, lowered, at + 1);
    });
  }

  private keysOf(segments: readonly string[]): number[] {
    const names = this.store.names;
    return nfcSegments(segments).map((segment) => names.idOf(segment));
  }

  /** The segments as choices of every indexed spelling that lower-cases like them. */
  private spellingsOf(segments: readonly string[]): KeyChoices {
    const names = this.store.names;
    const lowered = nfcSegments(segments).map((segment) => names.lowerIdOf(segment));
    const length = lowered.length;
    const spellings = new Array<number[] | undefined>(length);
    return {
      length,
      keysAt: (fromEnd) => {
        const at = length - 1 - fromEnd;
        let keys = spellings[at];
        if (keys === undefined) {
          keys = [];
          const found = keys;
          if (lowered[at] !== NO_NAME) {
            names.someSpelling(lowered[at], (name) => {
              found.push(name);
              return false;
            });
          }
          spellings[at] = keys;
        }
        return keys;
      },
      matches: (key, fromEnd) => key >= 0 && names.lowerOf(key) === lowered[length - 1 - fromEnd],
    };
  }

  /**
   * Where a sibling path meets a root's files: below the root, the deepest indexed folder on its way (files
   * then share the root's slashes plus their common folders with it); elsewhere, only what the root's own path
   * shares with it.
   */
  private siblingPlace(sibling: string, root: number): { folder: number; depth: number } {
    const prefix = this.rootPrefixes[root];
    if (!sibling.startsWith(prefix) || sibling.length === prefix.length) {
      return { folder: NO_FOLDER, depth: sharedDirectoryDepth(prefix, sibling) };
    }
    const folders = sibling.slice(prefix.length).split('/');
    folders.pop();
    let folder = this.rootFolders[root];
    for (const segment of folders) {
      const name = this.store.names.idOf(segment);
      const child = name === NO_NAME ? NO_FOLDER : this.store.childFolder(folder, name);
      if (child === NO_FOLDER) {
        break;
      }
      folder = child;
    }
    return { folder, depth: this.rootSlashes[root] };
  }
}

/** An empty, `.` or `..` segment between `from` and `to`: such a path needs normalizing. */
function isOddSegment(path: string, from: number, to: number): boolean {
  const length = to - from;
  return length === 0 || (path.charCodeAt(from) === DOT && (length === 1 || (length === 2 && path.charCodeAt(from + 1) === DOT)));
}

/** How the path a file was added with relates to its key (so the key alone can give it back). */
function spellingOf(path: string, key: string): PathSpelling {
  if (path === key) {
    return PathSpelling.Key;
  }
  return !path.includes('/') && path.replace(/\\/g, '/') === key ? PathSpelling.Backslashes : PathSpelling.Other;
}

/** A local path as the index keys it: `normalizeLocalPath`, then NFC so both Unicode spellings of a name meet. */
function normalizeKey(path: string): string | undefined {
  const key = normalizeLocalPath(path);
  return key === undefined ? undefined : nfc(key);
}
