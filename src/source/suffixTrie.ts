/**
 * A trie over path segments read from the end (file name first, then its folder, …). Walking it with a frame's
 * segments finds the longest matching suffix in time proportional to the suffix, whatever the file count.
 *
 * It is a burst trie: a node keeps its entries in a small bucket, compared segment by segment, until the bucket
 * outgrows `BURST_SIZE` and is split by the next segment. Only suffixes many files share get nodes of their own,
 * which keeps a 100,000-file index small.
 */

const BURST_SIZE = 16;

interface Entry<T> {
  /** Segment keys (already passed through `keyOf`), in path order. */
  keys: readonly string[];
  value: T;
}

interface TrieNode<T> {
  /** Entries in this node's subtree, and how many of them are flagged. */
  size: number;
  flagged: number;
  /** Present once the node has burst: children keyed by the segment one level further up the path. */
  children?: Map<string, TrieNode<T>>;
  /** Entries whose whole path ends at this node (burst nodes only). */
  complete?: Array<Entry<T>>;
  /** Entries below this node, not yet split (unburst nodes only). */
  bucket?: Array<Entry<T>>;
}

export interface SuffixMatch<T> {
  /** How many trailing segments matched. */
  length: number;
  /** How many values `values()` yields, and how many of them are flagged; known without walking them. */
  count: number;
  flaggedCount: number;
  /** Every value whose path ends with the matched suffix (none when `length` is 0); the first `limit` when given. */
  values(limit?: number): T[];
}

export class SuffixTrie<T> {
  private readonly root: TrieNode<T> = { size: 0, flagged: 0, children: new Map(), complete: [] };

  /**
   * `keyOf` folds segments before comparing (lower-casing, for a case-insensitive trie); none compares as is.
   * `isFlagged` marks values whose number each match reports (vendored files, for the resolver).
   */
  constructor(
    private readonly keyOf?: (segment: string) => string,
    private readonly isFlagged: (value: T) => boolean = () => false,
  ) {}

  private keysOf(segments: readonly string[]): readonly string[] {
    const keyOf = this.keyOf;
    return keyOf ? segments.map((segment) => keyOf(segment)) : segments;
  }

  insert(segments: readonly string[], value: T): void {
    const entry: Entry<T> = { keys: this.keysOf(segments), value };
    const flag = this.isFlagged(value) ? 1 : 0;
    let node = this.root;
    let depth = 0;
    while (node.children) {
      node.size++;
      node.flagged += flag;
      if (depth === entry.keys.length) {
        (node.complete ??= []).push(entry);
        return;
      }
      const key = keyAt(entry.keys, depth);
      let child = node.children.get(key);
      if (!child) {
        child = { size: 0, flagged: 0, bucket: [] };
        node.children.set(key, child);
      }
      node = child;
      depth++;
    }
    node.size++;
    node.flagged += flag;
    const bucket = node.bucket ?? [];
    bucket.push(entry);
    node.bucket = bucket;
    if (bucket.length > BURST_SIZE) {
      burst(node, depth, this.isFlagged);
    }
  }

  remove(segments: readonly string[], value: T): boolean {
    const keys = this.keysOf(segments);
    const path: Array<[TrieNode<T>, string]> = [];
    let node = this.root;
    let depth = 0;
    while (node.children && depth < keys.length) {
      const key = keyAt(keys, depth);
      const child = node.children.get(key);
      if (!child) {
        return false;
      }
      path.push([node, key]);
      node = child;
      depth++;
    }
    const list = node.children ? node.complete : node.bucket;
    const at = list ? list.findIndex((entry) => entry.value === value) : -1;
    if (!list || at < 0) {
      return false;
    }
    list.splice(at, 1);
    const flag = this.isFlagged(value) ? 1 : 0;
    for (const visited of [...path.map(([parent]) => parent), node]) {
      visited.size--;
      visited.flagged -= flag;
    }
    prune(path, node);
    return true;
  }

  /** Values whose whole path is exactly these segments. */
  exact(segments: readonly string[]): T[] {
    const keys = this.keysOf(segments);
    let node: TrieNode<T> | undefined = this.root;
    let depth = 0;
    while (node?.children && depth < keys.length) {
      node = node.children.get(keyAt(keys, depth));
      depth++;
    }
    if (!node) {
      return [];
    }
    if (node.children) {
      return (node.complete ?? []).map((entry) => entry.value);
    }
    return (node.bucket ?? []).filter((entry) => entry.keys.length === keys.length && sharedSuffix(entry.keys, keys, depth) === keys.length).map((entry) => entry.value);
  }

  longestSuffix(segments: readonly string[]): SuffixMatch<T> {
    const keys = this.keysOf(segments);
    let node = this.root;
    let depth = 0;
    while (node.children && depth < keys.length) {
      const child = node.children.get(keyAt(keys, depth));
      if (!child) {
        break;
      }
      node = child;
      depth++;
    }
    if (depth === 0 && node === this.root) {
      return { length: 0, count: 0, flaggedCount: 0, values: () => [] };
    }
    if (node.children || !node.bucket) {
      const reached = node;
      return { length: depth, count: reached.size, flaggedCount: reached.flagged, values: (limit) => valuesUnder(reached, limit) };
    }
    // An unburst bucket: its entries share `depth` segments; some may share more.
    let longest = depth;
    let best: Array<Entry<T>> = [];
    for (const entry of node.bucket) {
      const length = sharedSuffix(entry.keys, keys, depth);
      if (length > longest) {
        longest = length;
        best = [entry];
      } else if (length === longest) {
        best.push(entry);
      }
    }
    const flaggedCount = best.reduce((sum, entry) => sum + (this.isFlagged(entry.value) ? 1 : 0), 0);
    return { length: longest, count: best.length, flaggedCount, values: (limit) => best.slice(0, limit).map((entry) => entry.value) };
  }
}

function keyAt(keys: readonly string[], depth: number): string {
  return keys[keys.length - 1 - depth];
}

/** Trailing segments two key lists share, knowing the first `from` already match. */
function sharedSuffix(a: readonly string[], b: readonly string[], from: number): number {
  let length = from;
  while (length < a.length && length < b.length && a[a.length - 1 - length] === b[b.length - 1 - length]) {
    length++;
  }
  return length;
}

function burst<T>(node: TrieNode<T>, depth: number, isFlagged: (value: T) => boolean): void {
  const entries = node.bucket ?? [];
  node.bucket = undefined;
  node.children = new Map();
  for (const entry of entries) {
    if (entry.keys.length === depth) {
      (node.complete ??= []).push(entry);
      continue;
    }
    const key = keyAt(entry.keys, depth);
    let child = node.children.get(key);
    if (!child) {
      child = { size: 0, flagged: 0, bucket: [] };
      node.children.set(key, child);
    }
    child.size++;
    child.flagged += isFlagged(entry.value) ? 1 : 0;
    child.bucket?.push(entry);
  }
  for (const child of node.children.values()) {
    if ((child.bucket?.length ?? 0) > BURST_SIZE) {
      burst(child, depth + 1, isFlagged);
    }
  }
}

function isEmpty<T>(node: TrieNode<T>): boolean {
  return (node.children?.size ?? 0) === 0 && (node.complete?.length ?? 0) === 0 && (node.bucket?.length ?? 0) === 0;
}

function prune<T>(path: Array<[TrieNode<T>, string]>, leaf: TrieNode<T>): void {
  let node = leaf;
  for (let i = path.length - 1; i >= 0 && isEmpty(node); i--) {
    const [parent, key] = path[i];
    parent.children?.delete(key);
    node = parent;
  }
}

/** The values below a node, depth first, without a generator's cost per value; stops once `limit` are found. */
function valuesUnder<T>(start: TrieNode<T>, limit = Infinity): T[] {
  const out: T[] = [];
  gather(start, out, limit);
  return out;
}

function gather<T>(node: TrieNode<T>, out: T[], limit: number): void {
  const complete = node.complete;
  for (let i = 0; complete && i < complete.length && out.length < limit; i++) {
    out.push(complete[i].value);
  }
  const bucket = node.bucket;
  for (let i = 0; bucket && i < bucket.length && out.length < limit; i++) {
    out.push(bucket[i].value);
  }
  if (node.children && out.length < limit) {
    for (const child of node.children.values()) {
      gather(child, out, limit);
      if (out.length >= limit) {
        return;
      }
    }
  }
}
