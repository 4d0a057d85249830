/** The `SourceLines` of the last few file texts a frame was located in, so a repeat click splits nothing. */

import { SourceLines } from './sourceLines';

const DEFAULT_CAPACITY = 8;

export class SourceLinesCache {
  /** Least recently used first. */
  private readonly entries = new Map<string, SourceLines>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  of(text: string): SourceLines {
    let lines = this.entries.get(text);
    if (lines) {
      this.entries.delete(text);
    } else {
      lines = new SourceLines(text);
      if (this.entries.size >= this.capacity) {
        const oldest = this.entries.keys().next();
        if (!oldest.done) {
          this.entries.delete(oldest.value);
        }
      }
    }
    this.entries.set(text, lines);
    return lines;
  }
}
