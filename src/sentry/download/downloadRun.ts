import type { DownloadInput, DownloadTuning } from './downloadTypes';
import type { OrderedEventSink } from './orderedEventSink';
import type { RequestPacer } from './requestPacer';

/** What the parts of one download share: its input, limits, file order, and counts so far. */
export interface DownloadRun {
  readonly input: DownloadInput;
  readonly tuning: DownloadTuning;
  readonly environment?: string;
  readonly pacer: RequestPacer;
  readonly sink: OrderedEventSink;
  /** Aborted by the user's cancel, or when one part fails for good and the rest must stop. */
  readonly stop: AbortSignal;
  readonly counts: { requests: number; retries: number };
  log(message: string): void;
}
