import { redactSecrets } from '../http/secretRedaction';
import { BadRequestError, CancelledError, NetworkError, RateLimitError, ResponseReadError, ServerError, TimeoutError } from '../http/errors';

/**
 * What a failed page request means for the download: `retry` it after a pause (a server error, a
 * broken or timed-out connection, a rate limit the transport already waited for once), `refuse`
 * only its time window (the server rejected that request, 4xx other than auth or not found), `cancel`
 * (the user stopped), or `stop` the whole download (auth, permission, the issue gone, not Sentry).
 */
export type FailureAction = 'retry' | 'refuse' | 'cancel' | 'stop';

export function failureAction(error: unknown): FailureAction {
  if (error instanceof CancelledError) return 'cancel';
  if (error instanceof ServerError || error instanceof NetworkError || error instanceof TimeoutError || error instanceof RateLimitError) return 'retry';
  if (error instanceof ResponseReadError) return error.reason === 'closed' || error.reason === 'stalled' ? 'retry' : 'stop';
  if (error instanceof BadRequestError) return 'refuse';
  return 'stop';
}

/** The pause before retry `attempt` (0-based): doubling from `baseMs`, a little spread so parallel retries do not align. */
export function retryDelayMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  return Math.round(baseMs * 2 ** attempt * (0.75 + random() / 2));
}

/** An error's message with secrets redacted, for logs and the summary. */
export function failureText(error: unknown): string {
  return redactSecrets(error instanceof Error ? error.message : String(error));
}
