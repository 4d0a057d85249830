/**
 * File names in one Unicode spelling. macOS file systems and some archives store names decomposed (NFD: `e` +
 * combining accent) where editors and events usually carry them composed (NFC), so both sides are compared in NFC.
 */

const NON_ASCII = /[^\u0000-\u007f]/;

export function nfc(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFC') : text;
}

/** The same array when every segment is already NFC (the usual, ASCII case), so lookups allocate nothing. */
export function nfcSegments(segments: readonly string[]): readonly string[] {
  for (let i = 0; i < segments.length; i++) {
    if (NON_ASCII.test(segments[i])) {
      return segments.map(nfc);
    }
  }
  return segments;
}
