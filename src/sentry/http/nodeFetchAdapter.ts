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
  const encoding = (response.headers.get('content-encoding') ?? '').trim().toLowerCase();
  const declared = Number(response.headers.get('content-length') ?? NaN);
  // With a Content-Encoding the declared length counts compressed bytes, which are not what is counted here.
  const expectedBytes = !encoding && Number.isSafeInteger(declared) && declared >= 0 ? declared : undefined;
  const body = readBody(response.body, {
    idleMs: timerSafe(init.bodyIdleTimeoutMs ?? DEFAULT_BODY_IDLE_MS),
    expectedBytes,
    encoding,
    signal: init.signal,
  });
  body.catch(() => undefined);
  return {
    status: response.status,
    headers: response.headers,
    text: async () => stripByteOrderMark((await body).toString('utf8')),
  };
}

interface ReadOptions {
  idleMs: number;
  expectedBytes?: number;
  encoding: string;
  signal?: AbortSignal;
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

function destroy(stream: NodeJS.ReadableStream): void {
  const destroyable = stream as NodeJS.ReadableStream & { destroy?: () => void };
  destroyable.destroy?.();
}

function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function abortError(): Error {
  const error = new Error('The request was aborted.');
  error.name = 'AbortError';
  return error;
}
