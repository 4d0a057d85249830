/**
 * Guards for paths that come from events (untrusted) and for local paths (trusted, but in many spellings).
 * Frame-side paths are never resolved upward: a `..` segment makes a path unusable as a root-relative path.
 */

export const MAX_FRAME_PATH_LENGTH = 4096;
export const MAX_SEGMENT_LENGTH = 255;
export const MAX_SEGMENTS = 128;

const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const DRIVE_PATH = /^[a-zA-Z]:\//;
/** Anything `normalizeLocalPath` would change in a POSIX path: backslashes, doubled slashes, dot segments, a trailing slash, a drive. */
const NEEDS_CLEANING = /\\|\/\/|\/\.\.?(\/|$)|\/$|^\/[a-zA-Z]:\//;

/** A frame's path-like field as a usable string; undefined when missing, not a string, huge, or holding control characters. */
export function sanitizeFrameText(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_FRAME_PATH_LENGTH) {
    return undefined;
  }
  const trimmed = value.trim();
  return trimmed.length > 0 && !CONTROL_CHARS.test(trimmed) ? trimmed : undefined;
}

/** A segment that may be joined under a workspace root: no traversal, separators, drive colons or control characters. */
export function isSafeSegment(segment: string): boolean {
  return (
    segment.length > 0 &&
    segment.length <= MAX_SEGMENT_LENGTH &&
    segment !== '.' &&
    segment !== '..' &&
    !segment.includes('/') &&
    !segment.includes('\\') &&
    !segment.includes(':') &&
    !CONTROL_CHARS.test(segment)
  );
}

/** Splits on both separators, dropping empty and `.` segments (`..` is kept so callers can see it). */
export function splitPathSegments(path: string): string[] {
  const segments: string[] = [];
  for (const part of path.split(/[\\/]/)) {
    if (part.length > 0 && part !== '.') {
      segments.push(part);
    }
  }
  return segments;
}

/** The segments after the last `..`: a suffix that can still be matched, though the path itself cannot be followed. */
export function segmentsAfterParentReferences(segments: readonly string[]): string[] {
  const last = segments.lastIndexOf('..');
  return last < 0 ? segments.slice() : segments.slice(last + 1);
}

/** All segments safe, and not too many of them. */
export function areSafeSegments(segments: readonly string[]): boolean {
  return segments.length > 0 && segments.length <= MAX_SEGMENTS && segments.every(isSafeSegment);
}

export function looksLikeWindowsPath(path: string): boolean {
  return /^[a-zA-Z]:[\\/]/.test(path) || path.startsWith('\\\\') || path.includes('\\');
}

/**
 * A local absolute path in one spelling: forward slashes, lower-case drive letter, no `.`/`..`/empty segments,
 * no trailing slash. Undefined for relative, empty or malformed input.
 */
export function normalizeLocalPath(path: string): string | undefined {
  if (typeof path !== 'string' || path.length === 0 || path.length > MAX_FRAME_PATH_LENGTH || path.includes('\0')) {
    return undefined;
  }
  if (path.charCodeAt(0) === 47 && path.charCodeAt(1) !== 47 && !NEEDS_CLEANING.test(path)) {
    return path;
  }
  let slashed = path.includes('\\') ? path.replace(/\\/g, '/') : path;
  if (/^\/[a-zA-Z]:\//.test(slashed)) {
    slashed = slashed.slice(1);
  }
  let prefix: string;
  let rest: string;
  if (DRIVE_PATH.test(slashed)) {
    prefix = `${slashed[0].toLowerCase()}:/`;
    rest = slashed.slice(3);
  } else if (slashed.startsWith('//')) {
    prefix = '//';
    rest = slashed.slice(2);
  } else if (slashed.startsWith('/')) {
    prefix = '/';
    rest = slashed.slice(1);
  } else {
    return undefined;
  }
  if (!/\/\/|\/\.\.?(\/|$)|^\.\.?(\/|$)|\/$/.test(rest)) {
    return prefix + rest;
  }
  const out: string[] = [];
  for (const part of rest.split('/')) {
    if (part === '' || part === '.') {
      continue;
    }
    if (part === '..') {
      out.pop();
    } else {
      out.push(part);
    }
  }
  return prefix + out.join('/');
}

/** Whether a normalized path lies strictly below a normalized root. */
export function isInsideRoot(path: string, root: string, caseInsensitive = false): boolean {
  const p = caseInsensitive ? path.toLowerCase() : path;
  const r = caseInsensitive ? root.toLowerCase() : root;
  const base = r.endsWith('/') ? r : `${r}/`;
  return p.length > base.length && p.startsWith(base);
}

/** Depth of the shared leading directories of two normalized paths, counted in `/` boundaries. */
export function sharedDirectoryDepth(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let depth = 0;
  for (let i = 0; i < n; i++) {
    const c = a.charCodeAt(i);
    if (c !== b.charCodeAt(i)) {
      break;
    }
    if (c === 47) {
      depth++;
    }
  }
  return depth;
}
