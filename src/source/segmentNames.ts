/**
 * Every distinct path segment name (`src`, `index.ts`…) the file index has seen, once, under a number. Each name
 * also knows the number of its lower-cased spelling, and each lower-cased spelling the names that fold to it, so
 * case-insensitive lookups compare numbers too. Names stay once seen: there are as many as distinct names ever
 * indexed, far fewer than files.
 *
 * Names are found by a hash of their characters in an own table, so a segment can be looked up where it lies in
 * a path (`idInPath`) without cutting it out as a string first.
 */

import { grownInt32 } from './growableArrays';

export const NO_NAME = -1;

const MAX_LOAD = 0.6;

export class SegmentNames {
  private readonly names: string[] = [];
  private hashes = new Int32Array(1024);
  private lower = new Int32Array(1024);
  /** Lower-cased name → first name that folds to it; name → next name folding to the same. */
  private firstSpelling = new Int32Array(1024).fill(NO_NAME);
  private nextSpelling = new Int32Array(1024).fill(NO_NAME);
  /** Open addressing: slot → name number. */
  private table = new Int32Array(2048).fill(NO_NAME);

  get count(): number {
    return this.names.length;
  }

  /** Makes room for `count` names in all, rather than growing step by step while a listing is read. */
  reserve(count: number): void {
    if (count > this.hashes.length) {
      this.grow(count);
    }
    if (count > this.table.length * MAX_LOAD) {
      let capacity = this.table.length;
      while (count > capacity * MAX_LOAD) {
        capacity *= 2;
      }
      this.rehash(capacity);
    }
  }

  /** The name's number, adding it when new. */
  intern(name: string): number {
    const hash = hashOf(name, 0, name.length);
    const known = this.find(name, 0, name.length, hash);
    return known === NO_NAME ? this.add(name, hash) : known;
  }

  /** The number of `path.slice(from, to)`, adding it when new; `hash` is `hashOf(path, from, to)`. */
  internInPath(path: string, from: number, to: number, hash: number): number {
    const known = this.find(path, from, to, hash);
    return known === NO_NAME ? this.add(path.slice(from, to), hash) : known;
  }

  /** The number of `path.slice(from, to)`, or `NO_NAME`; `hash` is `hashOf(path, from, to)`. */
  idInPath(path: string, from: number, to: number, hash: number): number {
    return this.find(path, from, to, hash);
  }

  /** The name's number, or `NO_NAME` when no indexed path has it. */
  idOf(name: string): number {
    return this.find(name, 0, name.length, hashOf(name, 0, name.length));
  }

  /** The number of the name's lower-cased spelling, or `NO_NAME`. */
  lowerIdOf(name: string): number {
    return this.idOf(name.toLowerCase());
  }

  name(id: number): string {
    return this.names[id];
  }

  lowerOf(id: number): number {
    return this.lower[id];
  }

  /** Calls `visit` with each name whose lower-cased spelling is `lowerId` (stops when it returns true). */
  someSpelling(lowerId: number, visit: (id: number) => boolean): boolean {
    for (let id = this.firstSpelling[lowerId]; id !== NO_NAME; id = this.nextSpelling[id]) {
      if (visit(id)) {
        return true;
      }
    }
    return false;
  }

  private find(text: string, from: number, to: number, hash: number): number {
    const mask = this.table.length - 1;
    const length = to - from;
    // One slot early, so the step to the next slot runs on every lookup (see `PathStore`'s slot finders).
    let slot = (hash - 1) & mask;
    for (;;) {
      slot = (slot + 1) & mask;
      const id = this.table[slot];
      if (id === NO_NAME) {
        return NO_NAME;
      }
      if (this.hashes[id] === hash) {
        const name = this.names[id];
        if (name.length === length && (from === 0 && length === text.length ? name === text : text.startsWith(name, from))) {
          return id;
        }
      }
    }
  }

  private add(name: string, hash: number): number {
    const folded = name.toLowerCase();
    const lowerId = folded === name ? this.names.length : this.intern(folded);
    const id = this.names.length;
    this.names.push(name);
    if (id >= this.hashes.length) {
      this.grow(id + 1);
    }
    this.hashes[id] = hash;
    this.lower[id] = lowerId;
    this.nextSpelling[id] = this.firstSpelling[lowerId];
    this.firstSpelling[lowerId] = id;
    if (this.names.length > this.table.length * MAX_LOAD) {
      this.rehash(this.table.length * 2);
    } else {
      this.place(id);
    }
    return id;
  }

  private grow(count: number): void {
    this.hashes = grownInt32(this.hashes, count);
    this.lower = grownInt32(this.lower, count);
    this.firstSpelling = grownInt32(this.firstSpelling, count, NO_NAME);
    this.nextSpelling = grownInt32(this.nextSpelling, count, NO_NAME);
  }

  private place(id: number): void {
    const mask = this.table.length - 1;
    let slot = this.hashes[id] & mask;
    while (this.table[slot] !== NO_NAME) {
      slot = (slot + 1) & mask;
    }
    this.table[slot] = id;
  }

  private rehash(capacity: number): void {
    this.table = new Int32Array(capacity).fill(NO_NAME);
    for (let id = 0; id < this.names.length; id++) {
      this.place(id);
    }
  }
}

/** A name's hash is FNV-1a over its UTF-16 code units: `hash = Math.imul(hash ^ code, HASH_PRIME)` from `HASH_START`. */
export const HASH_START = 0x811c9dc5 | 0;
export const HASH_PRIME = 0x01000193;

/** The hash of `text.slice(from, to)`. */
export function hashOf(text: string, from: number, to: number): number {
  let hash = HASH_START;
  for (let i = from; i < to; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), HASH_PRIME);
  }
  return hash;
}
