import { createReadStream, createWriteStream, WriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import type { RawEvent } from '../api/rawEvents';
import { DownloadFileError } from './eventFileWriter';
import { destroyAndClose, drained, endAndClose } from './fileStreams';
import { SpillIndex } from './spillIndex';

/** How much of the file is read back at a time: a few dozen events of a usual size, handed on together. */
const READ_BYTES = 512 * 1024;

/**
 * The events of a window that must wait for earlier windows, kept in a file beside the download
 * rather than in memory, as the bytes Sentry sent, one after another. Held in memory, a waiting
 * event keeps the network buffers it was cut from alive until it is written; Node then moves them
 * to the old generation, where they stay until a full collection, so waiting events cost several
 * times their size (measured in the README's download section). Read back, each event is handed on
 * in pieces that live only until they are written.
 */
export class WindowSpill {
  private readonly index = new SpillIndex();
  private stream?: WriteStream;
  private failure?: Error;

  constructor(readonly path: string) {}

  get count(): number {
    return this.index.count;
  }

  /** Puts events aside, in order; waits while the disk falls behind. */
  async add(events: readonly RawEvent[]): Promise<void> {
    const stream = this.open();
    if (this.failure) throw this.fileError(this.failure);
    for (const event of events) {
      for (const piece of event.pieces) stream.write(piece);
      this.index.add(event);
    }
    await drained(stream).catch((error: unknown) => {
      throw this.fileError(error);
    });
  }

  /** Stops writing; the events stay on disk until read back. */
  async close(): Promise<void> {
    const stream = this.stream;
    if (this.failure) throw this.fileError(this.failure);
    if (stream) await endAndClose(stream).catch((error: unknown) => {
      throw this.fileError(error);
    });
  }

  /**
   * Every event put aside, in the order it came, in batches: the events completed by each read of the
   * file, as pieces of what was read. The file is removed after.
   */
  async *batches(): AsyncGenerator<RawEvent[]> {
    const count = this.index.count;
    if (count === 0) return;
    await this.close();
    const entries = this.index.entries();
    let entry = entries.next();
    let given = 0;
    let pieces: Buffer[] = [];
    let missing = entry.done ? 0 : entry.value.size;
    try {
      for await (const chunk of createReadStream(this.path, { highWaterMark: READ_BYTES }) as AsyncIterable<Buffer>) {
        const batch: RawEvent[] = [];
        let at = 0;
        while (!entry.done) {
          if (missing === 0) {
            batch.push({ pieces, size: entry.value.size, id: entry.value.id, time: entry.value.time });
            pieces = [];
            entry = entries.next();
            missing = entry.done ? 0 : entry.value.size;
            continue;
          }
          if (at === chunk.length) break;
          const take = Math.min(missing, chunk.length - at);
          pieces.push(chunk.subarray(at, at + take));
          at += take;
          missing -= take;
        }
        given += batch.length;
        if (batch.length > 0) yield batch;
      }
    } catch (error) {
      throw this.fileError(error);
    }
    if (!entry.done) throw this.fileError(new Error(`it holds ${given} of the ${count} events written to it`));
    this.index.clear();
    await unlink(this.path).catch(() => undefined);
  }

  /** Removes the file, whatever it holds. */
  async discard(): Promise<void> {
    const stream = this.stream;
    if (stream) await destroyAndClose(stream);
    this.index.clear();
    if (stream) await unlink(this.path).catch(() => undefined);
  }

  private open(): WriteStream {
    if (!this.stream) {
      this.stream = createWriteStream(this.path, { flags: 'wx', highWaterMark: 256 * 1024 });
      this.stream.on('error', (error) => (this.failure ??= error));
    }
    return this.stream;
  }

  private fileError(cause: unknown): DownloadFileError {
    return new DownloadFileError(`could not keep waiting events in ${this.path}`, cause);
  }
}
