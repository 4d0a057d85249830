import type { RawEventsPage } from '../api/rawEvents';
import { CancelledError, isSentryApiError } from '../http/errors';
import { sleep } from '../http/rateLimit';
import type { DownloadRun } from './downloadRun';
import { failureAction, failureText, retryDelayMs } from './failurePolicy';
import { isoTime, TimeWindow } from './timeWindows';

/** A page, or why its window ends without one (the server refused that window's request). */
export type PageResult = { page: RawEventsPage } | { refused: string };

/**
 * One page of a window, within the pacer's limits; retried after a pause when the failure may pass
 * (a server error, a broken connection, a rate limit), at most `maxRetries` times. Throws when the
 * download must stop, CancelledError when it was stopped.
 */
export async function fetchPage(run: DownloadRun, window: TimeWindow, cursor: string | undefined): Promise<PageResult> {
  const { input, tuning, stop } = run;
  for (let attempt = 0; ; attempt++) {
    const slot = await run.pacer.acquire(stop);
    let failure: unknown;
    try {
      run.counts.requests++;
      const params = { start: isoTime(window.startMs), end: isoTime(window.endMs), environment: run.environment, cursor };
      const page = await input.client.issueEventsPage(input.org, input.issueId, params, { signal: stop });
      slot.observe(page.rateLimit);
      return { page };
    } catch (error) {
      failure = error;
    } finally {
      slot.release();
    }
    const action = stop.aborted ? 'cancel' : failureAction(failure);
    if (action === 'cancel') throw new CancelledError();
    if (action === 'refuse') return { refused: (isSentryApiError(failure) && failure.detail) || failureText(failure) };
    if (action === 'stop' || attempt >= tuning.maxRetries) throw failure;
    run.counts.retries++;
    const pauseMs = retryDelayMs(attempt, tuning.retryBaseMs);
    run.log(`Retrying a page from ${isoTime(window.startMs)} to ${isoTime(window.endMs)} in ${pauseMs} ms: ${failureText(failure)}`);
    await sleep(pauseMs, stop);
  }
}
