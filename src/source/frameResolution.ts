/** What resolving a frame answers, and the hints a caller may give. */

import type { Frame } from '../sentry/event/eventModel';
import type { RememberedChoice } from './rememberedChoices';

export type ResolveMethod = 'mapping' | 'codeMapping' | 'absolute' | 'prefix' | 'suffix';

export interface MatchFacts {
  method: ResolveMethod;
  /** The frame-side text that matched (`src/app.js`, the mapped prefix's path, the code mapping's source path). */
  matched: string;
  /** Which rule produced the match, in words (`webpack`, `container root /app/`, `user mapping /usr/src/app/`…). */
  rule: string;
  /** Path segments the match covers (for suffix matches, how long the shared suffix is). */
  matchedSegments: number;
  /** The frame points into a dependency. */
  library: boolean;
}

export interface ResolvedFrame extends MatchFacts {
  found: true;
  ambiguous: false;
  /** The workspace file, spelled as it was given to the index. */
  path: string;
  /** Why this file rather than the others that matched as well, when there were others. */
  evidence?: string;
  /** Files that matched the same text but lost on evidence, best first. */
  alternatives: readonly string[];
}

/** Several files match equally well and nothing in the event tells them apart: the user has to choose. */
export interface AmbiguousFrame extends MatchFacts {
  found: true;
  ambiguous: true;
  /** Plain-words reason for the user. */
  reason: string;
  /** The tied files, in path order, each with what speaks for it (at most `maxChoices`). */
  choices: readonly FileChoice[];
  /** How many files tie. */
  total: number;
  /** The frame path the match was read from; with `matchedSegments`, what a remembered choice is keyed by. */
  framePath: string;
}

export interface FileChoice {
  path: string;
  reason: string;
}

export interface UnresolvedFrame {
  found: false;
  /** Plain-words reason for the user. */
  reason: string;
  /** Candidate paths that were looked for, for a tooltip or log. */
  tried: readonly string[];
}

export type FrameResolution = ResolvedFrame | AmbiguousFrame | UnresolvedFrame;

export interface ResolveHints {
  /** Local paths already resolved for other frames of the same event. */
  siblingPaths?: readonly string[];
  /** Repository-relative path from Sentry's `stacktrace-link` endpoint (its code mappings). */
  sourcePath?: string;
  /** The user's earlier answers to ties; one that points at a tied file settles the tie. */
  rememberedChoices?: readonly RememberedChoice[];
  /** How many tied files to list (default: the resolver's `maxChoices`). */
  maxChoices?: number;
}

/** Asks Sentry's code mappings for a frame's repository-relative path; consulted only when user mappings fail. */
export type CodeMappingLookup = (frame: Frame) => Promise<string | undefined>;

export interface AsyncResolveHints extends ResolveHints {
  codeMappingLookup?: CodeMappingLookup;
}
