import { createHash } from 'node:crypto';

/** Bytes of an id's SHA-256 kept to know it again. */
const DIGEST_BYTES = 16;

/**
 * The last `capacity` event ids written, to drop an event sent twice (at a window boundary, or by a
 * server whose ranges include both ends). Duplicates arrive close together in the file's time order,
 * so a bounded memory of the most recent ids is enough, whatever the number of events.
 *
 * Each id is kept as a digest in a ring of bytes, found again through an open-addressing table of
 * ring places: memory allocated once, rather than a string per id. A string kept for the next
 * 10,000 events is moved by V8 to the old generation and stays there as garbage until a full
 * collection, which inside an extension host's heap may not come for the whole download.
 */
export class RecentIds {
  private readonly ring: Buffer;
  /** Ring place + 1 for each remembered digest, at or after the table position its hash picks; 0 is free. */
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly capacity: number;
  private next = 0;
  private remembered = 0;

  constructor(capacity: number) {
    this.capacity = Math.max(1, capacity);
    this.ring = Buffer.alloc(this.capacity * DIGEST_BYTES);
    let size = 4;
    while (size < this.capacity * 2) size *= 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
  }

  /** True when `id` was seen among the recent ones; otherwise remembers it, forgetting the oldest. */
  seen(id: string): boolean {
    const digest = createHash('sha256').update(id).digest();
    let at = digest.readUInt32LE(0) & this.mask;
    for (let held = this.table[at]; held !== 0; held = this.table[at]) {
      if (digest.compare(this.ring, (held - 1) * DIGEST_BYTES, held * DIGEST_BYTES, 0, DIGEST_BYTES) === 0) return true;
      at = (at + 1) & this.mask;
    }
    if (this.remembered === this.capacity) {
      this.forget(this.next);
      // The free position found above may have moved while the table closed the gap.
      at = digest.readUInt32LE(0) & this.mask;
      while (this.table[at] !== 0) at = (at + 1) & this.mask;
    } else {
      this.remembered++;
    }
    digest.copy(this.ring, this.next * DIGEST_BYTES, 0, DIGEST_BYTES);
    this.table[at] = this.next + 1;
    this.next = (this.next + 1) % this.capacity;
    return false;
  }

  /** Removes ring place `place` from the table, moving back later entries of its run so none is cut off from its hash's position. */
  private forget(place: number): void {
    let hole = this.home(place);
    while (this.table[hole] !== place + 1) hole = (hole + 1) & this.mask;
    for (let at = (hole + 1) & this.mask; this.table[at] !== 0; at = (at + 1) & this.mask) {
      const home = this.home(this.table[at] - 1);
      if (((at - home) & this.mask) >= ((at - hole) & this.mask)) {
        this.table[hole] = this.table[at];
        hole = at;
      }
    }
    this.table[hole] = 0;
  }

  private home(place: number): number {
    return this.ring.readUInt32LE(place * DIGEST_BYTES) & this.mask;
  }
}
