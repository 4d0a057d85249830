/**
 * A file's lines, split and trimmed once, so that locating several frames in one file (or one frame again)
 * never splits or trims the text again.
 */

export class SourceLines {
  private readonly trimmedLines: readonly string[];

  constructor(source: string | readonly string[]) {
    const lines = typeof source === 'string' ? splitLines(source) : source;
    this.trimmedLines = lines.map((line) => (typeof line === 'string' ? line.trim() : ''));
  }

  get count(): number {
    return this.trimmedLines.length;
  }

  /** Trimmed text of a 0-based line; undefined past either end. */
  at(index: number): string | undefined {
    return this.trimmedLines[index];
  }

  /** 0-based indexes of the lines whose trimmed text equals `trimmed`, in file order. */
  positionsOf(trimmed: string): number[] {
    const out: number[] = [];
    const length = trimmed.length;
    for (let index = 0; index < this.trimmedLines.length; index++) {
      const line = this.trimmedLines[index];
      if (line.length === length && line === trimmed) {
        out.push(index);
      }
    }
    return out;
  }

  /** 0-based indexes of the lines for which `test` holds (for context lines Sentry shortened with `{snip}`). */
  positionsWhere(test: (trimmedLine: string) => boolean): number[] {
    const out: number[] = [];
    for (let index = 0; index < this.trimmedLines.length; index++) {
      if (test(this.trimmedLines[index])) {
        out.push(index);
      }
    }
    return out;
  }
}

/** Lines of a text; the empty string after a final newline is not a line of its own. */
function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') {
    lines.pop();
  }
  return lines;
}
