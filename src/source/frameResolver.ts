/**
 * Frame → local file. Steps, first success wins:
 *   1. user path mappings (longest `from`);
 *   2. Sentry code mappings: a repository-relative `sourcePath` (given, derived from the project's code mappings,
 *      or fetched through an async lookup);
 *   3. the frame's own path when it is a workspace file, then known prefixes stripped to root-relative paths;
 *   4. the longest path suffix shared with a workspace file.
 * Every path returned comes from the index, so it is a workspace file under one of its roots.
 */

import type { Frame } from '../sentry/eventModel';
import { CodeMapping, codeMappingSourcePath } from './codeMappings';
import type { FileIndex, IndexedFile, SuffixLookup } from './fileIndex';
import { RankingHints, rankFiles } from './fileRanking';
import { PathCandidate } from './pathCandidate';
import { FrameCandidates, frameCandidates } from './pathCandidates';
import { PathMapper, PathMapping } from './pathMappings';
import { areSafeSegments, normalizeLocalPath, sanitizeFrameText, splitPathSegments } from './pathSafety';

export type ResolveMethod = 'mapping' | 'codeMapping' | 'absolute' | 'prefix' | 'suffix';

export interface ResolvedFrame {
  found: true;
  /** The workspace file, spelled as it was given to the index. */
  path: string;
  method: ResolveMethod;
  /** The frame-side text that matched (`src/app.js`, the mapped prefix's path, the code mapping's source path). */
  matched: string;
  /** Which rule produced the match, in words (`webpack`, `container root /app/`, `user mapping /usr/src/app/`…). */
  rule: string;
  /** Path segments the match covers (for suffix matches, how long the shared suffix is). */
  matchedSegments: number;
  /** The frame points into a dependency. */
  library: boolean;
  /** Other files matched equally well; `alternatives` lists the next best. */
  ambiguous: boolean;
  alternatives: readonly string[];
}

export interface UnresolvedFrame {
  found: false;
  /** Plain-words reason for the user. */
  reason: string;
  /** Candidate paths that were looked for, for a tooltip or log. */
  tried: readonly string[];
}

export type FrameResolution = ResolvedFrame | UnresolvedFrame;

export interface ResolveHints {
  /** Local paths already resolved for other frames of the same event. */
  siblingPaths?: readonly string[];
  /** Repository-relative path from Sentry's `stacktrace-link` endpoint (its code mappings). */
  sourcePath?: string;
}

/** Asks Sentry's code mappings for a frame's repository-relative path; consulted only when user mappings fail. */
export type CodeMappingLookup = (frame: Frame) => Promise<string | undefined>;

export interface AsyncResolveHints extends ResolveHints {
  codeMappingLookup?: CodeMappingLookup;
}

export interface FrameResolverOptions {
  mappings?: readonly PathMapping[];
  /** The project's Sentry code mappings, applied locally at step 2 when no `sourcePath` is given. */
  codeMappings?: readonly CodeMapping[];
  /** How many runner-up files to report on an ambiguous match. */
  maxAlternatives?: number;
}

interface Attempt {
  files: IndexedFile[];
  method: ResolveMethod;
  matched: string;
  rule: string;
  matchedSegments: number;
  preferLibrary?: boolean;
  library: boolean;
}

const MAX_SIBLINGS = 64;
const MAX_TRIED = 12;

export class FrameResolver {
  private readonly mapper: PathMapper;
  private readonly maxAlternatives: number;
  private readonly codeMappings: readonly CodeMapping[];

  constructor(private readonly index: FileIndex, options: FrameResolverOptions = {}) {
    this.mapper = new PathMapper(options.mappings ?? []);
    this.codeMappings = options.codeMappings ?? [];
    this.maxAlternatives = Math.max(0, options.maxAlternatives ?? 5);
  }

  resolve(frame: Frame, hints: ResolveHints = {}): FrameResolution {
    return this.guarded(() => {
      const siblings = normalizeSiblings(hints.siblingPaths);
      const early = this.byMapping(frame) ?? this.byCodeMappings(frame, hints.sourcePath);
      return early ? this.finish(early, siblings) : this.byCandidates(frame, siblings);
    });
  }

  /** As `resolve`, asking `codeMappingLookup` for a source path when user mappings and known code mappings fail. */
  async resolveAsync(frame: Frame, hints: AsyncResolveHints = {}): Promise<FrameResolution> {
    const lookup = hints.codeMappingLookup;
    if (!lookup || hints.sourcePath !== undefined || this.resolvesBeforeLookup(frame)) {
      return this.resolve(frame, hints);
    }
    let sourcePath: string | undefined;
    try {
      sourcePath = await lookup(frame);
    } catch {
      sourcePath = undefined;
    }
    return this.resolve(frame, { siblingPaths: hints.siblingPaths, sourcePath });
  }

  /**
   * Resolves an event's frames together: in-app frames first, then each unambiguous result helps choose among
   * equally good files for the others (a monorepo's many `index.ts`).
   */
  resolveAll(frames: readonly Frame[], hints: Pick<ResolveHints, 'siblingPaths'> = {}): FrameResolution[] {
    const results: FrameResolution[] = new Array<FrameResolution>(frames.length);
    const siblings = [...(hints.siblingPaths ?? [])];
    const order = frames.map((_, i) => i).sort((a, b) => Number(frames[b]?.inApp === true) - Number(frames[a]?.inApp === true));
    for (const i of order) {
      results[i] = this.resolve(frames[i], { siblingPaths: siblings });
      const result = results[i];
      if (result.found && !result.ambiguous) {
        siblings.push(result.path);
      }
    }
    for (const i of order) {
      const result = results[i];
      if (result.found && result.ambiguous) {
        const others = results.filter((other, j): other is ResolvedFrame => j !== i && other.found && !other.ambiguous).map((other) => other.path);
        results[i] = this.resolve(frames[i], { siblingPaths: [...(hints.siblingPaths ?? []), ...others] });
      }
    }
    return results;
  }

  private resolvesBeforeLookup(frame: Frame): boolean {
    try {
      return (this.byMapping(frame) ?? this.byCodeMappings(frame, undefined)) !== undefined;
    } catch {
      return true;
    }
  }

  private byMapping(frame: Frame): Attempt | undefined {
    if (this.mapper.isEmpty) {
      return undefined;
    }
    for (const field of [frame.absPath, frame.filename]) {
      const text = sanitizeFrameText(field);
      if (text === undefined) {
        continue;
      }
      for (const mapped of this.mapper.map(text)) {
        const files = this.index.findAbsolute(mapped.path, mapped.caseInsensitive);
        if (files.length > 0) {
          return {
            files,
            method: 'mapping',
            matched: mapped.source,
            rule: `user mapping ${mapped.from}`,
            matchedSegments: mapped.restSegments,
            library: false,
          };
        }
      }
    }
    return undefined;
  }

  private byCodeMappings(frame: Frame, sourcePath: string | undefined): Attempt | undefined {
    const given = this.byCodeMapping(sourcePath, frame);
    if (given || this.codeMappings.length === 0) {
      return given;
    }
    return this.byCodeMapping(codeMappingSourcePath(frame, this.codeMappings), frame);
  }

  private byCodeMapping(sourcePath: string | undefined, frame: Frame): Attempt | undefined {
    const text = sanitizeFrameText(sourcePath);
    if (text === undefined) {
      return undefined;
    }
    const segments = splitPathSegments(text.replace(/^\/+/, ''));
    if (!areSafeSegments(segments)) {
      return undefined;
    }
    const base = { method: 'codeMapping' as const, matched: segments.join('/'), rule: 'Sentry code mapping', library: false };
    const atRoot = this.index.findRelative(segments, false);
    if (atRoot.length > 0) {
      return { ...base, files: atRoot, matchedSegments: segments.length };
    }
    const suffix = this.index.longestSuffix(segments, false);
    const accept =
      suffix.length === segments.length || suffix.length >= 2 || (suffix.length === 1 && frame.inApp === true && !isGenericFileName(segments[segments.length - 1]));
    return accept && suffix.length > 0 ? { ...base, files: [...suffix.files()], matchedSegments: suffix.length } : undefined;
  }

  private byCandidates(frame: Frame, siblings: readonly string[]): FrameResolution {
    const read = frameCandidates(frame);
    if (read.candidates.length === 0 && read.absolutePaths.length === 0) {
      return { found: false, reason: noPathReason(frame, read), tried: [] };
    }
    const preferLibrary = frame.inApp === true ? false : read.library ? true : undefined;
    const attempt = this.byAbsolute(read) ?? this.byPrefix(read.candidates) ?? this.bySuffix(read.candidates, frame);
    if (attempt) {
      return this.finish({ ...attempt, preferLibrary }, siblings);
    }
    const tried = [
      ...read.absolutePaths.map((absolute) => absolute.path),
      ...read.candidates.map((candidate) => candidate.segments.join('/')),
    ];
    return {
      found: false,
      reason: `No workspace file matches ${read.display ?? 'this frame'}.`,
      tried: [...new Set(tried)].slice(0, MAX_TRIED),
    };
  }

  private byAbsolute(read: FrameCandidates): Attempt | undefined {
    for (const absolute of read.absolutePaths) {
      const files = this.index.findAbsolute(absolute.path, absolute.caseInsensitive);
      if (files.length > 0) {
        return {
          files,
          method: 'absolute',
          matched: absolute.path,
          rule: `${absolute.field} is a workspace file`,
          matchedSegments: splitPathSegments(absolute.path).length,
          library: read.library,
        };
      }
    }
    return undefined;
  }

  /** Among root-relative readings that exist, the longest wins (the most specific reading of the frame). */
  private byPrefix(candidates: readonly PathCandidate[]): Attempt | undefined {
    let best: Attempt | undefined;
    for (const candidate of candidates) {
      if (!candidate.rootRelative || (best && candidate.segments.length < best.matchedSegments)) {
        continue;
      }
      let files = this.index.findRelative(candidate.segments, false);
      if (files.length === 0 && candidate.caseInsensitive) {
        files = this.index.findRelative(candidate.segments, true);
      }
      if (files.length === 0) {
        continue;
      }
      if (best && candidate.segments.length === best.matchedSegments) {
        best.files = union(best.files, files);
        continue;
      }
      best = {
        files,
        method: 'prefix',
        matched: candidate.segments.join('/'),
        rule: `${candidate.field}: ${candidate.rule}`,
        matchedSegments: candidate.segments.length,
        library: candidate.library,
      };
    }
    return best;
  }

  /** The longest accepted suffix over all readings; files are only gathered for readings that reach it. */
  private bySuffix(candidates: readonly PathCandidate[], frame: Frame): Attempt | undefined {
    const matches: Array<{ candidate: PathCandidate; lookup: SuffixLookup }> = [];
    let longest = 0;
    for (const candidate of candidates) {
      let lookup = this.index.longestSuffix(candidate.segments, false);
      if (candidate.caseInsensitive) {
        const folded = this.index.longestSuffix(candidate.segments, true);
        lookup = folded.length > lookup.length ? folded : lookup;
      }
      if (lookup.length >= longest && acceptsSuffix(lookup.length, candidate, frame)) {
        longest = lookup.length;
        matches.push({ candidate, lookup });
      }
    }
    const best = matches.filter((match) => match.lookup.length === longest);
    if (best.length === 0) {
      return undefined;
    }
    const [first] = best;
    let files: IndexedFile[] = [...first.lookup.files()];
    for (const other of best.slice(1)) {
      files = union(files, [...other.lookup.files()]);
    }
    return {
      files,
      method: 'suffix',
      matched: first.candidate.segments.slice(-longest).join('/'),
      rule: `${first.candidate.field}: ${first.candidate.rule}`,
      matchedSegments: longest,
      library: first.candidate.library,
    };
  }

  private finish(attempt: Attempt, siblings: readonly string[]): ResolvedFrame {
    const hints: RankingHints = { preferLibrary: attempt.preferLibrary, siblings };
    const ranked = rankFiles(attempt.files, hints, 1 + this.maxAlternatives);
    const alternatives = ranked.slice(1).map((file) => file.path);
    return {
      found: true,
      path: ranked[0].path,
      method: attempt.method,
      matched: attempt.matched,
      rule: attempt.rule,
      matchedSegments: attempt.matchedSegments,
      library: attempt.library,
      ambiguous: attempt.files.length > 1,
      alternatives,
    };
  }

  private guarded<T>(work: () => T): T | UnresolvedFrame {
    try {
      return work();
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { found: false, reason: `This frame could not be matched to a file (${detail}).`, tried: [] };
    }
  }
}

/**
 * A suffix of two or more segments is evidence (a dependency's must also reach its package folder); a bare file
 * name is only trusted for in-app frames, or when the frame names nothing but that file and it is not a dependency.
 */
function acceptsSuffix(length: number, candidate: PathCandidate, frame: Frame): boolean {
  if (length < (candidate.minSuffix ?? 1)) {
    return false;
  }
  if (length >= 2) {
    return true;
  }
  if (length !== 1) {
    return false;
  }
  if (candidate.segments.length > 1 && isGenericFileName(candidate.segments[candidate.segments.length - 1])) {
    return false;
  }
  return frame.inApp === true || (candidate.segments.length === 1 && !candidate.library);
}

/** File names every package has: matching one of them alone says nothing about which file the frame meant. */
const GENERIC_FILE_NAME = /^(?:__init__\.py|__main__\.py|index\.[cm]?[jt]sx?|main\.(?:py|go|[cm]?[jt]s|rs|c|cpp)|mod\.rs|lib\.rs|package-info\.java)$/i;

function isGenericFileName(name: string | undefined): boolean {
  return name !== undefined && GENERIC_FILE_NAME.test(name);
}

function union(a: IndexedFile[], b: readonly IndexedFile[]): IndexedFile[] {
  const seen = new Set(a);
  return [...a, ...b.filter((file) => !seen.has(file))];
}

function normalizeSiblings(paths: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const path of (paths ?? []).slice(0, MAX_SIBLINGS)) {
    const key = typeof path === 'string' ? normalizeLocalPath(path) : undefined;
    if (key !== undefined) {
      out.push(key);
    }
  }
  return out;
}

function noPathReason(frame: Frame, read: FrameCandidates): string {
  if (read.display !== undefined) {
    return `${read.display} does not name a source file that could be in the workspace.`;
  }
  const hasText = [frame.absPath, frame.filename, frame.module].some((value) => typeof value === 'string' && value.trim().length > 0);
  return hasText ? "The frame's path is too long or holds characters no file name has." : 'The frame has no file name, path or module.';
}
