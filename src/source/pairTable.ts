/**
 * A hash map from a pair of non-negative integers to an integer, in three typed arrays (open addressing, linear
 * probing, deletion by shifting the run back). The file index keeps its folder → child and trie node → child links
 * here instead of one `Map` per node.
 */

const EMPTY = -1;
const MAX_LOAD = 0.7;

export class PairTable {
  private keysA: Int32Array;
  private keysB: Int32Array;
  private values: Int32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1024) {
    const capacity = powerOfTwoAtLeast(Math.max(16, initialCapacity));
    this.keysA = new Int32Array(capacity).fill(EMPTY);
    this.keysB = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Makes room for `entries` entries without growing step by step. */
  reserve(entries: number): void {
    const capacity = powerOfTwoAtLeast(Math.ceil(entries / MAX_LOAD) + 1);
    if (capacity > this.mask + 1) {
      this.resize(capacity);
    }
  }

  /** The value stored for (a, b), or -1. */
  get(a: number, b: number): number {
    const keysA = this.keysA;
    const keysB = this.keysB;
    let slot = pairHash(a, b) & this.mask;
    for (;;) {
      const stored = keysA[slot];
      if (stored === EMPTY) {
        return -1;
      }
      if (stored === a && keysB[slot] === b) {
        return this.values[slot];
      }
      slot = (slot + 1) & this.mask;
    }
  }

  set(a: number, b: number, value: number): void {
    if ((this.count + 1) > (this.mask + 1) * MAX_LOAD) {
      this.resize((this.mask + 1) * 2);
    }
    let slot = pairHash(a, b) & this.mask;
    for (;;) {
      const stored = this.keysA[slot];
      if (stored === EMPTY) {
        this.keysA[slot] = a;
        this.keysB[slot] = b;
        this.values[slot] = value;
        this.count++;
        return;
      }
      if (stored === a && this.keysB[slot] === b) {
        this.values[slot] = value;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  delete(a: number, b: number): boolean {
    const mask = this.mask;
    let slot = pairHash(a, b) & mask;
    for (;;) {
      const stored = this.keysA[slot];
      if (stored === EMPTY) {
        return false;
      }
      if (stored === a && this.keysB[slot] === b) {
        break;
      }
      slot = (slot + 1) & mask;
    }
    // Shift later members of the run back so no lookup stops early at the hole.
    let hole = slot;
    let next = (hole + 1) & mask;
    while (this.keysA[next] !== EMPTY) {
      const home = pairHash(this.keysA[next], this.keysB[next]) & mask;
      const movable = hole <= next ? home <= hole || home > next : home <= hole && home > next;
      if (movable) {
        this.keysA[hole] = this.keysA[next];
        this.keysB[hole] = this.keysB[next];
        this.values[hole] = this.values[next];
        hole = next;
      }
      next = (next + 1) & mask;
    }
    this.keysA[hole] = EMPTY;
    this.count--;
    return true;
  }

  private resize(capacity: number): void {
    const { keysA, keysB, values } = this;
    this.keysA = new Int32Array(capacity).fill(EMPTY);
    this.keysB = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.count = 0;
    for (let slot = 0; slot < keysA.length; slot++) {
      if (keysA[slot] !== EMPTY) {
        this.set(keysA[slot], keysB[slot], values[slot]);
      }
    }
  }
}

/** A well-mixed hash of a pair of integers (also for tables that keep their keys elsewhere). */
export function pairHash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
}

function powerOfTwoAtLeast(n: number): number {
  let capacity = 1;
  while (capacity < n) {
    capacity *= 2;
  }
  return capacity;
}
