import type { ServerResponse } from 'node:http';
import { deflateSync, gzipSync } from 'node:zlib';

import type { ApiResponse } from './responses';
import type { Fault } from './testServerTypes';

/**
 * Writes an answer, whole or broken the way real networks break it: compressed (or with its
 * compressed bytes damaged), cut off by a closed connection, or stalled mid-way with the
 * connection left open. Content-Length announces the whole body, unless the fault asks for chunks.
 */
export function deliver(response: ServerResponse, answer: ApiResponse, fault?: Fault, extraHeaders: Record<string, string> = {}): void {
  if (response.destroyed || response.headersSent) {
    return;
  }
  const headers: Record<string, string> = { ...answer.headers, ...extraHeaders };
  let body: Buffer = Buffer.from(answer.body, 'utf8');
  if (fault?.encoding) {
    body = fault.encoding === 'gzip' ? gzipSync(body) : deflateSync(body);
    if (fault.corruptEncoding) body = damaged(body, fault.encoding);
    headers['Content-Encoding'] = fault.encoding;
  }
  // `chunked` leaves the length out, so Node sends the body in chunks and the end is the last chunk.
  if (!fault?.chunked) headers['Content-Length'] = String(body.length);
  response.writeHead(answer.status, headers);
  const cutAt = fault?.closeAfterBytes ?? fault?.stallAfterBytes;
  if (cutAt === undefined || cutAt >= body.length) {
    response.end(body);
    return;
  }
  response.flushHeaders();
  const sent = body.subarray(0, Math.max(0, cutAt));
  response.write(sent, () => {
    if (fault?.closeAfterBytes !== undefined) response.socket?.destroy();
    // A stall sends nothing more: the connection stays open until the client gives up or the server closes.
  });
}

/** Keeps the format's header and fills the rest with 0xff: a deflate block of the reserved type, which no decoder accepts. */
function damaged(body: Buffer, encoding: 'gzip' | 'deflate'): Buffer {
  const headerLength = encoding === 'gzip' ? 10 : 2;
  const copy = Buffer.from(body);
  copy.fill(0xff, headerLength);
  return copy;
}
