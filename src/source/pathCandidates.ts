/**
 * Frame → every relative path it may name in the user's project, from `abs_path`, `filename` and `module`.
 * Pure reading of the frame: the workspace is not consulted here.
 */

import type { Frame } from '../sentry/event/eventModel';
import { ParsedFramePath, parseFramePath } from './framePathSyntax';
import { repositoryRelativeGoPaths } from './goModulePaths';
import { stripKnownRoots } from './knownRoots';
import { extensionOf, findLibraryPath } from './libraryPaths';
import { FrameLanguage, frameLanguage, moduleCandidates } from './moduleCandidates';
import { PathCandidate } from './pathCandidate';
import {
  MAX_SEGMENTS,
  areSafeSegments,
  sanitizeFrameText,
  segmentsAfterParentReferences,
  splitPathSegments,
} from './pathSafety';

export interface AbsoluteFramePath {
  /** Normalized absolute path as the frame spelled it (may be a workspace file when the event came from this machine). */
  path: string;
  caseInsensitive: boolean;
  field: 'absPath' | 'filename';
}

export interface FrameCandidates {
  absolutePaths: AbsoluteFramePath[];
  candidates: PathCandidate[];
  /** Some path of the frame points into a dependency. */
  library: boolean;
  /** The frame's path fields as sanitized text, for messages. */
  display: string | undefined;
}

type PathField = 'absPath' | 'filename';

export function frameCandidates(frame: Frame): FrameCandidates {
  const absPath = sanitizeFrameText(frame.absPath);
  const filename = sanitizeFrameText(frame.filename);
  const module = sanitizeFrameText(frame.module);
  const platform = sanitizeFrameText(frame.platform);
  const inApp = frame.inApp === true;

  const parsedFields: Array<[PathField, ParsedFramePath]> = [];
  for (const [field, text] of [['absPath', absPath], ['filename', filename]] as const) {
    const parsed = text === undefined ? undefined : parseFramePath(text);
    if (parsed) {
      parsedFields.push([field, parsed]);
    }
  }
  const baseNames = parsedFields.map(([, parsed]) => baseName(parsed.path));
  const language = frameLanguage(platform, baseNames);

  const result: FrameCandidates = { absolutePaths: [], candidates: [], library: false, display: absPath ?? filename ?? module };
  const seen = new Set<string>();
  const add = (candidate: PathCandidate): void => {
    const key = `${candidate.rootRelative ? 'r' : 's'}:${candidate.segments.join('/')}`;
    if (!seen.has(key)) {
      seen.add(key);
      result.candidates.push(candidate);
    }
  };

  const fromPaths: PathCandidate[] = [];
  for (const [field, parsed] of parsedFields) {
    const reading = pathCandidates(parsed, field, language, inApp);
    if (reading.absolute !== undefined) {
      result.absolutePaths.push({ path: reading.absolute, caseInsensitive: parsed.caseInsensitive, field });
    }
    result.library ||= reading.library;
    fromPaths.push(...reading.candidates);
  }
  const fileName = baseNames.find((name) => name.length > 0 && extensionOf(name) !== '');
  // One field naming a dependency (abs_path in site-packages) makes the frame's bare file name a dependency's too.
  for (const candidate of [...fromPaths, ...moduleCandidates({ module, fileName, language })]) {
    add(result.library && !candidate.library ? { ...candidate, library: true, minSuffix: candidate.segments.length } : candidate);
  }
  return result;
}

interface PathReading {
  absolute?: string;
  candidates: PathCandidate[];
  library: boolean;
}

/** Every candidate one path field yields. */
export function pathCandidates(parsed: ParsedFramePath, field: PathField, language: FrameLanguage, inApp: boolean): PathReading {
  const all = splitPathSegments(parsed.path);
  if (parsed.kind === 'absolute') {
    all.splice(0, leadingRootSegments(parsed.path));
  }
  const hasParentReference = all.includes('..');
  const tail = segmentsAfterParentReferences(all).slice(-MAX_SEGMENTS);
  if (!areSafeSegments(tail)) {
    return { candidates: [], library: false };
  }
  const library = findLibraryPath(tail);
  const isLibrary = library !== undefined;
  const out: PathCandidate[] = [];
  const push = (segments: readonly string[], rootRelative: boolean, rule: string, wholeTail = false): void => {
    if (areSafeSegments(segments)) {
      // After a `..` the path climbed out of some folder: only a file under every segment it then names is that file.
      const minSuffix = wholeTail && hasParentReference ? Math.max(segments.length, library?.minSuffix ?? 0) : library?.minSuffix;
      out.push({ segments, rootRelative, library: isLibrary, caseInsensitive: parsed.caseInsensitive, field, rule, minSuffix });
    }
  };

  let absolute: string | undefined;
  if (parsed.kind === 'absolute' && !hasParentReference) {
    absolute = rootPrefix(parsed.path) + tail.join('/');
    for (const stripped of stripKnownRoots(absolute)) {
      push(splitPathSegments(stripped.rest), true, stripped.label);
    }
  } else if (parsed.kind === 'relative') {
    const bareJvmName = language === 'jvm' && tail.length === 1 && !inApp;
    if (!bareJvmName) {
      push(tail, !hasParentReference, parsed.rule, true);
    }
  }
  if (library) {
    push(library.withinPackage, true, library.label);
    push(library.packagePath, false, library.label);
  }
  if (language === 'go') {
    goCandidates(tail).forEach((segments) => push(segments, true, 'Go package path'));
  }
  if (parsed.namespace) {
    push([...parsed.namespace, ...tail], false, 'webpack namespace');
  }
  if (parsed.kind === 'absolute' && !(language === 'jvm' && tail.length === 1 && !inApp)) {
    push(tail, false, 'path suffix', true);
  }
  return { absolute, candidates: out, library: isLibrary };
}

/** GOPATH layouts (`…/go/src/github.com/org/repo/…`) and bare import paths. */
function goCandidates(segments: readonly string[]): string[][] {
  const src = segments.lastIndexOf('src');
  const importPath = src >= 0 ? segments.slice(src + 1) : segments;
  return repositoryRelativeGoPaths(importPath);
}

function leadingRootSegments(path: string): number {
  if (/^[a-z]:\//.test(path)) {
    return 1;
  }
  return path.startsWith('//') ? 2 : 0;
}

function rootPrefix(path: string): string {
  if (/^[a-z]:\//.test(path)) {
    return path.slice(0, 3);
  }
  if (path.startsWith('//')) {
    const parts = splitPathSegments(path).slice(0, 2);
    return `//${parts.join('/')}/`;
  }
  return '/';
}

function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? path : path.slice(slash + 1);
}
