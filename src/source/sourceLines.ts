/**
 * A file's lines, trimmed, with a lazily built map from trimmed text to the lines that hold it, so the lines
 * of one file can be searched for several frames without rescanning.
 */

export class SourceLines {
  private readonly trimmedLines: readonly string[];
  private positions: Map<string, number[]> | undefined;

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
  positionsOf(trimmed: string): readonly number[] {
    if (!this.positions) {
      const positions = new Map<string, number[]>();
      this.trimmedLines.forEach((line, index) => {
        const list = positions.get(line);
        if (list) {
          list.push(index);
        } else {
          positions.set(line, [index]);
        }
      });
      this.positions = positions;
    }
    return this.positions.get(trimmed) ?? [];
  }

  /** 0-based indexes of the lines for which `test` holds (for context lines Sentry shortened with `{snip}`). */
  positionsWhere(test: (trimmedLine: string) => boolean): number[] {
    const out: number[] = [];
    this.trimmedLines.forEach((line, index) => {
      if (test(line)) {
        out.push(index);
      }
    });
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
