import { once } from 'node:events';
import type { WriteStream } from 'node:fs';

/** Waits while the stream holds more than its high-water mark, so memory stays bounded; rejects with its error. */
export async function drained(stream: WriteStream): Promise<void> {
  if (stream.writableNeedDrain) await once(stream, 'drain');
}

/** Ends the stream and waits until its file is closed; rejects with an error in the last writes. */
export async function endAndClose(stream: WriteStream): Promise<void> {
  if (stream.closed) return;
  const closed = once(stream, 'close');
  stream.end();
  await closed;
}

/** Drops what the stream still holds and waits until its file is closed; writes cut short are no error here. */
export function destroyAndClose(stream: WriteStream): Promise<void> {
  return new Promise<void>((resolve) => {
    if (stream.closed) return resolve();
    stream.once('close', () => resolve());
    stream.destroy();
  });
}
