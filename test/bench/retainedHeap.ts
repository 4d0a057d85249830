/**
 * Memory a structure keeps: the JavaScript heap plus typed-array buffers (which live outside the heap), measured
 * after full garbage collections. `gc` is reached through V8's flag so `npm run bench` needs no node option.
 */

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc !== 'function') {
    throw new Error('V8 did not expose gc');
  }
  return () => {
    gc();
    gc();
  };
}

/** Heap in use plus array buffers, in bytes, after collecting garbage. */
export function retainedBytes(): number {
  collector()();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/**
 * What `build` leaves behind: memory after building (and whatever `use` does with the result), minus memory
 * before, both after collecting garbage. `build` should make its own inputs, so nothing it keeps is counted
 * as belonging to the caller.
 */
export function retainedBy<T>(build: () => T, use: (value: T) => void = () => undefined): { value: T; bytes: number } {
  const before = retainedBytes();
  const value = build();
  use(value);
  const bytes = retainedBytes() - before;
  return { value, bytes };
}
