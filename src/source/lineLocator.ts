/**
 * Finds a frame's line in the local file, tolerating source drift: the recorded line is checked against the
 * frame's `context_line`, and when it no longer matches, the file is searched for the place where
 * `pre_context` + `context_line` + `post_context` fit best.
 */

import { LinePattern, linePattern } from './linePattern';
import { SourceLines } from './sourceLines';

export type LineStatus = 'exact' | 'moved' | 'differs' | 'unverified';

export interface LineLocation {
  /** 1-based line to open. */
  line: number;
  /** 1-based column, passed through from the frame. */
  column?: number;
  status: LineStatus;
  /** The line the event recorded, when it had one. */
  recordedLine?: number;
  /** Set when `status` is `moved`. */
  from?: number;
  to?: number;
  /** The recorded line is past the end of the file, so `line` is the file's last line. */
  clamped: boolean;
  /** What to tell the user, when there is something to tell. */
  message?: string;
}

/** The parts of a frame the locator reads (a `Frame` fits). */
export interface FrameLines {
  lineNo?: number;
  colNo?: number;
  preContext?: readonly string[];
  contextLine?: string;
  postContext?: readonly string[];
}

export interface LocateOptions {
  /** Share of the surrounding context (by weight) a match needs; below it the file "differs". Default 0.5. */
  minSurroundingShare?: number;
}

interface ContextWindow {
  pre: LinePattern[];
  current: LinePattern;
  post: LinePattern[];
  /** Sum of surrounding line weights; 0 when only the context line is known. */
  totalWeight: number;
}

interface Placement {
  index: number;
  matchedWeight: number;
  share: number;
  full: boolean;
}

const MAX_CONTEXT_LINES = 50;
const BLANK_LINE_WEIGHT = 0.25;

export function locateLine(source: string | readonly string[] | SourceLines, frame: FrameLines, options: LocateOptions = {}): LineLocation {
  const lines = source instanceof SourceLines ? source : new SourceLines(source);
  const lineCount = Math.max(1, lines.count);
  const column = positiveInteger(frame.colNo);
  const recorded = positiveInteger(frame.lineNo);
  if (recorded === undefined) {
    return { line: 1, column, status: 'unverified', clamped: false, message: 'the event recorded no line number; opened at the top of the file' };
  }
  const clamped = recorded > lineCount;
  const fallbackLine = Math.min(recorded, lineCount);
  const base = { column, recordedLine: recorded, clamped };
  const window = contextWindow(frame);
  if (!window) {
    return { ...base, line: fallbackLine, status: 'unverified', message: clamped ? pastEndMessage(recorded, lineCount) : undefined };
  }

  const minShare = options.minSurroundingShare ?? 0.5;
  const atRecorded = clamped ? undefined : placementAt(lines, window, recorded - 1);
  if (atRecorded && (atRecorded.share >= minShare || window.totalWeight === 0)) {
    return { ...base, line: recorded, status: 'exact' };
  }
  const best = bestPlacement(lines, window, recorded - 1);
  if (atRecorded && !(best && best.full && best.index !== recorded - 1)) {
    return { ...base, line: recorded, status: 'exact' };
  }
  if (!best || best.share < minShare) {
    const message = clamped
      ? `this file differs from the code that ran; ${pastEndMessage(recorded, lineCount)}`
      : 'this file differs from the code that ran; opened at the recorded line';
    return { ...base, line: fallbackLine, status: 'differs', message };
  }
  const to = best.index + 1;
  return { ...base, line: to, status: 'moved', from: recorded, to, message: `line moved from ${recorded} to ${to} since this event` };
}

function contextWindow(frame: FrameLines): ContextWindow | undefined {
  if (typeof frame.contextLine !== 'string') {
    return undefined;
  }
  const pre = trimmedLines(frame.preContext).slice(-MAX_CONTEXT_LINES);
  const post = trimmedLines(frame.postContext).slice(0, MAX_CONTEXT_LINES);
  const current = frame.contextLine.trim();
  const totalWeight = [...pre, ...post].reduce((sum, line) => sum + weightOf(line), 0);
  const anythingToCompare = current.length > 0 || [...pre, ...post].some((line) => line.length > 0);
  if (!anythingToCompare) {
    return undefined;
  }
  return { pre: pre.map(linePattern), current: linePattern(current), post: post.map(linePattern), totalWeight };
}

function bestPlacement(lines: SourceLines, window: ContextWindow, recordedIndex: number): Placement | undefined {
  const positions = window.current.exact ? lines.positionsOf(window.current.text) : lines.positionsWhere(window.current.matches);
  let best: Placement | undefined;
  for (const index of positions) {
    const placement = placementAt(lines, window, index);
    if (placement && (!best || isBetter(placement, best, recordedIndex))) {
      best = placement;
    }
  }
  return best;
}

function isBetter(a: Placement, b: Placement, recordedIndex: number): boolean {
  if (a.full !== b.full) {
    return a.full;
  }
  if (a.matchedWeight !== b.matchedWeight) {
    return a.matchedWeight > b.matchedWeight;
  }
  const distanceA = Math.abs(a.index - recordedIndex);
  const distanceB = Math.abs(b.index - recordedIndex);
  return distanceA !== distanceB ? distanceA < distanceB : a.index < b.index;
}

/** How well the window fits with its context line at `index`; undefined when the context line itself differs. */
function placementAt(lines: SourceLines, window: ContextWindow, index: number): Placement | undefined {
  const here = lines.at(index);
  if (here === undefined || !window.current.matches(here)) {
    return undefined;
  }
  let matchedWeight = 0;
  window.pre.forEach((expected, i) => {
    const actual = lines.at(index - window.pre.length + i);
    if (actual !== undefined && expected.matches(actual)) {
      matchedWeight += weightOf(expected.text);
    }
  });
  window.post.forEach((expected, i) => {
    const actual = lines.at(index + 1 + i);
    if (actual !== undefined && expected.matches(actual)) {
      matchedWeight += weightOf(expected.text);
    }
  });
  const share = window.totalWeight === 0 ? 1 : matchedWeight / window.totalWeight;
  return { index, matchedWeight, share, full: matchedWeight === window.totalWeight };
}

function weightOf(line: string): number {
  return line.length === 0 ? BLANK_LINE_WEIGHT : 1;
}

function trimmedLines(lines: readonly string[] | undefined): string[] {
  return Array.isArray(lines) ? lines.map((line: unknown) => (typeof line === 'string' ? line.trim() : '')) : [];
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

function pastEndMessage(recorded: number, lineCount: number): string {
  return `the event recorded line ${recorded} but this file has only ${lineCount} line${lineCount === 1 ? '' : 's'}; opened at the last line`;
}
