import { randomBytes } from 'node:crypto';
import { createWriteStream, WriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { DownloadFormat } from './downloadTypes';

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

  /** Appends one event, already serialized as JSON. */
  async write(eventJson: string): Promise<void> {
    const text = this.format === 'ndjson' ? `${eventJson}\n` : `${this.written > 0 ? ',\n' : ''}${eventJson}`;
    this.written++;
    await this.put(text);
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
    await new Promise<void>((resolve) => {
      if (this.stream.closed) return resolve();
      this.stream.once('close', () => resolve());
      this.stream.destroy();
    });
    await unlink(this.tempPath).catch(() => undefined);
  }

  private async put(text: string): Promise<void> {
    if (this.failure) throw new DownloadFileError(`could not write ${this.tempPath}`, this.failure);
    if (!this.stream.write(text)) {
      await new Promise<void>((resolve, reject) => {
        const onDrain = () => {
          this.stream.off('error', onError);
          resolve();
        };
        const onError = (error: Error) => {
          this.stream.off('drain', onDrain);
          reject(new DownloadFileError(`could not write ${this.tempPath}`, error));
        };
        this.stream.once('drain', onDrain);
        this.stream.once('error', onError);
      });
    }
  }

  private async close(): Promise<void> {
    if (this.format === 'json') await this.put(this.written > 0 ? '\n]\n' : ']\n');
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.once('close', () => resolve());
      this.stream.end();
    });
    if (this.failure) throw this.failure;
  }
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
