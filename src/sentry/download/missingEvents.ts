import type { DownloadSummary, WindowReport, WindowState } from './downloadTypes';

type Facts = Pick<DownloadSummary, 'written' | 'issueCount' | 'rangeCount' | 'expected' | 'windows' | 'oldestWritten' | 'outcome'> & {
  firstSeen?: string;
  rangeAsked: boolean;
};

/**
 * Why the file holds fewer (or more) events than expected, in plain words: windows the server
 * refused, a next page on another origin, a page sent twice, the range asked for, or events Sentry
 * no longer keeps. Server text in `detail` is passed on as is: the caller sanitises it for display.
 */
export function explainMissing(facts: Facts): string[] {
  const reasons: string[] = [];
  for (const [state, windows] of groupByState(facts.windows)) {
    const span = timeSpan(windows);
    const lost = windows.reduce((sum, w) => sum + w.events, 0);
    if (state === 'refused') {
      reasons.push(`Sentry refused the events from ${span}${windows[0].detail ? `: "${windows[0].detail}"` : ''}.`);
    } else if (state === 'foreignLink') {
      reasons.push(
        `For the events from ${span}, Sentry's link to the next page pointed to ${windows[0].detail ?? 'another server'}, not to your Sentry. ` +
          `It was not followed (the token goes only to your Sentry), so that part ends after ${lost} events.`,
      );
    } else if (state === 'repeatedPage') {
      reasons.push(`For the events from ${span}, Sentry sent the same page again, so that part ends after ${lost} events.`);
    }
  }
  if (facts.outcome !== 'complete') return reasons;
  const explainedByWindows = reasons.length > 0;
  const short = facts.expected - facts.written;
  if (facts.rangeAsked && facts.rangeCount !== undefined) {
    reasons.push(`${count(facts.rangeCount)} of the issue's ${count(facts.issueCount)} events are in the range and environment asked for.`);
  } else if (facts.rangeAsked) {
    reasons.push(`The issue has ${count(facts.issueCount)} events in all; Sentry did not say how many are in the range and environment asked for.`);
  }
  if (short > 0 && !explainedByWindows && !(facts.rangeAsked && facts.rangeCount === undefined)) {
    const known = [
      facts.oldestWritten && `the oldest event Sentry returned is from ${facts.oldestWritten}`,
      facts.firstSeen && `the issue was first seen ${facts.firstSeen}`,
    ]
      .filter(Boolean)
      .join('; ');
    reasons.push(
      `Sentry did not return ${count(short)} of the events it counts: most likely they are older than your Sentry keeps events ` +
        `(its retention), or were dropped when they arrived${known ? ` (${known})` : ''}.`,
    );
  }
  if (short < 0) reasons.push(`${count(-short)} more events than counted at the start: new events arrived while downloading.`);
  return reasons;
}

function groupByState(windows: readonly WindowReport[]): Map<WindowState, WindowReport[]> {
  const groups = new Map<WindowState, WindowReport[]>();
  for (const window of windows) {
    const list = groups.get(window.state) ?? [];
    list.push(window);
    groups.set(window.state, list);
  }
  return groups;
}

/** Windows are newest first: the span runs from the oldest start to the newest end. */
function timeSpan(windows: readonly WindowReport[]): string {
  const start = windows[windows.length - 1].start;
  const end = windows[0].end;
  const more = windows.length > 1 ? ` (${windows.length} time windows)` : '';
  return `${start} to ${end}${more}`;
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}
