import { redactSecrets } from './secretRedaction';

/**
 * Typed API failures. `message` names the host and what went wrong in plain words. Whatever a
 * server echoed into it, the message and `detail` carry no token: both are redacted here, before
 * anything (a stack trace, a log, a notification) can read them.
 */

export type SentryErrorKind =
  | 'auth'
  | 'permission'
  | 'notFound'
  | 'rateLimited'
  | 'server'
  | 'badRequest'
  | 'network'
  | 'timeout'
  | 'notSentry'
  | 'unreadable'
  | 'cancelled';

export abstract class SentryApiError extends Error {
  abstract readonly kind: SentryErrorKind;
  /** Sentry's own `detail` text, when it sent one. */
  readonly detail?: string;

  constructor(
    message: string,
    readonly status?: number,
    detail?: string,
  ) {
    super(redactSecrets(message));
    this.name = new.target.name;
    this.detail = detail === undefined ? undefined : redactSecrets(detail);
  }
}

export class AuthError extends SentryApiError {
  readonly kind = 'auth';
}

export class PermissionError extends SentryApiError {
  readonly kind = 'permission';
  constructor(message: string, readonly missingScope?: string, detail?: string) {
    super(message, 403, detail);
  }
}

export class NotFoundError extends SentryApiError {
  readonly kind = 'notFound';
}

export class RateLimitError extends SentryApiError {
  readonly kind = 'rateLimited';
  /** When Sentry accepts these requests again, when it said. */
  readonly until?: Date;
  /** The same, as whole seconds from when Sentry answered. */
  readonly retryAfterSeconds?: number;

  constructor(message: string, when: { until?: Date; retryAfterSeconds?: number } = {}, detail?: string) {
    super(message, 429, detail);
    this.until = when.until;
    this.retryAfterSeconds = when.retryAfterSeconds;
  }
}

export class ServerError extends SentryApiError {
  readonly kind = 'server';
  constructor(message: string, status: number, detail?: string, readonly errorId?: string) {
    super(message, status, detail);
  }
}

export class BadRequestError extends SentryApiError {
  readonly kind = 'badRequest';
}

/** The host could not be reached: DNS, refused connection, TLS, reset. */
export class NetworkError extends SentryApiError {
  readonly kind = 'network';
  constructor(message: string, readonly code?: string) {
    super(message);
  }
}

export class TimeoutError extends SentryApiError {
  readonly kind = 'timeout';
}

/** The server answered, but not like Sentry's API: an HTML page, malformed or unexpected JSON, a foreign redirect. */
export class NotSentryError extends SentryApiError {
  readonly kind = 'notSentry';
}

export type UnreadableReason = 'closed' | 'stalled' | 'undecodable' | 'tooLarge';

/**
 * The server began to answer, but the answer could not be read whole: the connection closed or fell
 * silent part-way, the compressed body was damaged, or it was too large to hold.
 */
export class ResponseReadError extends SentryApiError {
  readonly kind = 'unreadable';
  constructor(message: string, readonly reason: UnreadableReason, status?: number) {
    super(message, status);
  }
}

export class CancelledError extends SentryApiError {
  readonly kind = 'cancelled';
  constructor() {
    super('The request was cancelled.');
  }
}

export function isSentryApiError(error: unknown): error is SentryApiError {
  return error instanceof SentryApiError;
}

/** Keeps what went wrong underneath on a wrapped error (`Error.cause`), for the log. */
export function withCause<E extends Error>(error: E, cause: unknown): E {
  error.cause = cause;
  return error;
}
