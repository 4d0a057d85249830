import type { DownloadProgress } from './downloadTypes';

/** Events a second over the whole download so far, and the time left at that rate. */
export function measureProgress(written: number, total: number, requests: number, elapsedMs: number): DownloadProgress {
  const seconds = elapsedMs / 1000;
  const eventsPerSecond = seconds > 0 ? written / seconds : 0;
  const left = total - written;
  return {
    written,
    total,
    requests,
    eventsPerSecond,
    secondsLeft: eventsPerSecond > 0 && left > 0 ? left / eventsPerSecond : undefined,
  };
}
