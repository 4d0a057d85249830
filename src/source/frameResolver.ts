/**
 * Frame → local file. Steps, first success wins:
 *   1. user path mappings (longest `from`);
 *   2. Sentry code mappings: a repository-relative `sourcePath` (given, derived from the project's code mappings,
 *      or fetched through an async lookup);
 *   3. the frame's own path when it is a workspace file, then known prefixes stripped to root-relative paths;
 *   4. the longest path suffix shared with a workspace file.
 * Every path returned comes from the index, so it is a workspace file under one of its roots.
 */

import type { Frame } from '../sentry/event/eventModel';
import { CodeMapping, codeMappingSourcePath } from './codeMappings';
import type { FileIndex, IndexedFile, SuffixLookup } from './fileIndex';
import { CandidateFile, RankedFile, byPath, rankFiles, rankedFile } from './fileRanking';
import type { AmbiguousFrame, AsyncResolveHints, FrameResolution, MatchFacts, ResolveHints, ResolvedFrame, UnresolvedFrame } from './frameResolution';
import { contradiction, contradicts } from './pathContradiction';
import { PathCandidate } from './pathCandidate';
import { FrameCandidates, frameCandidates } from './pathCandidates';
import { PathMapper, PathMapping } from './pathMappings';
import { areSafeSegments, normalizeLocalPath, sanitizeFrameText, splitPathSegments } from './pathSafety';
import { rememberedPath } from './rememberedChoices';
import { Rejected, choicesOf, contradictionReason, evidenceFor, noPathReason } from './resolutionWords';
import { Reached, acceptsSuffix, coversReading, isGenericFileName, withoutShorterReadings } from './suffixReadings';

export type {
  AmbiguousFrame,
  AsyncResolveHints,
  CodeMappingLookup,
  FileChoice,
  FrameResolution,
  ResolveHints,
  ResolveMethod,
  ResolvedFrame,
  UnresolvedFrame,
} from './frameResolution';

export interface FrameResolverOptions {
  mappings?: readonly PathMapping[];
  /** The project's Sentry code mappings, applied locally at step 2 when no `sourcePath` is given. */
  codeMappings?: readonly CodeMapping[];
  /** How many runner-up files to report beside a match. */
  maxAlternatives?: number;
  /** How many tied files to list in an ambiguous result. */
  maxChoices?: number;
}

/** The files one step found, and what is known about them before looking at each. */
interface Candidates {
  /** Every candidate (or the first `limit`), contradicted ones already left out. */
  files(limit?: number): readonly IndexedFile[];
  /** Whether a file matched only when case was ignored. */
  isFolded(file: IndexedFile): boolean;
  /** Exact counts, when known without walking the files (one suffix lookup, nothing to check per file). */
  counted?: { count: number; libraryCount: number };
}

interface Attempt extends MatchFacts {
  candidates: Candidates;
  framePath: string;
  preferLibrary?: boolean;
}

/** A suffix step whose every file contradicted the frame: nothing opens, and the user learns why. */
interface Refusal {
  refused: string;
}

const MAX_SIBLINGS = 64;
const MAX_TRIED = 12;

export class FrameResolver {
  private readonly mapper: PathMapper;
  private readonly maxAlternatives: number;
  private readonly maxChoices: number;
  private readonly codeMappings: readonly CodeMapping[];

  constructor(private readonly index: FileIndex, options: FrameResolverOptions = {}) {
    this.mapper = new PathMapper(options.mappings ?? []);
    this.codeMappings = options.codeMappings ?? [];
    this.maxAlternatives = Math.max(0, options.maxAlternatives ?? 5);
    this.maxChoices = Math.max(2, options.maxChoices ?? 20);
  }

  resolve(frame: Frame, hints: ResolveHints = {}): FrameResolution {
    return this.guarded(() => {
      const siblings = normalizeSiblings(hints.siblingPaths);
      const early = this.byMapping(frame) ?? this.byCodeMappings(frame, hints.sourcePath);
      if (early && !isRefusal(early)) {
        return this.finish(early, siblings, hints);
      }
      return this.byCandidates(frame, siblings, hints);
    });
  }

  /** As `resolve`, asking `codeMappingLookup` for a source path when user mappings and known code mappings fail. */
  async resolveAsync(frame: Frame, hints: AsyncResolveHints = {}): Promise<FrameResolution> {
    const { codeMappingLookup: lookup, ...rest } = hints;
    if (!lookup || hints.sourcePath !== undefined || this.resolvesBeforeLookup(frame)) {
      return this.resolve(frame, rest);
    }
    let sourcePath: string | undefined;
    try {
      sourcePath = await lookup(frame);
    } catch {
      sourcePath = undefined;
    }
    return this.resolve(frame, { ...rest, sourcePath });
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
      const result = this.resolve(frames[i], { siblingPaths: siblings });
      results[i] = result;
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
        const found = this.findAbsolute(mapped.path, mapped.caseInsensitive);
        if (found.length > 0) {
          return {
            candidates: listed(found),
            framePath: text,
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

  private byCodeMappings(frame: Frame, sourcePath: string | undefined): Attempt | Refusal | undefined {
    const given = this.byCodeMapping(sourcePath, frame);
    if (given || this.codeMappings.length === 0) {
      return given;
    }
    return this.byCodeMapping(codeMappingSourcePath(frame, this.codeMappings), frame);
  }

  private byCodeMapping(sourcePath: string | undefined, frame: Frame): Attempt | Refusal | undefined {
    const text = sanitizeFrameText(sourcePath);
    if (text === undefined) {
      return undefined;
    }
    const segments = splitPathSegments(text.replace(/^\/+/, ''));
    if (!areSafeSegments(segments)) {
      return undefined;
    }
    const base = { method: 'codeMapping' as const, matched: segments.join('/'), rule: 'Sentry code mapping', library: false, framePath: segments.join('/') };
    const atRoot = this.findRelative(segments);
    if (atRoot.length > 0) {
      return { ...base, candidates: listed(atRoot), matchedSegments: segments.length };
    }
    let suffix = this.index.longestSuffix(segments, false);
    let folded = false;
    if (suffix.length < segments.length) {
      const ignoringCase = this.index.longestSuffix(segments, true);
      if (ignoringCase.length > suffix.length) {
        suffix = ignoringCase;
        folded = true;
      }
    }
    const accept =
      suffix.length === segments.length || suffix.length >= 2 || (suffix.length === 1 && frame.inApp === true && !isGenericFileName(segments[segments.length - 1]));
    if (!accept || suffix.length === 0) {
      return undefined;
    }
    const checked = this.checkedSuffixFiles([{ segments, lookup: suffix, folded }], suffix.length);
    if (checked.kept.length === 0) {
      return { refused: contradictionReason(segments.join('/'), checked.rejected) };
    }
    return { ...base, candidates: listed(checked.kept), matchedSegments: suffix.length };
  }

  private byCandidates(frame: Frame, siblings: readonly string[], hints: ResolveHints): FrameResolution {
    const read = frameCandidates(frame);
    if (read.candidates.length === 0 && read.absolutePaths.length === 0) {
      return { found: false, reason: noPathReason(frame, read), tried: [] };
    }
    const preferLibrary = frame.inApp === true ? false : read.library ? true : undefined;
    const framePath = read.display ?? '';
    const attempt = this.byAbsolute(read, framePath) ?? this.byPrefix(read.candidates, frame) ?? this.bySuffix(read.candidates, frame);
    const tried = [
      ...read.absolutePaths.map((absolute) => absolute.path),
      ...read.candidates.map((candidate) => candidate.segments.join('/')),
    ];
    if (attempt && isRefusal(attempt)) {
      return { found: false, reason: attempt.refused, tried: [...new Set(tried)].slice(0, MAX_TRIED) };
    }
    if (attempt) {
      attempt.preferLibrary = preferLibrary;
      return this.finish(attempt, siblings, hints);
    }
    return {
      found: false,
      reason: `No workspace file matches ${read.display ?? 'this frame'}.`,
      tried: [...new Set(tried)].slice(0, MAX_TRIED),
    };
  }

  private byAbsolute(read: FrameCandidates, framePath: string): Attempt | undefined {
    for (const absolute of read.absolutePaths) {
      const found = this.findAbsolute(absolute.path, absolute.caseInsensitive);
      if (found.length > 0) {
        return {
          candidates: listed(found),
          framePath,
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
  private byPrefix(candidates: readonly PathCandidate[], frame: Frame): Attempt | undefined {
    let best: Attempt | undefined;
    let files: CandidateFile[] = [];
    for (const candidate of candidates) {
      if (!candidate.rootRelative || (best && candidate.segments.length < best.matchedSegments)) {
        continue;
      }
      const found = this.findRelative(candidate.segments);
      if (found.length === 0) {
        continue;
      }
      if (best && candidate.segments.length === best.matchedSegments) {
        files = unionFiles(files, found);
        continue;
      }
      files = found;
      best = {
        candidates: listed([]),
        framePath: fieldText(frame, candidate),
        method: 'prefix',
        matched: candidate.segments.join('/'),
        rule: `${candidate.field}: ${candidate.rule}`,
        matchedSegments: candidate.segments.length,
        library: candidate.library,
      };
    }
    return best && { ...best, candidates: listed(files) };
  }

  /**
   * The longest accepted suffix over all readings. Files whose path contradicts the frame's own leading segments
   * are dropped; when every file of that length is dropped, nothing opens (a shorter suffix would be weaker still).
   */
  private bySuffix(candidates: readonly PathCandidate[], frame: Frame): Attempt | Refusal | undefined {
    const reached: Reached[] = [];
    let longest = 0;
    const looked: PathCandidate[] = [];
    for (const candidate of [...candidates].sort((a, b) => b.segments.length - a.segments.length)) {
      // A trailing part of a reading already looked up reaches the same files, or fewer segments than it.
      if (looked.some((other) => coversReading(other, candidate))) {
        continue;
      }
      looked.push(candidate);
      let lookup = this.index.longestSuffix(candidate.segments, false);
      let folded = false;
      if (lookup.length < candidate.segments.length) {
        const ignoringCase = this.index.longestSuffix(candidate.segments, true);
        if (ignoringCase.length > lookup.length) {
          lookup = ignoringCase;
          folded = true;
        }
      }
      if (lookup.length > 0 && lookup.length >= longest && acceptsSuffix(lookup.length, candidate, frame)) {
        longest = lookup.length;
        reached.push({ candidate, lookup, folded });
      }
    }
    const best = withoutShorterReadings(reached.filter((match) => match.lookup.length === longest));
    if (best.length === 0) {
      return undefined;
    }
    const [first] = best;
    const framePath = fieldText(frame, first.candidate);
    const matched = first.candidate.segments.slice(-longest).join('/');
    const attempt = (candidates: Candidates): Attempt => ({
      candidates,
      framePath,
      method: 'suffix',
      matched,
      rule: `${first.candidate.field}: ${first.candidate.rule}`,
      matchedSegments: longest,
      library: first.candidate.library,
    });
    const needsCheck = best.some((match) => match.candidate.segments.length > longest);
    if (best.length === 1 && !needsCheck) {
      const { lookup, folded } = first;
      const candidates: Candidates = {
        files: (limit) => lookup.files(limit),
        isFolded: () => folded,
        counted: { count: lookup.count, libraryCount: lookup.libraryCount },
      };
      return attempt(candidates);
    }
    const checked = this.checkedSuffixFiles(
      best.map(({ candidate, lookup, folded }) => ({ segments: candidate.segments, lookup, folded })),
      longest,
    );
    if (checked.kept.length === 0) {
      return { refused: contradictionReason(sanitizeFrameText(framePath) ?? matched, checked.rejected) };
    }
    return attempt(listed(checked.kept));
  }

  /** The files the readings reached, without those a reading that reached them contradicts. */
  private checkedSuffixFiles(reached: readonly SuffixReading[], length: number): { kept: CandidateFile[]; rejected?: Rejected } {
    let rejected: Rejected | undefined;
    const check = (segments: readonly string[], file: IndexedFile): boolean => {
      if (segments.length <= length || !contradicts(segments, file, length, this.index)) {
        return true;
      }
      if (!rejected) {
        const against = contradiction(segments, file, length, this.index);
        rejected = against && { file, frameFolder: against.frameFolder, fileFolder: against.fileFolder };
      }
      return false;
    };
    if (reached.length === 1) {
      const [{ segments, lookup, folded }] = reached;
      const kept: CandidateFile[] = [];
      for (const file of lookup.files()) {
        if (check(segments, file)) {
          kept.push({ file, folded });
        }
      }
      return { kept, rejected };
    }
    // Views of one file from different lookups are different objects: they meet by `id`.
    const verdicts = new Map<number, CandidateFile | undefined>();
    for (const { segments, lookup, folded } of reached) {
      for (const file of lookup.files()) {
        if (verdicts.has(file.id) && verdicts.get(file.id) === undefined) {
          continue;
        }
        if (!check(segments, file)) {
          verdicts.set(file.id, undefined);
        } else {
          const seen = verdicts.get(file.id);
          verdicts.set(file.id, { file: seen?.file ?? file, folded: seen ? seen.folded && folded : folded });
        }
      }
    }
    const kept = [...verdicts.values()].filter((value): value is CandidateFile => value !== undefined);
    return { kept, rejected };
  }

  /** Exact case first; when no file has the exact spelling, the same path ignoring case. */
  private findAbsolute(path: string, caseInsensitive: boolean): CandidateFile[] {
    const exact = this.index.findAbsolute(path, false);
    if (exact.length > 0) {
      return exact.map((file) => ({ file, folded: false }));
    }
    return this.index.findAbsolute(path, true).map((file) => ({ file, folded: !caseInsensitive }));
  }

  private findRelative(segments: readonly string[]): CandidateFile[] {
    const exact = this.index.findRelative(segments, false);
    if (exact.length > 0) {
      return exact.map((file) => ({ file, folded: false }));
    }
    return this.index.findRelative(segments, true).map((file) => ({ file, folded: true }));
  }

  private finish(attempt: Attempt, siblings: readonly string[], hints: ResolveHints): ResolvedFrame | AmbiguousFrame | UnresolvedFrame {
    const { candidates, framePath, preferLibrary } = attempt;
    const facts = factsOf(attempt);
    const maxChoices = Math.max(2, hints.maxChoices ?? this.maxChoices);
    const counted = candidates.counted;
    const kindSplits = (count: { count: number; libraryCount: number }): boolean =>
      preferLibrary !== undefined && count.libraryCount > 0 && count.libraryCount < count.count;
    if (counted && counted.count > 1 && siblings.length === 0 && !kindSplits(counted)) {
      // Nothing in the event can tell these files apart, so there is no need to look at each of them.
      const tied = candidates.files(maxChoices).map((file) => rankedFile(file, candidates.isFolded(file), 0, 0));
      tied.sort(byPath);
      return this.tie(facts, framePath, tied, counted.count, siblings, hints);
    }
    const sharedDepth = siblings.length > 0 ? this.index.sharedDepthTo(siblings) : undefined;
    const ranking = rankFiles(candidates.files(), (file) => candidates.isFolded(file), { preferLibrary, siblings, sharedDepth }, maxChoices, this.maxAlternatives);
    if (ranking.bestTotal === 0) {
      return { found: false, reason: 'No workspace file matches this frame.', tried: [] };
    }
    if (ranking.bestTotal > 1) {
      return this.tie(facts, framePath, ranking.best, ranking.bestTotal, siblings, hints);
    }
    const [winner] = ranking.best;
    const alternatives = ranking.runnersUp.map((ranked) => ranked.file.path);
    const evidence = alternatives.length > 0 ? evidenceFor(winner, ranking.runnersUp[0], preferLibrary) : undefined;
    return resolved(facts, winner.file.path, evidence, alternatives);
  }

  private tie(
    facts: MatchFacts,
    framePath: string,
    tied: readonly RankedFile[],
    total: number,
    siblings: readonly string[],
    hints: ResolveHints,
  ): ResolvedFrame | AmbiguousFrame {
    const remembered = rememberedPath(framePath, facts.matchedSegments, tied.map((ranked) => ranked.file.path), hints.rememberedChoices ?? []);
    if (remembered) {
      const alternatives = tied.map((ranked) => ranked.file.path).filter((path) => path !== remembered.path).slice(0, this.maxAlternatives);
      const under = remembered.choice.framePrefix === '' ? 'for this file name' : `for frames under ${remembered.choice.framePrefix}`;
      return resolved(facts, remembered.path, `your earlier choice ${under}`, alternatives);
    }
    const what = facts.matchedSegments === 1 ? `the file name ${facts.matched}` : `the path ${facts.matched}`;
    const apart = siblings.length > 0 ? "nothing in the event (not even its other frames' files) tells them apart" : 'nothing in the event tells them apart';
    return {
      found: true,
      ambiguous: true,
      method: facts.method,
      matched: facts.matched,
      rule: facts.rule,
      matchedSegments: facts.matchedSegments,
      library: facts.library,
      reason: `${total} workspace files match ${what} equally well; ${apart}.`,
      choices: choicesOf(tied, facts),
      total,
      framePath,
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

interface SuffixReading {
  segments: readonly string[];
  lookup: SuffixLookup;
  folded: boolean;
}

function factsOf(attempt: MatchFacts): MatchFacts {
  return { method: attempt.method, matched: attempt.matched, rule: attempt.rule, matchedSegments: attempt.matchedSegments, library: attempt.library };
}

function resolved(facts: MatchFacts, path: string, evidence: string | undefined, alternatives: readonly string[]): ResolvedFrame {
  return {
    found: true,
    ambiguous: false,
    method: facts.method,
    matched: facts.matched,
    rule: facts.rule,
    matchedSegments: facts.matchedSegments,
    library: facts.library,
    path,
    evidence,
    alternatives,
  };
}

function isRefusal(value: Attempt | Refusal): value is Refusal {
  return 'refused' in value;
}

function listed(files: readonly CandidateFile[]): Candidates {
  const folded = new Set(files.filter((candidate) => candidate.folded).map((candidate) => candidate.file.id));
  return { files: (limit) => files.slice(0, limit).map((candidate) => candidate.file), isFolded: (file) => folded.has(file.id) };
}

function unionFiles(a: readonly CandidateFile[], b: readonly CandidateFile[]): CandidateFile[] {
  const seen = new Set(a.map((candidate) => candidate.file.id));
  return [...a, ...b.filter((candidate) => !seen.has(candidate.file.id))];
}

/** The frame's own text for a reading (what a remembered choice is keyed by). */
function fieldText(frame: Frame, candidate: PathCandidate): string {
  const text = candidate.field === 'absPath' || candidate.field === 'filename' ? sanitizeFrameText(frame[candidate.field]) : undefined;
  return text ?? candidate.segments.join('/');
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
