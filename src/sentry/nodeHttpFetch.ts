// Plain module names: VS Code's proxy support intercepts `require('http')` / `require('https')`.
import * as http from 'http';
import * as https from 'https';
import * as zlib from 'zlib';
import type { FetchInit, FetchResponseLike } from './httpTransport';
import { ResponseBodyFailure } from './responseBodyFailure';
import { timerSafe } from './timerLimits';

/** No answer the extension asks for comes near this; a larger one is refused rather than held in memory. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** Without a `bodyIdleTimeoutMs`, silence while the body arrives is bounded by this. */
const DEFAULT_BODY_IDLE_MS = 10_000;

/**
 * The request the transport sends, over Node's own http/https (which VS Code's proxy support
 * hooks). Resolves when the headers arrive; the body is then read at once, and `text()` fails with
 * a `ResponseBodyFailure` when the connection closes early, falls silent for `bodyIdleTimeoutMs`, or
 * brings a body that cannot be decompressed. Aborting `init.signal` ends it at any point.
 */
export function nodeHttpFetch(url: string, init: FetchInit): Promise<FetchResponseLike> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : http;
    const signal = init.signal;
    if (signal?.aborted) return reject(abortError());
    const request = client.request(target, { method: init.method, headers: { 'Accept-Encoding': 'gzip, deflate', ...init.headers } });
    const onAbort = () => request.destroy(abortError());
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);
    // Stays attached for the whole exchange: an 'error' without a listener would bring the extension host down.
    request.on('error', (error) => {
      done();
      reject(signal?.aborted ? abortError() : error);
    });
    request.once('response', (response) => {
      const body = readBody(response, request, timerSafe(init.bodyIdleTimeoutMs ?? DEFAULT_BODY_IDLE_MS), signal)
        .then((raw) => decode(raw, response.headers['content-encoding']))
        .finally(done);
      body.catch(() => undefined);
      resolve({
        status: response.statusCode ?? 0,
        headers: { get: (name) => headerValue(response.headers[name.toLowerCase()]) },
        text: async () => stripByteOrderMark((await body).toString('utf8')),
      });
    });
    request.end(init.body);
  });
}

function readBody(response: http.IncomingMessage, request: http.ClientRequest, idleMs: number, signal: AbortSignal | undefined): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  const expectedBytes = Number.isSafeInteger(declared) && declared >= 0 ? declared : undefined;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    let idle: NodeJS.Timeout | undefined;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(idle);
      outcome();
    };
    const fail = (failure: Error) =>
      settle(() => {
        request.destroy();
        reject(signal?.aborted ? abortError() : failure);
      });
    const watchSilence = () => {
      clearTimeout(idle);
      idle = setTimeout(() => fail(new ResponseBodyFailure('stalled', received, { expectedBytes, silentMs: idleMs })), idleMs);
    };
    response.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_BODY_BYTES) {
        fail(new ResponseBodyFailure('tooLarge', received, { expectedBytes, limitBytes: MAX_BODY_BYTES }));
        return;
      }
      chunks.push(chunk);
      watchSilence();
    });
    response.on('end', () => settle(() => resolve(Buffer.concat(chunks))));
    const closedEarly = () => fail(new ResponseBodyFailure('closed', received, { expectedBytes }));
    response.on('error', closedEarly);
    response.on('close', () => {
      if (!response.complete) closedEarly();
    });
    watchSilence();
  });
}

/** Undoes the Content-Encoding; a damaged body (or one in an encoding never asked for) is a `ResponseBodyFailure`. */
async function decode(raw: Buffer, encoding: string | undefined): Promise<Buffer> {
  const coding = (encoding ?? '').trim().toLowerCase();
  if (coding === '' || coding === 'identity' || raw.length === 0) return raw;
  const options = { maxOutputLength: MAX_BODY_BYTES };
  try {
    switch (coding) {
      case 'gzip':
      case 'x-gzip':
        return await inflateWith(zlib.gunzip, raw, options);
      case 'deflate':
      case 'x-deflate':
        // Some servers send raw deflate without the zlib wrapper; the wrapper's first byte says which.
        return await inflateWith((raw[0] & 0x0f) === 0x08 ? zlib.inflate : zlib.inflateRaw, raw, options);
      case 'br':
        return await inflateWith(zlib.brotliDecompress, raw, options);
      default:
        throw new ResponseBodyFailure('undecodable', raw.length, { decoderError: `unknown content encoding "${coding.slice(0, 40)}"` });
    }
  } catch (error) {
    if (error instanceof ResponseBodyFailure) throw error;
    if (isCode(error, 'ERR_BUFFER_TOO_LARGE')) throw new ResponseBodyFailure('tooLarge', raw.length, { limitBytes: MAX_BODY_BYTES });
    throw new ResponseBodyFailure('undecodable', raw.length, { decoderError: decoderComplaint(coding, error) });
  }
}

type Inflate = (buffer: Buffer, options: zlib.ZlibOptions, callback: (error: Error | null, result: Buffer) => void) => void;

function inflateWith(inflate: Inflate, raw: Buffer, options: zlib.ZlibOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => inflate(raw, options, (error, result) => (error ? reject(error) : resolve(result))));
}

function decoderComplaint(coding: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? `, ${error.code}` : '';
  return `${coding}: ${message}${code}`;
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function abortError(): Error {
  const error = new Error('The request was aborted.');
  error.name = 'AbortError';
  return error;
}
