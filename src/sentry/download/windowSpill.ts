import { createReadStream, createWriteStream, WriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import type { RawEvent } from '../api/rawEvents';
import { DownloadFileError } from './eventFileWriter';
import { destroyAndClose, drained, endAndClose } from './fileStreams';

/** What is kept in memory of one event put aside on disk: enough to find its bytes again and to drop a repeat. */
export interface SpilledEvent {
  size: number;
  id?: string;
  time?: string;
}

/**
 * The events of a window that must wait for earlier windows, kept in a file beside the download
 * rather than in memory, as the bytes Sentry sent, one after another. Held in memory, a waiting
 * event keeps the network buffers it was cut from alive until it is written; Node then moves them
 * to the old generation, where they stay until a full collection, so waiting events cost several
 * times their size (measured in the README's download section). Read back, each event is handed on
 * in pieces that live only until they are written.
 */
export class WindowSpill {
  private readonly entries: SpilledEvent[] = [];
  private stream?: WriteStream;
  private failure?: Error;

  constructor(readonly path: string) {}

  get count(): number {
    return this.entries.length;
  }

  /** Puts one event aside; waits while the disk falls behind. */
  async add(event: RawEvent): Promise<void> {
    const stream = this.open();
    if (this.failure) throw this.fileError(this.failure);
    for (const piece of event.pieces) stream.write(piece);
    this.entries.push({ size: event.size, id: event.id, time: event.time });
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

  /** Every event put aside, in the order it came, as pieces of the file read back; the file is removed after. */
  async *events(): AsyncGenerator<{ pieces: Buffer[]; event: SpilledEvent }> {
    if (this.entries.length === 0) return;
    await this.close();
    let next = 0;
    let pieces: Buffer[] = [];
    let missing = this.entries[0].size;
    try {
      for await (const chunk of createReadStream(this.path) as AsyncIterable<Buffer>) {
        let at = 0;
        while (next < this.entries.length) {
          if (missing === 0) {
            yield { pieces, event: this.entries[next++] };
            pieces = [];
            missing = this.entries[next]?.size ?? 0;
            continue;
          }
          if (at === chunk.length) break;
          const take = Math.min(missing, chunk.length - at);
          pieces.push(chunk.subarray(at, at + take));
          at += take;
          missing -= take;
        }
      }
    } catch (error) {
      throw this.fileError(error);
    }
    if (next < this.entries.length) throw this.fileError(new Error(`it holds ${next} of the ${this.entries.length} events written to it`));
    this.entries.length = 0;
    await unlink(this.path).catch(() => undefined);
  }

  /** Removes the file, whatever it holds. */
  async discard(): Promise<void> {
    const stream = this.stream;
    if (stream) await destroyAndClose(stream);
    this.entries.length = 0;
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
