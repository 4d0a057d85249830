/**
 * What the user chose when a frame matched several workspace files equally well, kept as a pair of prefixes:
 * the frame's path without the matched suffix (`webpack:///./src/`) and the chosen file's folder at the same
 * place (`/home/me/shop/web/src/`). A later tie whose frame lies under a remembered frame prefix opens the file
 * at the same place below the remembered local prefix, when that file is one of the tied ones.
 */

import { normalizeLocalPath } from './pathSafety';
import { nfc } from './unicodeNames';

export interface RememberedChoice {
  /** Frame path up to the matched suffix, `/`-separated, query and fragment dropped (may be empty). */
  framePrefix: string;
  /** Normalized local folder the matched suffix was found under, ending in `/`. */
  localPrefix: string;
}

export const MAX_REMEMBERED_CHOICES = 100;

/** The pair to remember when `chosenPath` was picked for a frame path whose last `matchedSegments` matched. */
export function choiceToRemember(framePath: string, matchedSegments: number, chosenPath: string): RememberedChoice | undefined {
  const framePrefix = prefixBefore(frameText(framePath), matchedSegments);
  const key = normalizeLocalPath(chosenPath);
  const localPrefix = key === undefined ? undefined : prefixBefore(nfc(key), matchedSegments);
  return framePrefix === undefined || localPrefix === undefined || localPrefix === '' ? undefined : { framePrefix, localPrefix };
}

/** The one tied path a remembered choice points at (longest frame prefix first), or undefined. */
export function rememberedPath(
  framePath: string,
  matchedSegments: number,
  tied: readonly string[],
  remembered: readonly RememberedChoice[],
): { path: string; choice: RememberedChoice } | undefined {
  const prefix = prefixBefore(frameText(framePath), matchedSegments);
  if (prefix === undefined || remembered.length === 0) {
    return undefined;
  }
  const folders = tied.map((path) => {
    const key = normalizeLocalPath(path);
    return key === undefined ? undefined : prefixBefore(nfc(key), matchedSegments);
  });
  const usable = remembered.filter((choice) => isRememberedChoice(choice) && prefix.startsWith(choice.framePrefix));
  usable.sort((a, b) => b.framePrefix.length - a.framePrefix.length);
  for (const choice of usable) {
    const wanted = choice.localPrefix + prefix.slice(choice.framePrefix.length);
    const hits = tied.filter((_, i) => folders[i] === wanted);
    if (hits.length === 1) {
      return { path: hits[0], choice };
    }
  }
  return undefined;
}

/** Keeps the newest choice for each frame prefix, newest first, at most `MAX_REMEMBERED_CHOICES`. */
export function withChoice(remembered: readonly RememberedChoice[], choice: RememberedChoice): RememberedChoice[] {
  const others = remembered.filter((old) => isRememberedChoice(old) && old.framePrefix !== choice.framePrefix);
  return [choice, ...others].slice(0, MAX_REMEMBERED_CHOICES);
}

/** Shape check for values read back from storage. */
export function isRememberedChoice(value: unknown): value is RememberedChoice {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { framePrefix, localPrefix } = value as Record<string, unknown>;
  return typeof framePrefix === 'string' && typeof localPrefix === 'string' && localPrefix.endsWith('/') && framePrefix.length <= 4096 && localPrefix.length <= 4096;
}

/** Forward slashes; for URLs, no query or fragment. */
function frameText(path: string): string {
  const slashed = nfc(path.trim().replace(/\\/g, '/'));
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(slashed) ? slashed.replace(/[?#].*$/, '') : slashed;
}

/** The text before the last `count` segments, ending at a separator (or empty); undefined when there are fewer. */
function prefixBefore(path: string, count: number): string | undefined {
  let end = path.length;
  while (end > 0 && path[end - 1] === '/') {
    end--;
  }
  for (let left = count; left > 0; left--) {
    const slash = path.lastIndexOf('/', end - 1);
    if (slash < 0) {
      return left === 1 && end > 0 ? '' : undefined;
    }
    end = slash;
    while (end > 0 && path[end - 1] === '/' && left > 1) {
      end--;
    }
  }
  return path.slice(0, end + 1);
}
