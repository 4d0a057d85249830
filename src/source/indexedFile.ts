/**
 * A file of the index as lookups hand it out: its number, and its path, key and segments, rebuilt from the
 * compact store only when asked. Each lookup makes new views, so two views of one file are told apart by `id`,
 * never by identity. A view describes the index as it was when made: use it before the index changes.
 */

export interface IndexedFile {
  /** The file's number in its index. */
  readonly id: number;
  /** The path exactly as it was added (what the editor should open). */
  readonly path: string;
  /** Normalized: forward slashes, lower-case drive letter, Unicode NFC. */
  readonly key: string;
  /** Normalized workspace root holding it (the deepest one when roots nest). */
  readonly root: string;
  /** Segments below the root (NFC). */
  readonly relative: readonly string[];
  /** Lives in a vendored-code folder. */
  readonly library: boolean;
}

/** What a view reads its fields from (the file index). */
export interface IndexedFileSource {
  relativeOf(file: number): string[];
  rootKeyOf(file: number): string;
  keyOf(file: number, relative: readonly string[]): string;
  pathOf(file: number, key: string): string;
}

export class IndexedFileView implements IndexedFile {
  private relativeSegments?: string[];
  private normalizedKey?: string;

  constructor(
    readonly id: number,
    readonly library: boolean,
    private readonly source: IndexedFileSource,
  ) {}

  get relative(): readonly string[] {
    this.relativeSegments ??= this.source.relativeOf(this.id);
    return this.relativeSegments;
  }

  get root(): string {
    return this.source.rootKeyOf(this.id);
  }

  get key(): string {
    this.normalizedKey ??= this.source.keyOf(this.id, this.relative);
    return this.normalizedKey;
  }

  get path(): string {
    return this.source.pathOf(this.id, this.key);
  }
}
