/**
 * A trie over path segments read from the end (file name first, then its folder, …). Walking it with a frame's
 * segments finds the longest matching suffix in time proportional to the suffix, whatever the file count.
 */

interface TrieNode<T> {
  children?: Map<string, TrieNode<T>>;
  /** Values whose whole path ends at this node. */
  values?: T[];
}

export interface SuffixMatch<T> {
  /** How many trailing segments matched. */
  length: number;
  /** Every value whose path ends with the matched suffix (none when `length` is 0). */
  values(): IterableIterator<T>;
}

export class SuffixTrie<T> {
  private readonly root: TrieNode<T> = {};

  constructor(private readonly keyOf: (segment: string) => string = (segment) => segment) {}

  insert(segments: readonly string[], value: T): void {
    let node = this.root;
    for (let i = segments.length - 1; i >= 0; i--) {
      const key = this.keyOf(segments[i]);
      node.children ??= new Map();
      let child = node.children.get(key);
      if (!child) {
        child = {};
        node.children.set(key, child);
      }
      node = child;
    }
    (node.values ??= []).push(value);
  }

  remove(segments: readonly string[], value: T): boolean {
    const path: Array<[TrieNode<T>, string]> = [];
    let node = this.root;
    for (let i = segments.length - 1; i >= 0; i--) {
      const key = this.keyOf(segments[i]);
      const child = node.children?.get(key);
      if (!child) {
        return false;
      }
      path.push([node, key]);
      node = child;
    }
    const at = node.values?.indexOf(value) ?? -1;
    if (at < 0 || !node.values) {
      return false;
    }
    node.values.splice(at, 1);
    if (node.values.length === 0) {
      node.values = undefined;
    }
    this.prune(path, node);
    return true;
  }

  /** Values whose whole path is exactly these segments. */
  exact(segments: readonly string[]): readonly T[] {
    let node: TrieNode<T> | undefined = this.root;
    for (let i = segments.length - 1; i >= 0 && node; i--) {
      node = node.children?.get(this.keyOf(segments[i]));
    }
    return node?.values ?? [];
  }

  longestSuffix(segments: readonly string[]): SuffixMatch<T> {
    let node = this.root;
    let length = 0;
    for (let i = segments.length - 1; i >= 0; i--) {
      const child = node.children?.get(this.keyOf(segments[i]));
      if (!child) {
        break;
      }
      node = child;
      length++;
    }
    const reached = node;
    return { length, values: () => (length === 0 ? emptyValues<T>() : valuesUnder(reached)) };
  }

  private prune(path: Array<[TrieNode<T>, string]>, leaf: TrieNode<T>): void {
    let node = leaf;
    for (let i = path.length - 1; i >= 0; i--) {
      if (node.values || (node.children && node.children.size > 0)) {
        return;
      }
      const [parent, key] = path[i];
      parent.children?.delete(key);
      node = parent;
    }
  }
}

function* valuesUnder<T>(start: TrieNode<T>): IterableIterator<T> {
  const stack: Array<TrieNode<T>> = [start];
  let node = stack.pop();
  while (node) {
    if (node.values) {
      yield* node.values;
    }
    if (node.children) {
      for (const child of node.children.values()) {
        stack.push(child);
      }
    }
    node = stack.pop();
  }
}

function* emptyValues<T>(): IterableIterator<T> {
  // Nothing matched: no value has an empty suffix in common with the query.
}
