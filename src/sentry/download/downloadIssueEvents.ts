import { CancelledError } from '../http/errors';
import type { DownloadRun } from './downloadRun';
import type { DownloadInput, DownloadSummary, DownloadTuning } from './downloadTypes';
import { DownloadFileError, EventFileWriter, partialPathOf } from './eventFileWriter';
import { failureText } from './failurePolicy';
import { explainMissing } from './missingEvents';
import { OrderedEventSink } from './orderedEventSink';
import { measureProgress } from './progressMeter';
import { RequestPacer } from './requestPacer';
import { downloadSpan, isoTime, splitIntoWindows } from './timeWindows';
import { fetchWindow } from './windowFetcher';

export const DEFAULT_TUNING: DownloadTuning = {
  eventsPerWindow: 50,
  maxWindows: 2000,
  maxConcurrency: 8,
  defaultConcurrency: 3,
  waitingBytes: 256 * 1024 * 1024,
  maxRetries: 3,
  retryBaseMs: 500,
  maxRateWaitMs: 60_000,
  marginMs: 60_000,
};

/**
 * Downloads every full event of an issue into one file: the issue's life (or the asked range) is cut
 * into time windows, several are paged at once within the server's advertised limits, and their
 * events are written in time order, newest first as Sentry lists them, without repeats. Memory stays
 * bounded whatever the count. Nothing appears at the target until every window is read; a stop keeps
 * the events so far as `<name>.partial.<ext>`, a cancel leaves no file. Never throws for a failed
 * request: the summary says what was written, what is missing and why. Throws a DownloadFileError
 * when the file cannot be written, and CancelledError when cancelled before the file exists.
 */
export async function downloadIssueEvents(input: DownloadInput): Promise<DownloadSummary> {
  const cancel = input.signal ?? new AbortController().signal;
  const stop = new AbortController();
  const onCancel = () => stop.abort();
  cancel.addEventListener('abort', onCancel, { once: true });
  try {
    return await download(input, { ...DEFAULT_TUNING, ...input.tuning }, cancel, stop);
  } finally {
    cancel.removeEventListener('abort', onCancel);
  }
}

async function download(input: DownloadInput, tuning: DownloadTuning, cancel: AbortSignal, stop: AbortController): Promise<DownloadSummary> {
  const started = Date.now();
  const log = (message: string) => quietly(() => input.log?.(message));
  const environment = input.environment || undefined;
  const rangeAsked = input.range !== undefined || environment !== undefined;
  const counts = { requests: 0, retries: 0 };
  const rangeCount = rangeAsked ? await countInRange(input, environment, stop.signal, cancel, log) : undefined;
  if (rangeAsked) counts.requests++;
  const expected = rangeCount ?? input.issue.count;
  const span = downloadSpan(input.issue, input.range, tuning.marginMs);
  const windows = span ? splitIntoWindows(span, expected, tuning.eventsPerWindow, tuning.maxWindows) : [];
  log(`Downloading issue ${input.issueId}: ${windows.length} time windows${span ? ` from ${isoTime(span.startMs)} to ${isoTime(span.endMs)}` : ''}, ${expected} events expected.`);

  const writer = await EventFileWriter.open(input.targetPath, input.format);
  let lastProgress = 0;
  const progress = (force = false) => {
    const now = Date.now();
    if (!force && now - lastProgress < 100) return;
    lastProgress = now;
    quietly(() => input.onProgress?.(measureProgress(sink.written, expected, counts.requests, now - started)));
  };
  const sink = new OrderedEventSink(windows, writer, tuning.waitingBytes, () => progress());
  const pacer = new RequestPacer(tuning);
  const run: DownloadRun = { input, tuning, environment, pacer, sink, stop: stop.signal, counts, log };

  const failures: unknown[] = [];
  const worker = async (): Promise<void> => {
    for (let slot = await sink.next(stop.signal); slot; slot = await sink.next(stop.signal)) {
      await sink.room(slot, stop.signal);
      await fetchWindow(run, slot);
    }
  };
  await Promise.all(
    Array.from({ length: tuning.maxConcurrency }, () =>
      worker().catch((error: unknown) => {
        if (!(error instanceof CancelledError) || cancel.aborted) failures.push(error);
        stop.abort();
      }),
    ),
  );

  const summary = (): Omit<DownloadSummary, 'outcome' | 'missing'> => ({
    format: input.format,
    written: sink.written,
    issueCount: input.issue.count,
    rangeCount,
    expected,
    duplicatesDropped: sink.duplicates,
    requests: counts.requests,
    retries: counts.retries,
    rateLimitPauses: pacer.pauses,
    peakConcurrency: pacer.peak,
    elapsedMs: Date.now() - started,
    windows: sink.reports,
    newestWritten: sink.newest,
    oldestWritten: sink.oldest,
  });
  const explained = (done: Omit<DownloadSummary, 'missing'>): DownloadSummary => ({
    ...done,
    missing: explainMissing({ ...done, rangeAsked, firstSeen: input.issue.firstSeen }),
  });

  // Whatever the outcome, no window's waiting events stay on disk.
  const settle = async (): Promise<DownloadSummary> => {
    if (cancel.aborted) {
      await writer.discard();
      progress(true);
      return { ...summary(), outcome: 'cancelled', missing: [] };
    }
    const failure = failures.find((error) => !(error instanceof CancelledError));
    try {
      if (failure instanceof DownloadFileError) throw failure;
      if (failure !== undefined) {
        const completeBackTo = sink.oldest;
        await sink.flushAll();
        const file = partialPathOf(input.targetPath, input.format);
        await writer.keepAs(file);
        progress(true);
        return explained({ ...summary(), outcome: 'partial', file, stopReason: failureText(failure), completeBackTo });
      }
      await writer.commit(input.targetPath);
    } catch (error) {
      await writer.discard();
      throw error instanceof DownloadFileError ? error : new DownloadFileError(`could not write ${input.targetPath}`, error);
    }
    progress(true);
    return explained({ ...summary(), outcome: 'complete', file: input.targetPath });
  };
  try {
    return await settle();
  } finally {
    await sink.discardWaiting();
  }
}

/** Sentry's count of the issue's events in the asked range and environment; undefined when it cannot say. */
async function countInRange(input: DownloadInput, environment: string | undefined, signal: AbortSignal, cancel: AbortSignal, log: (message: string) => void): Promise<number | undefined> {
  const range = { start: input.range && isoTime(input.range.start.getTime()), end: input.range && isoTime(input.range.end.getTime()), environment };
  try {
    return await input.client.countIssueEvents(input.org, input.issueId, range, { signal });
  } catch (error) {
    if (cancel.aborted) throw new CancelledError();
    log(`Could not count the events in the range: ${failureText(error)}`);
    return undefined;
  }
}

/** A caller's callback failing must not fail the download. */
function quietly(callback: () => void): void {
  try {
    callback();
  } catch {
    // ignored: progress and log lines are for show
  }
}
