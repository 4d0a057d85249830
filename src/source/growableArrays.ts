/** Typed arrays that grow by doubling: the file index's per-file, per-folder and per-node columns. */

export function grownInt32(array: Int32Array<ArrayBuffer>, needed: number, fill = 0): Int32Array<ArrayBuffer> {
  if (needed <= array.length) {
    return array;
  }
  const grown = new Int32Array(Math.max(needed, array.length * 2));
  grown.set(array);
  if (fill !== 0) {
    grown.fill(fill, array.length);
  }
  return grown;
}

export function grownUint8(array: Uint8Array<ArrayBuffer>, needed: number): Uint8Array<ArrayBuffer> {
  if (needed <= array.length) {
    return array;
  }
  const grown = new Uint8Array(Math.max(needed, array.length * 2));
  grown.set(array);
  return grown;
}
