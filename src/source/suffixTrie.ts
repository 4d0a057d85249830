/**
 * A trie over path segments read from the end (file name first, then its folder, …), holding file numbers.
 * Walking it with a frame's segments finds the longest matching suffix in time proportional to the suffix,
 * whatever the file count.
 *
 * It is a burst trie: a node keeps its files in a bucket, compared segment by segment, until the bucket outgrows
 * `BURST_SIZE` and is split by the next segment. Only suffixes many files share get nodes of their own. Nodes,
 * buckets and the files' links live in typed arrays; segments are compared as name numbers (`SuffixKeys`).
 *
 * `insert` only appends a file to the bucket it reaches; a bucket larger than `BURST_SIZE` is split the first time
 * something walks into it (`ready`) or removes from it, so a listing is indexed file by file at the cost of a
 * lookup and an append each, and the deeper levels are built for the names frames actually ask about. A split
 * builds the same nodes, in the same order, as splitting at once would have.
 */

import { grownInt32, grownUint8 } from './growableArrays';
import { PairTable } from './pairTable';

const BURST_SIZE = 16;
const NONE = -1;
const ROOT = 0;

/**
 * Where the trie reads a file's segments (as keys) and its flag: the file's own name, then its folder's, that
 * folder's parent's… A root folder's key is negative: the path ends there.
 */
export interface SuffixKeys {
  nameKey(file: number): number;
  folderOf(file: number): number;
  parentOf(folder: number): number;
  folderKey(folder: number): number;
  /** Files whose number each match reports (vendored files, for the resolver). */
  isFlagged(file: number): boolean;
}

/**
 * A lookup where one position may match several keys: the spellings of a name that differ only in case, for a
 * case-insensitive lookup in the one trie (no second, lower-cased trie to build and keep).
 */
export interface KeyChoices {
  /** How many segments the looked-up path has. */
  readonly length: number;
  /** The keys that match its segment `fromEnd` places before its last one (none: nothing can). */
  keysAt(fromEnd: number): readonly number[];
  /** Whether a file's key matches there. */
  matches(key: number, fromEnd: number): boolean;
}

export interface SuffixMatch {
  /** How many trailing segments matched. */
  length: number;
  /** How many files `files()` lists, and how many of them are flagged; known without walking them. */
  count: number;
  flaggedCount: number;
  /** Every file whose path ends with the matched suffix (none when `length` is 0); the first `limit` when given. */
  files(limit?: number): number[];
}

const NO_MATCH: SuffixMatch = { length: 0, count: 0, flaggedCount: 0, files: () => [] };

export class SuffixTrie {
  /** A node's child by key: the root's, one per file name, in `rootChildren` (by name number, plus one); the rest here. */
  private readonly children = new PairTable(1024);
  private rootChildren = new Int32Array(1024);
  private nodes = 1;
  private size = new Int32Array(256);
  private flagged = new Int32Array(256);
  /** 1 once the node has burst: its list then holds only files whose path ends at it. */
  private burst = new Uint8Array(256);
  private head = new Int32Array(256).fill(NONE);
  private tail = new Int32Array(256).fill(NONE);
  private parent = new Int32Array(256).fill(NONE);
  private firstChild = new Int32Array(256).fill(NONE);
  private lastChild = new Int32Array(256).fill(NONE);
  private nextSibling = new Int32Array(256).fill(NONE);
  /** Per file: the next file in its node's list. (Lists are short: a bucket, or files ending at a node.) */
  private next = new Int32Array(1024).fill(NONE);

  constructor(private readonly keys: SuffixKeys) {
    this.burst[ROOT] = 1;
  }

  /** Appends a file to the bucket its path reaches (split later, when walked into). */
  insert(file: number): void {
    this.reserveFiles(file + 1);
    const flag = this.keys.isFlagged(file) ? 1 : 0;
    let node = ROOT;
    let depth = 0;
    while (this.burst[node] === 1) {
      this.size[node]++;
      this.flagged[node] += flag;
      const key = this.keyAt(file, depth);
      if (key < 0) {
        break;
      }
      node = this.childOrNew(node, key);
      depth++;
    }
    if (this.burst[node] === 0) {
      this.size[node]++;
      this.flagged[node] += flag;
    }
    this.append(node, file);
  }

  /** Room for files numbered below `files` and for `nodes` nodes (a listing), rather than growing step by step. */
  reserve(files: number, nodes: number): void {
    this.reserveFiles(files);
    this.reserveNodes(nodes);
    this.rootChildren = grownInt32(this.rootChildren, nodes);
  }

  /** Removes a file inserted before; false when it is not in the trie. */
  remove(file: number): boolean {
    // The file's own segments lead to the list holding it; a long bucket on the way is split first, since
    // lists are walked to unlink.
    let node = ROOT;
    for (let depth = 0; ; depth++) {
      node = this.ready(node, depth);
      const key = this.burst[node] === 1 ? this.keyAt(file, depth) : NONE;
      const child = key < 0 ? NONE : this.childOf(node, key);
      if (child === NONE) {
        break;
      }
      node = child;
    }
    if (!this.unlink(node, file)) {
      return false;
    }
    const flag = this.keys.isFlagged(file) ? 1 : 0;
    for (let at = node; at !== NONE; at = this.parent[at]) {
      this.size[at]--;
      this.flagged[at] -= flag;
    }
    return true;
  }

  /** Files whose whole path is exactly these keys (negative keys match nothing). */
  exact(keys: ArrayLike<number>): number[] {
    const n = keys.length;
    let node = ROOT;
    let depth = 0;
    while (this.burst[node] === 1 && depth < n) {
      const key = keys[n - 1 - depth];
      const child = key < 0 ? NONE : this.childOf(node, key);
      if (child === NONE || this.size[child] === 0) {
        return [];
      }
      node = this.ready(child, ++depth);
    }
    const out: number[] = [];
    for (let file = this.head[node]; file !== NONE; file = this.next[file]) {
      if (this.burst[node] === 1 || (this.keyAt(file, n) < 0 && this.sharedSuffix(file, keys, depth) === n)) {
        out.push(file);
      }
    }
    return out;
  }

  longestSuffix(keys: ArrayLike<number>): SuffixMatch {
    const n = keys.length;
    let node = ROOT;
    let depth = 0;
    while (this.burst[node] === 1 && depth < n) {
      const key = keys[n - 1 - depth];
      const child = key < 0 ? NONE : this.childOf(node, key);
      if (child === NONE || this.size[child] === 0) {
        break;
      }
      node = this.ready(child, ++depth);
    }
    if (depth === 0) {
      return NO_MATCH;
    }
    if (this.burst[node] === 1) {
      const reached = node;
      return { length: depth, count: this.size[reached], flaggedCount: this.flagged[reached], files: (limit) => this.filesUnder(reached, limit) };
    }
    // An unburst bucket: its files share `depth` segments; some may share more.
    let longest = depth;
    let best: number[] = [];
    for (let file = this.head[node]; file !== NONE; file = this.next[file]) {
      const length = this.sharedSuffix(file, keys, depth);
      if (length > longest) {
        longest = length;
        best = [file];
      } else if (length === longest) {
        best.push(file);
      }
    }
    let flaggedCount = 0;
    for (const file of best) {
      flaggedCount += this.keys.isFlagged(file) ? 1 : 0;
    }
    return { length: longest, count: best.length, flaggedCount, files: (limit) => (limit === undefined ? best.slice() : best.slice(0, limit)) };
  }

  /** As `exact`, where each position may match several keys. */
  exactAmong(choices: KeyChoices): number[] {
    const n = choices.length;
    const out: number[] = [];
    const endsHere = (node: number, depth: number): void => {
      for (let file = this.head[node]; file !== NONE; file = this.next[file]) {
        if (this.burst[node] === 1 || (this.keyAt(file, n) < 0 && this.sharedAmong(file, choices, depth) === n)) {
          out.push(file);
        }
      }
    };
    let frontier = [ROOT];
    for (let depth = 0; depth < n && frontier.length > 0; depth++) {
      frontier = this.step(frontier, choices.keysAt(depth), depth + 1);
      for (const node of frontier) {
        if (this.burst[node] === 0) {
          endsHere(node, depth + 1);
        } else if (depth + 1 === n) {
          endsHere(node, n);
        }
      }
    }
    return out;
  }

  /**
   * As `longestSuffix`, where each position may match several keys. Every node whose suffix matches is followed
   * (a frontier, usually of one node); buckets met on the way are read file by file.
   */
  longestSuffixAmong(choices: KeyChoices): SuffixMatch {
    const n = choices.length;
    let frontier = [ROOT];
    let depth = 0;
    let longest = 0;
    let best: number[] = [];
    while (depth < n) {
      const next = this.step(frontier, choices.keysAt(depth), depth + 1);
      if (next.length === 0) {
        break;
      }
      frontier = next;
      depth++;
      for (const node of frontier) {
        for (let file = this.burst[node] === 0 ? this.head[node] : NONE; file !== NONE; file = this.next[file]) {
          const length = this.sharedAmong(file, choices, depth);
          if (length > longest) {
            longest = length;
            best = [file];
          } else if (length === longest) {
            best.push(file);
          }
        }
      }
    }
    const reached = depth >= longest ? frontier.filter((node) => this.burst[node] === 1 && depth > 0) : [];
    if (reached.length > 0 && depth > longest) {
      best = [];
    }
    if (depth === 0 || (reached.length === 0 && best.length === 0)) {
      return NO_MATCH;
    }
    let count = best.length;
    let flaggedCount = 0;
    for (const file of best) {
      flaggedCount += this.keys.isFlagged(file) ? 1 : 0;
    }
    for (const node of reached) {
      count += this.size[node];
      flaggedCount += this.flagged[node];
    }
    const bucketFiles = best;
    return {
      length: Math.max(longest, reached.length > 0 ? depth : 0),
      count,
      flaggedCount,
      files: (limit = Infinity) => {
        const out: number[] = [];
        for (const node of reached) {
          if (out.length >= limit) {
            break;
          }
          out.push(...this.filesUnder(node, limit - out.length));
        }
        for (const file of bucketFiles) {
          if (out.length >= limit) {
            break;
          }
          out.push(file);
        }
        return out;
      },
    };
  }

  /** The non-empty children of the frontier's burst nodes under any of `keys` (at `depth`), ready to walk. */
  private step(frontier: readonly number[], keys: readonly number[], depth: number): number[] {
    const next: number[] = [];
    for (const node of frontier) {
      if (this.burst[node] === 0) {
        continue;
      }
      for (const key of keys) {
        const child = this.childOf(node, key);
        if (child !== NONE && this.size[child] > 0) {
          next.push(this.ready(child, depth));
        }
      }
    }
    return next;
  }

  private sharedAmong(file: number, choices: KeyChoices, from: number): number {
    let length = from;
    while (length < choices.length && choices.matches(this.keyAt(file, length), length)) {
      length++;
    }
    return length;
  }

  /** Trailing keys a file shares with `keys`, knowing the first `from` already match. */
  private sharedSuffix(file: number, keys: ArrayLike<number>, from: number): number {
    const n = keys.length;
    let length = from;
    while (length < n) {
      const key = keys[n - 1 - length];
      if (key < 0 || this.keyAt(file, length) !== key) {
        break;
      }
      length++;
    }
    return length;
  }

  /** The files below a node, depth first, in insertion order within each list; stops once `limit` are found. */
  private filesUnder(start: number, limit = Infinity): number[] {
    const out: number[] = [];
    const pending = [start];
    while (pending.length > 0 && out.length < limit) {
      const node = pending.pop() ?? ROOT;
      for (let file = this.head[node]; file !== NONE && out.length < limit; file = this.next[file]) {
        out.push(file);
      }
      const from = pending.length;
      for (let child = this.firstChild[node]; child !== NONE; child = this.nextSibling[child]) {
        if (this.size[child] > 0) {
          pending.push(child);
        }
      }
      reverseFrom(pending, from);
    }
    return out;
  }

  private split(node: number, depth: number): void {
    this.burst[node] = 1;
    let file = this.head[node];
    this.head[node] = NONE;
    this.tail[node] = NONE;
    while (file !== NONE) {
      const following = this.next[file];
      const key = this.keyAt(file, depth);
      if (key < 0) {
        this.append(node, file);
      } else {
        const child = this.childOrNew(node, key);
        this.size[child]++;
        this.flagged[child] += this.keys.isFlagged(file) ? 1 : 0;
        this.append(child, file);
      }
      file = following;
    }
    for (let child = this.firstChild[node]; child !== NONE; child = this.nextSibling[child]) {
      if (this.burst[child] === 0 && this.size[child] > BURST_SIZE) {
        this.split(child, depth + 1);
      }
    }
  }

  /** The node, split first if it is a bucket grown past `BURST_SIZE` (`depth`: the keys on the way to it). */
  private ready(node: number, depth: number): number {
    if (this.burst[node] === 0 && this.size[node] > BURST_SIZE) {
      this.split(node, depth);
    }
    return node;
  }

  /** The key of a file's segment `fromEnd` places before its name (0: the name); negative past its first segment. */
  private keyAt(file: number, fromEnd: number): number {
    if (fromEnd === 0) {
      return this.keys.nameKey(file);
    }
    let folder = this.keys.folderOf(file);
    for (let up = 1; up < fromEnd && folder >= 0; up++) {
      folder = this.keys.parentOf(folder);
    }
    return folder < 0 ? NONE : this.keys.folderKey(folder);
  }

  /** Room for `count` nodes. */
  private reserveNodes(count: number): void {
    if (count <= this.size.length) {
      return;
    }
    this.size = grownInt32(this.size, count);
    this.flagged = grownInt32(this.flagged, count);
    this.burst = grownUint8(this.burst, count);
    this.head = grownInt32(this.head, count, NONE);
    this.tail = grownInt32(this.tail, count, NONE);
    this.parent = grownInt32(this.parent, count, NONE);
    this.firstChild = grownInt32(this.firstChild, count, NONE);
    this.lastChild = grownInt32(this.lastChild, count, NONE);
    this.nextSibling = grownInt32(this.nextSibling, count, NONE);
    this.children.reserve(count);
  }

  private reserveFiles(count: number): void {
    if (count > this.next.length) {
      this.next = grownInt32(this.next, count, NONE);
    }
  }

  private childOf(node: number, key: number): number {
    if (node !== ROOT) {
      return this.children.get(node, key);
    }
    return key < this.rootChildren.length ? this.rootChildren[key] - 1 : NONE;
  }

  private childOrNew(node: number, key: number): number {
    const known = this.childOf(node, key);
    if (known !== NONE) {
      return known;
    }
    const child = this.nodes++;
    this.reserveNodes(child + 1);
    this.parent[child] = node;
    if (this.lastChild[node] === NONE) {
      this.firstChild[node] = child;
    } else {
      this.nextSibling[this.lastChild[node]] = child;
    }
    this.lastChild[node] = child;
    if (node === ROOT) {
      this.rootChildren = grownInt32(this.rootChildren, key + 1);
      this.rootChildren[key] = child + 1;
    } else {
      this.children.set(node, key, child);
    }
    return child;
  }

  private append(node: number, file: number): void {
    const last = this.tail[node];
    this.next[file] = NONE;
    if (last === NONE) {
      this.head[node] = file;
    } else {
      this.next[last] = file;
    }
    this.tail[node] = file;
  }

  /** Takes a file out of a node's list; false when the list does not hold it. */
  private unlink(node: number, file: number): boolean {
    let before = NONE;
    let at = this.head[node];
    while (at !== file && at !== NONE) {
      before = at;
      at = this.next[at];
    }
    if (at === NONE) {
      return false;
    }
    const after = this.next[file];
    if (before === NONE) {
      this.head[node] = after;
    } else {
      this.next[before] = after;
    }
    if (after === NONE) {
      this.tail[node] = before;
    }
    this.next[file] = NONE;
    return true;
  }
}

/** Reverses `items` from `from` on, so a stack pops children in their insertion order. */
function reverseFrom(items: number[], from: number): void {
  for (let i = from, j = items.length - 1; i < j; i++, j--) {
    const swap = items[i];
    items[i] = items[j];
    items[j] = swap;
  }
}
