import { basename } from 'node:path';
import type { DownloadProgress, DownloadSummary } from './downloadTypes';
import { count } from './missingEvents';

/**
 * The words a user reads about a download: the progress line and the closing message. The closing
 * message carries server text (a stop reason, a refused window's detail): the caller passes it
 * through the UI sanitiser before showing it.
 */

export function describeProgress(progress: DownloadProgress): string {
  const parts = [`${count(progress.written)} of ${count(progress.total)} events`];
  if (progress.eventsPerSecond > 0) parts.push(`${count(Math.round(progress.eventsPerSecond))}/s`);
  if (progress.secondsLeft !== undefined) parts.push(`about ${duration(progress.secondsLeft)} left`);
  return parts.join(' · ');
}

export interface OutcomeMessage {
  severity: 'info' | 'warning';
  text: string;
  /** The file to offer to open, when one was written. */
  file?: string;
}

export function describeOutcome(summary: DownloadSummary, issueLabel: string): OutcomeMessage {
  const reasons = summary.missing.length > 0 ? ` ${summary.missing.join(' ')}` : '';
  const took = ` (${duration(summary.elapsedMs / 1000)})`;
  switch (summary.outcome) {
    case 'cancelled':
      return { severity: 'info', text: `Download of ${issueLabel} cancelled after ${count(summary.written)} events; no file was written.` };
    case 'partial': {
      const backTo = summary.completeBackTo ? `, every event back to ${summary.completeBackTo}` : '';
      return {
        severity: 'warning',
        text:
          `The download of ${issueLabel} stopped after ${count(summary.written)} of ${count(summary.expected)} events: ${summary.stopReason ?? 'unknown reason'} ` +
          `The events so far are in ${fileName(summary)}${backTo}.${reasons}`,
        file: summary.file,
      };
    }
    case 'complete': {
      const all = summary.written === summary.expected && summary.missing.length === 0;
      const what = all ? `all ${count(summary.written)} events` : `${count(summary.written)} of ${count(summary.expected)} events`;
      return { severity: all ? 'info' : 'warning', text: `Saved ${what} of ${issueLabel} to ${fileName(summary)}${took}.${reasons}`, file: summary.file };
    }
  }
}

function fileName(summary: DownloadSummary): string {
  return summary.file ? basename(summary.file) : 'no file';
}

/** "45 s", "3 min", "1 h 5 min". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 90) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 90) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
