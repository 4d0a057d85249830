import { createReadStream } from 'node:fs';

/** One line of a file, and where its bytes are, so that it can be read again on its own later. */
export interface FileLine {
  /** 1-based. */
  line: number;
  /** Byte offset of the line's first byte. */
  offset: number;
  /** Bytes of the line without its `\n`. */
  length: number;
  text: string;
}

const NEWLINE = 0x0a;

/**
 * The lines of a file, streamed: only the current line (and one read chunk) is in memory. Byte
 * offsets are counted here rather than by `readline`, which does not report them and drops `\r`.
 */
export async function* readFileLines(path: string, signal?: AbortSignal): AsyncGenerator<FileLine> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let offset = 0;
  let line = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      signal?.throwIfAborted();
      let start = 0;
      for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, start)) {
        const piece = chunk.subarray(start, at);
        const bytes = pendingBytes === 0 ? piece : Buffer.concat([...pending, piece], pendingBytes + piece.length);
        line++;
        yield { line, offset, length: bytes.length, text: bytes.toString('utf8') };
        offset += bytes.length + 1;
        pending = [];
        pendingBytes = 0;
        start = at + 1;
      }
      if (start < chunk.length) {
        pending.push(chunk.subarray(start));
        pendingBytes += chunk.length - start;
      }
    }
    if (pendingBytes > 0) {
      line++;
      yield { line, offset, length: pendingBytes, text: Buffer.concat(pending, pendingBytes).toString('utf8') };
    }
  } finally {
    stream.destroy();
  }
}
