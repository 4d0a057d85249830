/**
 * The workspace's folders and files as numbers in typed arrays, not one object per path. A folder is (parent
 * folder, name number); a file is (folder, name number, flags). Each workspace root is a folder of depth 0, and a
 * path below it is rebuilt by walking up the parents. One hash table of folder and file numbers finds a folder's
 * child folder or file by name: it holds only the numbers (4 bytes a slot) and reads each one's parent and name
 * from the columns above, so indexing a listing writes as little fresh memory as it can.
 *
 * Folders stay once created (with a count of the files below them): there are as many as distinct folders ever
 * indexed. File numbers are reused after removal.
 */

import { grownInt32, grownUint8 } from './growableArrays';
import { pairHash } from './pairTable';
import { NO_NAME, SegmentNames } from './segmentNames';

export const NO_FOLDER = -1;
export const NO_FILE = -1;

/** A folder's or file's flags. */
export const LIBRARY = 1;
const LIVE = 2;
/** How the path a file was added with differs from its key (see `PathSpelling`). */
const SPELLING_SHIFT = 2;
const SPELLING_MASK = 3 << SPELLING_SHIFT;

/** The path as added is the key itself, the key with backslashes, or something else (kept aside). */
export const PathSpelling = { Key: 0, Backslashes: 1, Other: 2 } as const;
export type PathSpelling = (typeof PathSpelling)[keyof typeof PathSpelling];

const FOLDER_KIND = 0;
const FILE_KIND = 1;
/** The child table's slots: 0 is empty, else 1 + (number << 1 | kind). */
const EMPTY_SLOT = 0;
const MAX_LOAD = 0.7;

export class PathStore {
  readonly names = new SegmentNames();
  private children = new Int32Array(4096);
  private childCount = 0;

  private folderParent = new Int32Array(1024);
  private folderName = new Int32Array(1024);
  private folderRoot = new Int32Array(1024);
  private folderDepth = new Int32Array(1024);
  private folderFiles = new Int32Array(1024);
  private folderFlags = new Uint8Array(1024);
  private folders = 0;

  private fileFolder = new Int32Array(1024);
  private fileName = new Int32Array(1024);
  private fileFlags = new Uint8Array(1024);
  private fileSlots = 0;
  private liveFiles = 0;
  private readonly freeSlots: number[] = [];
  private readonly otherSpellings = new Map<number, string>();

  get size(): number {
    return this.liveFiles;
  }

  /** One past the highest file number in use (per-file arrays elsewhere are sized by it). */
  get slots(): number {
    return this.fileSlots;
  }

  /**
   * Makes room for `files` more files at once (a workspace listing), rather than growing step by step: their
   * columns, the child table, as many folders and some names (untouched room costs no memory until used). Grown
   * before the listing is read, the columns are not replaced under code the JIT has just optimized for them.
   */
  reserve(files: number): void {
    const needed = this.fileSlots + files;
    if (needed > this.fileFolder.length) {
      this.fileFolder = grownInt32(this.fileFolder, needed);
      this.fileName = grownInt32(this.fileName, needed);
      this.fileFlags = grownUint8(this.fileFlags, needed);
    }
    this.reserveFolders(this.folders + files);
    this.reserveChildren(this.childCount + files + (files >> 1));
    this.names.reserve(this.names.count + expectedNames(files));
  }

  addRoot(rootIndex: number): number {
    return this.newFolder(NO_FOLDER, NO_NAME, rootIndex, 0, 0);
  }

  /** The child folder of that name, or `NO_FOLDER`. */
  childFolder(folder: number, name: number): number {
    const held = this.children[this.folderSlot(folder, name)];
    return held === EMPTY_SLOT ? NO_FOLDER : (held - 1) >> 1;
  }

  /** The child folder of that name, created with `flags` when missing. */
  ensureChildFolder(folder: number, name: number, flags: number): number {
    const slot = this.folderSlot(folder, name);
    const held = this.children[slot];
    if (held !== EMPTY_SLOT) {
      return (held - 1) >> 1;
    }
    const child = this.newFolder(folder, name, this.folderRoot[folder], this.folderDepth[folder] + 1, flags | (this.folderFlags[folder] & LIBRARY));
    this.claimChild(slot, (child << 1) | FOLDER_KIND);
    return child;
  }

  /** The file of that name in the folder, or `NO_FILE`. */
  fileIn(folder: number, name: number): number {
    const held = this.children[this.fileSlot(folder, name)];
    return held === EMPTY_SLOT ? NO_FILE : (held - 1) >> 1;
  }

  /** Adds a file (counted into its folder and every folder above); `NO_FILE` when the folder already holds one of that name. */
  addFile(folder: number, name: number, spelling: PathSpelling, path: string): number {
    const slot = this.fileSlot(folder, name);
    if (this.children[slot] !== EMPTY_SLOT) {
      return NO_FILE;
    }
    const file = this.freeSlots.pop() ?? this.fileSlots++;
    if (file >= this.fileFolder.length) {
      this.fileFolder = grownInt32(this.fileFolder, file + 1);
      this.fileName = grownInt32(this.fileName, file + 1);
      this.fileFlags = grownUint8(this.fileFlags, file + 1);
    }
    this.fileFolder[file] = folder;
    this.fileName[file] = name;
    this.fileFlags[file] = LIVE | (this.folderFlags[folder] & LIBRARY) | (spelling << SPELLING_SHIFT);
    if (spelling === PathSpelling.Other) {
      this.otherSpellings.set(file, path);
    }
    this.claimChild(slot, (file << 1) | FILE_KIND);
    this.countFiles(folder, 1);
    this.liveFiles++;
    return file;
  }

  removeFile(file: number): void {
    if (!this.isLive(file)) {
      return;
    }
    const folder = this.fileFolder[file];
    this.deleteChild(this.fileSlot(folder, this.fileName[file]));
    this.countFiles(folder, -1);
    this.fileFlags[file] = 0;
    this.otherSpellings.delete(file);
    this.freeSlots.push(file);
    this.liveFiles--;
  }

  isLive(file: number): boolean {
    return file >= 0 && file < this.fileSlots && (this.fileFlags[file] & LIVE) !== 0;
  }

  isLibrary(file: number): boolean {
    return (this.fileFlags[file] & LIBRARY) !== 0;
  }

  folderOf(file: number): number {
    return this.fileFolder[file];
  }

  nameOf(file: number): number {
    return this.fileName[file];
  }

  rootIndexOf(file: number): number {
    return this.folderRoot[this.fileFolder[file]];
  }

  /** How many segments the file's path has below its root. */
  lengthOf(file: number): number {
    return this.folderDepth[this.fileFolder[file]] + 1;
  }

  /** The name number of the segment `fromEnd` places before the file's name (0: the name), or `NO_NAME` above the root. */
  segmentAt(file: number, fromEnd: number): number {
    if (fromEnd === 0) {
      return this.fileName[file];
    }
    let folder = this.fileFolder[file];
    if (fromEnd > this.folderDepth[folder]) {
      return NO_NAME;
    }
    for (let up = 1; up < fromEnd; up++) {
      folder = this.folderParent[folder];
    }
    return this.folderName[folder];
  }

  /** The file's segments below its root, as strings. */
  relativeOf(file: number): string[] {
    const length = this.lengthOf(file);
    const out = new Array<string>(length);
    out[length - 1] = this.names.name(this.fileName[file]);
    let folder = this.fileFolder[file];
    for (let at = length - 2; at >= 0; at--) {
      out[at] = this.names.name(this.folderName[folder]);
      folder = this.folderParent[folder];
    }
    return out;
  }

  spellingOf(file: number): PathSpelling {
    const spelling = (this.fileFlags[file] & SPELLING_MASK) >> SPELLING_SHIFT;
    return spelling === PathSpelling.Backslashes ? PathSpelling.Backslashes : spelling === PathSpelling.Other ? PathSpelling.Other : PathSpelling.Key;
  }

  otherSpellingOf(file: number): string | undefined {
    return this.otherSpellings.get(file);
  }

  folderParentOf(folder: number): number {
    return this.folderParent[folder];
  }

  folderNameOf(folder: number): number {
    return this.folderName[folder];
  }

  folderDepthOf(folder: number): number {
    return this.folderDepth[folder];
  }

  folderRootOf(folder: number): number {
    return this.folderRoot[folder];
  }

  /** Whether some file lies below the folder. */
  holdsFiles(folder: number): boolean {
    return this.folderFiles[folder] > 0;
  }

  /** The file's ancestor folder `levels` above its own folder (0: its own folder). */
  ancestorOf(file: number, levels: number): number {
    let folder = this.fileFolder[file];
    for (let up = 0; up < levels && folder !== NO_FOLDER; up++) {
      folder = this.folderParent[folder];
    }
    return folder;
  }

  /** Whether `folder` is `ancestor` or lies below it. */
  isWithin(folder: number, ancestor: number): boolean {
    const depth = this.folderDepth[ancestor];
    if (this.folderRoot[folder] !== this.folderRoot[ancestor] || this.folderDepth[folder] < depth) {
      return false;
    }
    while (this.folderDepth[folder] > depth) {
      folder = this.folderParent[folder];
    }
    return folder === ancestor;
  }

  /** Depth of the deepest folder two folders of the same root share. */
  sharedDepth(a: number, b: number): number {
    while (this.folderDepth[a] > this.folderDepth[b]) {
      a = this.folderParent[a];
    }
    while (this.folderDepth[b] > this.folderDepth[a]) {
      b = this.folderParent[b];
    }
    while (a !== b) {
      a = this.folderParent[a];
      b = this.folderParent[b];
    }
    return this.folderDepth[a];
  }

  /** Live file numbers, in number order. */
  *liveFileIds(): IterableIterator<number> {
    for (let file = 0; file < this.fileSlots; file++) {
      if ((this.fileFlags[file] & LIVE) !== 0) {
        yield file;
      }
    }
  }

  /**
   * The child table's slot holding folder `parent`'s child folder `name`, or the empty slot where it would go.
   *
   * Both slot finders start one slot before the home slot and read an entry's columns before knowing whether the
   * slot is empty (reading those of entry 0 then): the step to the next slot and every comparison run on each
   * lookup. Code the JIT optimizes early in a listing, while the table is nearly empty and slots hardly collide, has
   * then seen all of them, and the first collisions do not send it back to be compiled again.
   */
  private folderSlot(parent: number, name: number): number {
    const children = this.children;
    const mask = children.length - 1;
    let slot = (pairHash(parent, name * 2 + FOLDER_KIND) - 1) & mask;
    for (;;) {
      slot = (slot + 1) & mask;
      const held = children[slot] - 1;
      const folder = held < 0 ? 0 : held >> 1;
      const isFolder = (held & 1) === FOLDER_KIND;
      const sameParent = this.folderParent[folder] === parent;
      const sameName = this.folderName[folder] === name;
      if (held < 0 || (isFolder && sameParent && sameName)) {
        return slot;
      }
    }
  }

  /** The child table's slot holding the file `name` in folder `parent`, or the empty slot where it would go. */
  private fileSlot(parent: number, name: number): number {
    const children = this.children;
    const mask = children.length - 1;
    let slot = (pairHash(parent, name * 2 + FILE_KIND) - 1) & mask;
    for (;;) {
      slot = (slot + 1) & mask;
      const held = children[slot] - 1;
      const file = held < 0 ? 0 : held >> 1;
      const isFile = (held & 1) === FILE_KIND;
      const sameFolder = this.fileFolder[file] === parent;
      const sameName = this.fileName[file] === name;
      if (held < 0 || (isFile && sameFolder && sameName)) {
        return slot;
      }
    }
  }

  /** The home slot of a child table entry (`number << 1 | kind`), from the parent and name its columns hold. */
  private homeOf(entry: number, mask: number): number {
    const id = entry >> 1;
    return (entry & 1) === FOLDER_KIND
      ? pairHash(this.folderParent[id], this.folderName[id] * 2 + FOLDER_KIND) & mask
      : pairHash(this.fileFolder[id], this.fileName[id] * 2 + FILE_KIND) & mask;
  }

  /** Fills the empty slot with `entry`, then grows the table when it is too full. */
  private claimChild(slot: number, entry: number): void {
    this.children[slot] = entry + 1;
    this.childCount++;
    if (this.childCount > this.children.length * MAX_LOAD) {
      this.resizeChildren(this.children.length * 2);
    }
  }

  /** Empties a slot, shifting later members of its run back so no lookup stops early at the hole. */
  private deleteChild(slot: number): void {
    const children = this.children;
    const mask = children.length - 1;
    let hole = slot;
    for (let next = (hole + 1) & mask; children[next] !== EMPTY_SLOT; next = (next + 1) & mask) {
      const home = this.homeOf(children[next] - 1, mask);
      const movable = hole <= next ? home <= hole || home > next : home <= hole && home > next;
      if (movable) {
        children[hole] = children[next];
        hole = next;
      }
    }
    children[hole] = EMPTY_SLOT;
    this.childCount--;
  }

  private reserveChildren(entries: number): void {
    let capacity = this.children.length;
    while (entries > capacity * MAX_LOAD) {
      capacity *= 2;
    }
    if (capacity > this.children.length) {
      this.resizeChildren(capacity);
    }
  }

  private resizeChildren(capacity: number): void {
    const old = this.children;
    const children = new Int32Array(capacity);
    const mask = capacity - 1;
    this.children = children;
    for (let at = 0; at < old.length; at++) {
      if (old[at] !== EMPTY_SLOT) {
        let slot = this.homeOf(old[at] - 1, mask);
        while (children[slot] !== EMPTY_SLOT) {
          slot = (slot + 1) & mask;
        }
        children[slot] = old[at];
      }
    }
  }

  private reserveFolders(count: number): void {
    if (count > this.folderParent.length) {
      this.folderParent = grownInt32(this.folderParent, count);
      this.folderName = grownInt32(this.folderName, count);
      this.folderRoot = grownInt32(this.folderRoot, count);
      this.folderDepth = grownInt32(this.folderDepth, count);
      this.folderFiles = grownInt32(this.folderFiles, count);
      this.folderFlags = grownUint8(this.folderFlags, count);
    }
  }

  private newFolder(parent: number, name: number, root: number, depth: number, flags: number): number {
    const folder = this.folders++;
    this.reserveFolders(folder + 1);
    this.folderParent[folder] = parent;
    this.folderName[folder] = name;
    this.folderRoot[folder] = root;
    this.folderDepth[folder] = depth;
    this.folderFiles[folder] = 0;
    this.folderFlags[folder] = flags;
    return folder;
  }

  private countFiles(folder: number, delta: number): void {
    for (let at = folder; at !== NO_FOLDER; at = this.folderParent[at]) {
      this.folderFiles[at] += delta;
    }
  }
}

/** Distinct names a listing of `files` files is likely to hold (a guess to reserve room by; more still fit). */
export function expectedNames(files: number): number {
  return files >> 4;
}
