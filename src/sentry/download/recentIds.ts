/**
 * The last `capacity` event ids written, to drop an event sent twice (at a window boundary, or by a
 * server whose ranges include both ends). Duplicates arrive close together in the file's time order,
 * so a bounded memory of the most recent ids is enough, whatever the number of events.
 */
export class RecentIds {
  private readonly ids = new Set<string>();
  private readonly order: string[] = [];
  private oldest = 0;

  constructor(private readonly capacity: number) {}

  /** True when `id` was seen among the recent ones; otherwise remembers it. */
  seen(id: string): boolean {
    if (this.ids.has(id)) return true;
    this.ids.add(id);
    this.order.push(id);
    if (this.order.length - this.oldest > this.capacity) {
      this.ids.delete(this.order[this.oldest]);
      this.oldest++;
      if (this.oldest > this.capacity) {
        this.order.splice(0, this.oldest);
        this.oldest = 0;
      }
    }
    return false;
  }
}
