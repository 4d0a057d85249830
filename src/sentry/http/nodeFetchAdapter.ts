import nodeFetch from 'node-fetch';
import type { FetchInit, FetchResponseLike } from './transport';
import { ResponseBodyFailure } from './responseBodyFailure';
import { timerSafe } from './timerLimits';

/** No answer the extension asks for comes near this; a larger one is refused rather than held in memory. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** Without a `bodyIdleTimeoutMs`, silence while the body arrives is bounded by this. */
const DEFAULT_BODY_IDLE_MS = 5_000;

/**
 * The transport's fetch: node-fetch (whose http/https requests go through VS Code's proxy support),
 * with the body read here rather than by `text()`, so that an answer that falls silent part-way
 * fails after `bodyIdleTimeoutMs` (node-fetch itself waits forever when a server closes before its
 * Content-Length is reached), and a damaged compressed body is told apart from a network failure.
 */
export async function nodeFetchAdapter(url: string, init: FetchInit): Promise<FetchResponseLike> {
  const response = await nodeFetch(url, {
    method: init.method,
    headers: init.headers,
    body: init.body,
    signal: init.signal,
    redirect: init.redirect,
    compress: true,
  });
  const headers = headerLookup(response.headers.raw());
  const encoding = (headers.get('content-encoding') ?? '').trim().toLowerCase();
  const declared = Number(headers.get('content-length') ?? NaN);
  // With a Content-Encoding the declared length counts compressed bytes, which are not what is counted here.
  const expectedBytes = !encoding && Number.isSafeInteger(declared) && declared >= 0 ? declared : undefined;
  const options: ReadOptions = {
    idleMs: timerSafe(init.bodyIdleTimeoutMs ?? DEFAULT_BODY_IDLE_MS),
    expectedBytes,
    encoding,
    signal: init.signal,
  };
  // The body is read once, whole or as it arrives, whichever is asked for first.
  let whole: Promise<Buffer> | undefined;
  return {
    status: response.status,
    headers,
    text: async () => {
      whole ??= readBody(response.body, options);
      return stripByteOrderMark((await whole).toString('utf8'));
    },
    chunks: () => {
      if (whole) throw new Error('The body was already read whole.');
      whole = Promise.resolve(Buffer.alloc(0));
      // The reader hears of failures through its iterator, also of one that comes before it starts.
      response.body.on('error', ignore);
      return readChunks(response.body, options);
    },
    // The request itself ends when the caller aborts `init.signal`, as the transport does after this.
    cancel: () => {
      response.body.on('error', ignore);
      destroy(response.body);
    },
  };
}

/**
 * The answer's headers, looked up by name as node-fetch's `get` does (any case, repeats joined by
 * ", "), from one map made once: node-fetch's own `get` lower-cases every header name on each call,
 * and an answer is asked for about ten.
 */
function headerLookup(raw: Record<string, string[]>): FetchResponseLike['headers'] {
  const byName = new Map<string, string>();
  for (const [name, values] of Object.entries(raw)) {
    const key = name.toLowerCase();
    const known = byName.get(key);
    byName.set(key, known === undefined ? values.join(', ') : `${known}, ${values.join(', ')}`);
  }
  return { get: (name) => byName.get(name.toLowerCase()) ?? null };
}

interface ReadOptions {
  idleMs: number;
  expectedBytes?: number;
  encoding: string;
  signal?: AbortSignal;
}

/**
 * The body as it arrives, for a reader that works through it piece by piece: silence is only timed
 * while the reader waits for the next piece (not while it works on one), and the stream is let go
 * when the reader stops early. One timer serves the whole body, re-armed for each wait, since a big
 * download reads thousands of pieces.
 */
async function* readChunks(stream: NodeJS.ReadableStream, options: ReadOptions): AsyncGenerator<Buffer> {
  const pieces = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  let received = 0;
  let waiting = true;
  let stalled: ResponseBodyFailure | undefined;
  const idle = setTimeout(function onSilence() {
    if (!waiting) {
      idle.refresh();
      return;
    }
    stalled = new ResponseBodyFailure('stalled', received, { expectedBytes: options.expectedBytes, silentMs: options.idleMs });
    destroy(stream, stalled);
  }, options.idleMs);
  let ended = false;
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await pieces.next();
      } catch (error) {
        throw stalled ?? bodyFailure(error, received, options);
      }
      if (next.done) {
        ended = true;
        return;
      }
      received += next.value.length;
      waiting = false;
      yield next.value;
      waiting = true;
      idle.refresh();
    }
  } finally {
    clearTimeout(idle);
    if (!ended) destroy(stream);
  }
}

function readBody(stream: NodeJS.ReadableStream, options: ReadOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    let idle: NodeJS.Timeout | undefined;
    const { expectedBytes } = options;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(idle);
      outcome();
    };
    const fail = (failure: Error) =>
      settle(() => {
        destroy(stream);
        reject(options.signal?.aborted ? abortError() : failure);
      });
    const watchSilence = () => {
      clearTimeout(idle);
      idle = setTimeout(() => fail(new ResponseBodyFailure('stalled', received, { expectedBytes, silentMs: options.idleMs })), options.idleMs);
    };
    stream.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_BODY_BYTES) {
        fail(new ResponseBodyFailure('tooLarge', received, { expectedBytes, limitBytes: MAX_BODY_BYTES }));
        return;
      }
      chunks.push(chunk);
      watchSilence();
    });
    stream.on('end', () => settle(() => resolve(Buffer.concat(chunks))));
    stream.on('error', (error: unknown) => fail(bodyFailure(error, received, options)));
    watchSilence();
  });
}

/** A stream error while the body arrived: a decoder's complaint, an early close, or a cancellation. */
function bodyFailure(error: unknown, received: number, options: ReadOptions): Error {
  const code = errorCode(error);
  if (code?.startsWith('Z_') || code === 'ERR__ERROR_FORMAT_PADDING_1' || code?.startsWith('ERR_BROTLI')) {
    const message = error instanceof Error ? error.message : String(error);
    return new ResponseBodyFailure('undecodable', received, { decoderError: `${options.encoding || 'body'}: ${message}, ${code}` });
  }
  if (options.signal?.aborted) return abortError();
  return new ResponseBodyFailure('closed', received, { expectedBytes: options.expectedBytes });
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function destroy(stream: NodeJS.ReadableStream, error?: Error): void {
  const destroyable = stream as NodeJS.ReadableStream & { destroy?: (error?: Error) => void };
  destroyable.destroy?.(error);
}

function ignore(): void {}

function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function abortError(): Error {
  const error = new Error('The request was aborted.');
  error.name = 'AbortError';
  return error;
}
