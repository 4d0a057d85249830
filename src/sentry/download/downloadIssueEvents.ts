import { CancelledError, isSentryApiError } from '../errors';
import { sleep } from '../rateLimit';
import { redactSecrets } from '../secretRedaction';
import type { RawEventsPage } from '../client';
import { text } from '../lenient';
import type { DownloadInput, DownloadSummary, DownloadTuning } from './downloadTypes';
import { DownloadFileError, EventFileWriter, partialPathOf } from './eventFileWriter';
import { failureAction, retryDelayMs } from './failurePolicy';
import { explainMissing } from './missingEvents';
import { OrderedEventSink, WindowSlot } from './orderedEventSink';
import { measureProgress } from './progressMeter';
import { RequestPacer } from './requestPacer';
import { downloadSpan, isoTime, parseTime, splitDenseRemainder, splitIntoWindows, TimeWindow } from './timeWindows';

export const DEFAULT_TUNING: DownloadTuning = {
  eventsPerWindow: 50,
  maxWindows: 2000,
  maxConcurrency: 8,
  defaultConcurrency: 3,
  bufferBytes: 8 * 1024 * 1024,
  maxRetries: 3,
  retryBaseMs: 500,
  maxRateWaitMs: 60_000,
  marginMs: 60_000,
};

/** Most windows one dense window is split into at once (its pieces may split again). */
const MAX_PIECES = 32;
/** Pages of a window read before judging whether it is much denser than expected. */
const SPLIT_AFTER_PAGES = 3;

/** A page, or why its window ends without one (the server refused that window's request). */
type PageResult = { page: RawEventsPage } | { refused: string };

/**
 * Downloads every full event of an issue into one file: the issue's life (or the asked range) is cut
 * into time windows, several are paged at once within the server's advertised limits, and their
 * events are written in time order, newest first as Sentry lists them, without repeats. Memory stays
 * bounded whatever the count. Nothing appears at the target until every window is read; a stop keeps
 * the events so far as `<name>.partial.<ext>`, a cancel leaves no file. Never throws for a failed
 * request: the summary says what was written, what is missing and why. Throws only when the file
 * cannot be created, or is cancelled (CancelledError) before the file exists.
 */
export async function downloadIssueEvents(input: DownloadInput): Promise<DownloadSummary> {
  const tuning = { ...DEFAULT_TUNING, ...input.tuning };
  const started = Date.now();
  const cancel = input.signal ?? new AbortController().signal;
  const stop = new AbortController();
  const onCancel = () => stop.abort();
  cancel.addEventListener('abort', onCancel, { once: true });
  try {
    return await run(input, tuning, started, cancel, stop);
  } finally {
    cancel.removeEventListener('abort', onCancel);
  }
}

async function run(input: DownloadInput, tuning: DownloadTuning, started: number, cancel: AbortSignal, stop: AbortController): Promise<DownloadSummary> {
  const log = (message: string) => quietly(() => input.log?.(message));
  const environment = input.environment || undefined;
  const rangeAsked = input.range !== undefined || environment !== undefined;
  let requests = 0;
  let rangeCount: number | undefined;
  if (rangeAsked) {
    rangeCount = await input.client
      .countIssueEvents(input.org, input.issueId, { start: input.range && isoTime(input.range.start.getTime()), end: input.range && isoTime(input.range.end.getTime()), environment }, { signal: stop.signal })
      .catch((error: unknown) => {
        if (cancel.aborted) throw new CancelledError();
        log(`Could not count the events in the range: ${String(error)}`);
        return undefined;
      });
    requests++;
  }
  const expected = rangeCount ?? input.issue.count;
  const span = downloadSpan(input.issue, input.range, tuning.marginMs);
  const windows = span ? splitIntoWindows(span, expected, tuning.eventsPerWindow, tuning.maxWindows) : [];
  log(`Downloading issue ${input.issueId}: ${windows.length} time windows${span ? ` from ${isoTime(span.startMs)} to ${isoTime(span.endMs)}` : ''}, ${expected} events expected.`);

  const writer = await EventFileWriter.open(input.targetPath, input.format);
  const pacer = new RequestPacer(tuning);
  let retries = 0;
  let lastProgress = 0;
  const progress = (force = false) => {
    const now = Date.now();
    if (!force && now - lastProgress < 100) return;
    lastProgress = now;
    quietly(() => input.onProgress?.(measureProgress(sink.written, expected, requests, now - started)));
  };
  const sink = new OrderedEventSink(windows, writer, tuning.bufferBytes, () => progress());

  const fetchPage = async (window: TimeWindow, cursor: string | undefined): Promise<PageResult> => {
    for (let attempt = 0; ; attempt++) {
      const slot = await pacer.acquire(stop.signal);
      let failure: unknown;
      try {
        requests++;
        const page = await input.client.issueEventsPage(
          input.org,
          input.issueId,
          { start: isoTime(window.startMs), end: isoTime(window.endMs), environment, cursor },
          { signal: stop.signal },
        );
        slot.observe(page.rateLimit);
        return { page };
      } catch (error) {
        failure = error;
      } finally {
        slot.release();
      }
      const action = stop.signal.aborted ? 'cancel' : failureAction(failure);
      if (action === 'cancel') throw new CancelledError();
      if (action === 'refuse') return { refused: (isSentryApiError(failure) && failure.detail) || messageOf(failure) };
      if (action === 'stop' || attempt >= tuning.maxRetries) throw failure;
      retries++;
      const pauseMs = retryDelayMs(attempt, tuning.retryBaseMs);
      log(`Retrying a page from ${isoTime(window.startMs)} to ${isoTime(window.endMs)} in ${pauseMs} ms: ${messageOf(failure)}`);
      await sleep(pauseMs, stop.signal);
    }
  };

  const fetchWindow = async (slot: WindowSlot): Promise<void> => {
    const report = slot.report;
    report.state = 'incomplete';
    let cursor: string | undefined;
    let pages = 0;
    for (;;) {
      const result = await fetchPage(slot.window, cursor);
      if ('refused' in result) {
        report.state = 'refused';
        report.detail = result.refused;
        log(`Sentry refused the events from ${report.start} to ${report.end}: ${result.refused}`);
        break;
      }
      const { page } = result;
      await sink.accept(slot, page.items);
      report.events += page.items.length;
      pages++;
      const pieces = pages === SPLIT_AFTER_PAGES && page.nextCursor ? splitDenseRemainder(slot.window, pageSpan(page.items), tuning.eventsPerWindow, MAX_PIECES) : undefined;
      if (pieces) {
        // A burst: the rest of this window is fetched as several windows at once instead of page after page.
        report.state = 'complete';
        report.start = isoTime(pieces[0].endMs - 1000);
        sink.insertAfter(slot, pieces);
        log(`Events from ${isoTime(slot.window.startMs)} to ${report.start} are dense: split into ${pieces.length} windows.`);
        break;
      }
      if (page.end) {
        report.state = page.end.kind === 'foreignLink' ? 'foreignLink' : 'repeatedPage';
        report.detail = page.end.kind === 'foreignLink' ? page.end.origin : undefined;
        log(`The events from ${report.start} to ${report.end} end early: ${page.end.kind}${report.detail ? ` (${report.detail})` : ''}.`);
        break;
      }
      if (!page.nextCursor) {
        report.state = 'complete';
        break;
      }
      if (page.nextCursor === cursor) {
        report.state = 'repeatedPage';
        break;
      }
      cursor = page.nextCursor;
      await sink.room(slot, stop.signal);
    }
    await sink.finish(slot);
  };

  const worker = async (): Promise<void> => {
    for (let slot = await sink.next(stop.signal); slot; slot = await sink.next(stop.signal)) {
      await sink.room(slot, stop.signal);
      await fetchWindow(slot);
    }
  };
  const failures: unknown[] = [];
  await Promise.all(
    Array.from({ length: tuning.maxConcurrency }, () =>
      worker().catch((error: unknown) => {
        if (!(error instanceof CancelledError) || cancel.aborted) failures.push(error);
        stop.abort();
      }),
    ),
  );

  const facts = { issueCount: input.issue.count, rangeCount, expected, rangeAsked, firstSeen: input.issue.firstSeen };
  const base = () => ({
    format: input.format,
    written: sink.written,
    issueCount: input.issue.count,
    rangeCount,
    expected,
    duplicatesDropped: sink.duplicates,
    requests,
    retries,
    rateLimitPauses: pacer.pauses,
    peakConcurrency: pacer.peak,
    elapsedMs: Date.now() - started,
    windows: sink.reports,
    newestWritten: sink.newest,
    oldestWritten: sink.oldest,
  });

  if (cancel.aborted) {
    await writer.discard();
    progress(true);
    return { ...base(), outcome: 'cancelled', missing: [] };
  }
  const failure = failures.find((error) => !(error instanceof CancelledError));
  try {
    if (failure instanceof DownloadFileError) throw failure;
    if (failure !== undefined) {
      const stopReason = messageOf(failure);
      const completeBackTo = sink.oldest;
      await sink.flushAll();
      const file = partialPathOf(input.targetPath, input.format);
      await writer.keepAs(file);
      progress(true);
      const summary = { ...base(), outcome: 'partial' as const, file, stopReason, completeBackTo };
      return { ...summary, missing: explainMissing({ ...facts, ...summary }) };
    }
    await writer.commit(input.targetPath);
  } catch (error) {
    await writer.discard();
    throw error instanceof DownloadFileError ? error : new DownloadFileError(`could not write ${input.targetPath}`, error);
  }
  progress(true);
  const summary = { ...base(), outcome: 'complete' as const, file: input.targetPath };
  return { ...summary, missing: explainMissing({ ...facts, ...summary }) };
}

/** How many events a page holds and the times of its newest and oldest. */
function pageSpan(events: ReadonlyArray<Record<string, unknown>>): { events: number; newestMs?: number; oldestMs?: number } {
  const times = events.map((event) => parseTime(text(event.dateCreated))).filter((t): t is number => t !== undefined);
  return { events: events.length, newestMs: times.length > 0 ? Math.max(...times) : undefined, oldestMs: times.length > 0 ? Math.min(...times) : undefined };
}

/** A caller's callback failing must not fail the download. */
function quietly(callback: () => void): void {
  try {
    callback();
  } catch {
    // ignored: progress and log lines are for show
  }
}

function messageOf(error: unknown): string {
  return redactSecrets(error instanceof Error ? error.message : String(error));
}
