/** What is kept in memory of one event put aside on disk: enough to find its bytes again and to drop a repeat. */
export interface SpilledEvent {
  size: number;
  id?: string;
  time?: string;
}

/** The length written for a text that is absent. */
const ABSENT = 0xffffffff;

/**
 * The size, id and time of every event in a waiting file, in order, packed into one buffer that
 * doubles as it fills rather than kept as an object and two strings per event: those would live
 * until the window's turn, long enough for V8 to move them to the old generation, where they stay
 * as garbage until a full collection (measured in the README's download section).
 */
export class SpillIndex {
  private bytes = Buffer.allocUnsafe(4096);
  private used = 0;
  count = 0;

  add(event: SpilledEvent): void {
    const idBytes = event.id === undefined ? 0 : Buffer.byteLength(event.id);
    const timeBytes = event.time === undefined ? 0 : Buffer.byteLength(event.time);
    this.reserve(12 + idBytes + timeBytes);
    this.used = this.bytes.writeUInt32LE(event.size, this.used);
    this.putText(event.id, idBytes);
    this.putText(event.time, timeBytes);
    this.count++;
  }

  /** Every event added, in the order it was added. */
  *entries(): Generator<SpilledEvent> {
    let at = 0;
    for (let i = 0; i < this.count; i++) {
      const size = this.bytes.readUInt32LE(at);
      const id = this.text(at + 4);
      const time = this.text(id.end);
      at = time.end;
      yield { size, id: id.text, time: time.text };
    }
  }

  clear(): void {
    this.bytes = Buffer.allocUnsafe(4096);
    this.used = 0;
    this.count = 0;
  }

  private putText(text: string | undefined, length: number): void {
    this.used = this.bytes.writeUInt32LE(text === undefined ? ABSENT : length, this.used);
    if (text !== undefined) this.used += this.bytes.write(text, this.used, length, 'utf8');
  }

  private text(at: number): { text?: string; end: number } {
    const length = this.bytes.readUInt32LE(at);
    if (length === ABSENT) return { end: at + 4 };
    return { text: this.bytes.toString('utf8', at + 4, at + 4 + length), end: at + 4 + length };
  }

  private reserve(more: number): void {
    if (this.used + more <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + more));
    this.bytes.copy(grown, 0, 0, this.used);
    this.bytes = grown;
  }
}
