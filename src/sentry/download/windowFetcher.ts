import type { RawEvent } from '../api/rawEvents';
import type { DownloadRun } from './downloadRun';
import type { WindowSlot } from './orderedEventSink';
import { fetchPage } from './pageFetcher';
import { isoTime, parseTime, splitDenseRemainder } from './timeWindows';

/** Most windows one dense window is split into at once (its pieces may split again). */
const MAX_PIECES = 32;
/** Pages of a window read before judging whether it is much denser than expected. */
const SPLIT_AFTER_PAGES = 3;

/**
 * Pages through one window by its cursor into the file, and says in its report how it ended: every
 * page read, refused, a next page on another origin, a page repeated, or split because it turned out
 * to hold a burst (its pieces then follow it).
 */
export async function fetchWindow(run: DownloadRun, slot: WindowSlot): Promise<void> {
  const { sink } = run;
  const report = slot.report;
  report.state = 'incomplete';
  let cursor: string | undefined;
  for (let pages = 1; ; pages++) {
    const result = await fetchPage(run, slot.window, cursor);
    if ('refused' in result) {
      report.state = 'refused';
      report.detail = result.refused;
      run.log(`Sentry refused the events from ${report.start} to ${report.end}: ${result.refused}`);
      break;
    }
    const { page } = result;
    await sink.accept(slot, page.items);
    report.events += page.items.length;
    const pieces =
      pages === SPLIT_AFTER_PAGES && page.nextCursor ? splitDenseRemainder(slot.window, pageSpan(page.items), run.tuning.eventsPerWindow, MAX_PIECES) : undefined;
    if (pieces) {
      report.state = 'complete';
      report.start = isoTime(pieces[0].endMs - 1000);
      sink.insertAfter(slot, pieces);
      run.log(`Events from ${isoTime(slot.window.startMs)} to ${report.start} are dense: split into ${pieces.length} windows.`);
      break;
    }
    if (page.end) {
      report.state = page.end.kind === 'foreignLink' ? 'foreignLink' : 'repeatedPage';
      report.detail = page.end.kind === 'foreignLink' ? page.end.origin : undefined;
      run.log(`The events from ${report.start} to ${report.end} end early: ${page.end.kind}${report.detail ? ` (${report.detail})` : ''}.`);
      break;
    }
    if (!page.nextCursor || page.nextCursor === cursor) {
      report.state = page.nextCursor ? 'repeatedPage' : 'complete';
      break;
    }
    cursor = page.nextCursor;
    await sink.room(slot, run.stop);
  }
  await sink.finish(slot);
}

/** How many events a page holds and the times of its newest and oldest. */
function pageSpan(events: readonly RawEvent[]): { events: number; newestMs?: number; oldestMs?: number } {
  const times = events.map((event) => parseTime(event.time)).filter((t): t is number => t !== undefined);
  if (times.length === 0) return { events: events.length };
  return { events: events.length, newestMs: Math.max(...times), oldestMs: Math.min(...times) };
}
