/**
 * User path mappings: `{ from: "/usr/src/app/", to: "/home/me/project" }` rewrites a frame path that starts with
 * `from`. The longest matching `from` wins; the rest of the path is never allowed to climb out of `to`.
 */

import { isSafeSegment, looksLikeWindowsPath, normalizeLocalPath, sanitizeFrameText, splitPathSegments } from './pathSafety';

export interface PathMapping {
  /** Prefix of the frame path as Sentry shows it (`/usr/src/app/`, `webpack:///./`, `C:\build\`). */
  from: string;
  /** Absolute local folder. */
  to: string;
}

export interface MappedPath {
  /** Normalized local path the frame maps to (it may not exist). */
  path: string;
  /** The mapping's `from` as the user wrote it. */
  from: string;
  /** The frame text that matched. */
  source: string;
  /** How many segments of the frame path followed `from`. */
  restSegments: number;
  caseInsensitive: boolean;
}

export interface WorkspaceFolderRef {
  name: string;
  path: string;
}

interface CompiledMapping {
  original: string;
  from: string;
  compareFrom: string;
  to: string;
  caseInsensitive: boolean;
  hasScheme: boolean;
}

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//;

export class PathMapper {
  private readonly mappings: CompiledMapping[];

  constructor(mappings: readonly PathMapping[] = []) {
    const compiled: CompiledMapping[] = [];
    for (const mapping of mappings) {
      const entry = compileMapping(mapping);
      if (entry) {
        compiled.push(entry);
      }
    }
    this.mappings = compiled.sort((a, b) => b.from.length - a.from.length);
  }

  get isEmpty(): boolean {
    return this.mappings.length === 0;
  }

  /** Local paths a frame path maps to, longest `from` first. */
  map(framePath: string): MappedPath[] {
    const text = sanitizeFrameText(framePath);
    if (text === undefined || this.mappings.length === 0) {
      return [];
    }
    const slashed = text.replace(/\\/g, '/');
    const lower = slashed.toLowerCase();
    const out: MappedPath[] = [];
    for (const mapping of this.mappings) {
      const subject = mapping.caseInsensitive ? lower : slashed;
      if (!subject.startsWith(mapping.compareFrom) || !endsAtBoundary(mapping.from, slashed)) {
        continue;
      }
      let rest = slashed.slice(mapping.from.length);
      if (mapping.hasScheme) {
        rest = rest.replace(/[?#].*$/, '');
      }
      const segments = splitPathSegments(rest);
      if (segments.length === 0 || !segments.every(isSafeSegment)) {
        continue;
      }
      const base = mapping.to.endsWith('/') ? mapping.to : `${mapping.to}/`;
      out.push({ path: base + segments.join('/'), from: mapping.original, source: text, restSegments: segments.length, caseInsensitive: mapping.caseInsensitive });
    }
    return out;
  }
}

/**
 * Expands `${workspaceFolder}` (the first folder), `${workspaceFolder:name}` and `${workspaceFolderBasename}`.
 * Undefined when a variable names a folder that is not open.
 */
export function substituteWorkspaceFolder(value: string, folders: readonly WorkspaceFolderRef[]): string | undefined {
  let missing = false;
  const expanded = value.replace(/\$\{(workspaceFolder(?:Basename)?)(?::([^}]+))?\}/g, (_match, variable: string, name?: string) => {
    const folder = name === undefined ? folders[0] : folders.find((candidate) => candidate.name === name);
    if (!folder) {
      missing = true;
      return '';
    }
    return variable === 'workspaceFolderBasename' ? folder.name : folder.path;
  });
  return missing ? undefined : expanded;
}

function compileMapping(mapping: PathMapping): CompiledMapping | undefined {
  if (typeof mapping?.from !== 'string' || typeof mapping.to !== 'string') {
    return undefined;
  }
  const from = mapping.from.trim().replace(/\\/g, '/');
  const to = normalizeLocalPath(mapping.to.trim());
  if (from.length === 0 || to === undefined) {
    return undefined;
  }
  const caseInsensitive = looksLikeWindowsPath(mapping.from) || /^[a-zA-Z]:\//.test(from);
  return {
    original: mapping.from,
    from,
    compareFrom: caseInsensitive ? from.toLowerCase() : from,
    to,
    caseInsensitive,
    hasScheme: SCHEME.test(from),
  };
}

/** `/app` maps `/app/x` but not `/application/x`. */
function endsAtBoundary(from: string, path: string): boolean {
  return from.endsWith('/') || path.length === from.length || path[from.length] === '/';
}
