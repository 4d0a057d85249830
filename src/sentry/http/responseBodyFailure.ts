import type { UnreadableReason } from './errors';

/**
 * Why an answer's body could not be read, as the low-level fetch saw it. The transport turns it into
 * a `ResponseReadError` whose message names the host.
 */
export class ResponseBodyFailure extends Error {
  constructor(
    readonly reason: UnreadableReason,
    readonly receivedBytes: number,
    readonly extra: {
      /** The Content-Length the server announced. */
      expectedBytes?: number;
      /** How long nothing arrived, for a stall. */
      silentMs?: number;
      /** The decoder's complaint, for a body that could not be decompressed. */
      decoderError?: string;
      /** The size limit, for a body too large to hold. */
      limitBytes?: number;
    } = {},
  ) {
    super(`response body ${reason} after ${receivedBytes} bytes`);
    this.name = 'ResponseBodyFailure';
  }
}
