/**
 * Typed API failures. `message` is always fit to show a user as it is: it names the host and
 * what went wrong in plain words, never the token.
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
  | 'cancelled';

export abstract class SentryApiError extends Error {
  abstract readonly kind: SentryErrorKind;
  constructor(
    message: string,
    readonly status?: number,
    /** Sentry's own `detail` text, when it sent one. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = new.target.name;
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
  constructor(message: string, readonly retryAfterSeconds?: number, detail?: string) {
    super(message, 429, detail);
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

export class CancelledError extends SentryApiError {
  readonly kind = 'cancelled';
  constructor() {
    super('The request was cancelled.');
  }
}

export function isSentryApiError(error: unknown): error is SentryApiError {
  return error instanceof SentryApiError;
}
