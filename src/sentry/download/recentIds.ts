/**
 * The last `capacity` event ids written, to drop an event sent twice (at a window boundary, or by a
 * server whose ranges include both ends). Duplicates arrive close together in the file's time order,
 * so a bounded memory of the most recent ids is enough, whatever the number of events. The ids are
 * kept in a ring allocated once, so remembering one more makes no new list.
 */
export class RecentIds {
  private readonly ids = new Set<string>();
  private readonly ring: Array<string | undefined>;
  private next = 0;

  constructor(capacity: number) {
    this.ring = new Array<string | undefined>(Math.max(1, capacity)).fill(undefined);
  }

  /** True when `id` was seen among the recent ones; otherwise remembers it, forgetting the oldest. */
  seen(id: string): boolean {
    if (this.ids.has(id)) return true;
    const oldest = this.ring[this.next];
    if (oldest !== undefined) this.ids.delete(oldest);
    this.ring[this.next] = id;
    this.next = (this.next + 1) % this.ring.length;
    this.ids.add(id);
    return false;
  }
}
