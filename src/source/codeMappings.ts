/**
 * Sentry code mappings (`GET /api/0/organizations/{org}/code-mappings/`): a frame path starting with
 * `stackRoot` lives in the repository at `sourceRoot` + the rest. Applying them locally gives the same
 * repository-relative path the `stacktrace-link` endpoint would, without one request per frame.
 */

import type { Frame } from '../sentry/event/eventModel';
import { isSafeSegment, sanitizeFrameText, splitPathSegments } from './pathSafety';

export interface CodeMapping {
  /** Prefix of frame paths (`/usr/src/app/`, `app:///`, or empty for "any relative path"). */
  stackRoot: string;
  /** Folder in the repository that prefix corresponds to (`services/api/`, or empty for the repository root). */
  sourceRoot: string;
}

/** The repository-relative path of a frame under the first code mapping whose stack root fits (longest first). */
export function codeMappingSourcePath(frame: Frame, mappings: readonly CodeMapping[]): string | undefined {
  const usable = mappings
    .filter((mapping) => typeof mapping?.stackRoot === 'string' && typeof mapping.sourceRoot === 'string')
    .slice()
    .sort((a, b) => b.stackRoot.length - a.stackRoot.length);
  for (const field of [frame?.filename, frame?.absPath]) {
    const text = sanitizeFrameText(field);
    if (text === undefined) {
      continue;
    }
    const path = text.replace(/\\/g, '/');
    for (const mapping of usable) {
      const mapped = applyCodeMapping(path, mapping);
      if (mapped !== undefined) {
        return mapped;
      }
    }
  }
  return undefined;
}

function applyCodeMapping(path: string, mapping: CodeMapping): string | undefined {
  const stackRoot = mapping.stackRoot.replace(/\\/g, '/');
  if (stackRoot.length === 0 ? /^(?:[a-z][a-z0-9+.-]*:|\/)/i.test(path) : !path.startsWith(stackRoot)) {
    return undefined;
  }
  const rest = splitPathSegments(path.slice(stackRoot.length).replace(/[?#].*$/, ''));
  const root = splitPathSegments(mapping.sourceRoot.replace(/\\/g, '/'));
  const segments = [...root, ...rest];
  return rest.length > 0 && segments.every(isSafeSegment) ? segments.join('/') : undefined;
}
