import { randomBytes } from 'node:crypto';
import { createWriteStream, WriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { DownloadFormat } from './downloadTypes';
import { destroyAndClose, drained, endAndClose } from './fileStreams';

/**
 * Writes events to a temporary file beside the target, as NDJSON (one event a line) or as one JSON
 * array, waiting whenever the disk falls behind. Only `commit` puts the file at the target (a rename,
 * so the target is never half-written); `keepAs` saves what was written under another name;
 * `discard` removes it.
 */
export class EventFileWriter {
  private written = 0;
  private failure?: Error;

  private constructor(
    readonly tempPath: string,
    private readonly format: DownloadFormat,
    private readonly stream: WriteStream,
  ) {
    stream.on('error', (error) => (this.failure ??= error));
  }

  static async open(targetPath: string, format: DownloadFormat): Promise<EventFileWriter> {
    const tempPath = join(dirname(targetPath), `.${basename(targetPath)}.${randomBytes(4).toString('hex')}.part`);
    const stream = createWriteStream(tempPath, { flags: 'wx', highWaterMark: 1024 * 1024 });
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', (error) => reject(new DownloadFileError(`could not create a file in ${dirname(targetPath)}`, error)));
    });
    const writer = new EventFileWriter(tempPath, format, stream);
    if (format === 'json') await writer.put('[\n');
    return writer;
  }

  /**
   * Appends events, each its JSON as Sentry sent it in one or more pieces; waits once for the disk,
   * not once an event, so a page costs one wait rather than ten.
   */
  async writeEvents(events: ReadonlyArray<readonly Buffer[]>): Promise<void> {
    const ndjson = this.format === 'ndjson';
    for (const pieces of events) {
      if (!ndjson && this.written > 0) this.queue(SEPARATOR);
      for (const piece of pieces) this.queue(ndjson ? oneLine(piece) : piece);
      if (ndjson) this.queue(NEWLINE);
      this.written++;
    }
    await this.caughtUp();
  }

  async commit(targetPath: string): Promise<void> {
    await this.saveAs(targetPath);
  }

  async keepAs(path: string): Promise<void> {
    await this.saveAs(path);
  }

  private async saveAs(path: string): Promise<void> {
    try {
      await this.close();
      await rename(this.tempPath, path);
    } catch (error) {
      await unlink(this.tempPath).catch(() => undefined);
      throw new DownloadFileError(`could not save ${path}`, error);
    }
  }

  async discard(): Promise<void> {
    await destroyAndClose(this.stream);
    await unlink(this.tempPath).catch(() => undefined);
  }

  private async put(text: string): Promise<void> {
    this.queue(text);
    await this.caughtUp();
  }

  /** Hands bytes to the stream, which holds them until the disk takes them. */
  private queue(bytes: string | Buffer): void {
    if (this.failure) throw new DownloadFileError(`could not write ${this.tempPath}`, this.failure);
    this.stream.write(bytes);
  }

  private async caughtUp(): Promise<void> {
    await drained(this.stream).catch((error: unknown) => {
      throw new DownloadFileError(`could not write ${this.tempPath}`, error);
    });
  }

  private async close(): Promise<void> {
    if (this.format === 'json') await this.put(this.written > 0 ? '\n]\n' : ']\n');
    await endAndClose(this.stream);
    if (this.failure) throw this.failure;
  }
}

const NEWLINE = Buffer.from('\n');
const SEPARATOR = Buffer.from(',\n');

/**
 * An event's JSON on one line, for NDJSON: a line break in valid JSON can only be whitespace between
 * tokens (inside a string it is escaped), so it becomes a space.
 */
function oneLine(json: Buffer): Buffer {
  if (!json.includes(0x0a) && !json.includes(0x0d)) return json;
  const copy = Buffer.from(json);
  for (let i = 0; i < copy.length; i++) if (copy[i] === 0x0a || copy[i] === 0x0d) copy[i] = 0x20;
  return copy;
}

/** The file could not be created, written or saved; the message names where, plus the system's reason. */
export class DownloadFileError extends Error {
  constructor(what: string, cause: unknown) {
    super(`${what}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'DownloadFileError';
  }
}

/** Where an unfinished download is kept: `events.ndjson` → `events.partial.ndjson`. */
export function partialPathOf(targetPath: string, format: DownloadFormat): string {
  const ext = extname(targetPath);
  const stem = ext ? targetPath.slice(0, -ext.length) : targetPath;
  return `${stem}.partial${ext || (format === 'json' ? '.json' : '.ndjson')}`;
}
