import { randomBytes } from 'node:crypto';

/** A response before it is written: handlers return these, or throw an `HttpError` holding one. */
export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export class HttpError extends Error {
  constructor(readonly response: ApiResponse) {
    super(`HTTP ${response.status}`);
  }
}

export const JSON_TYPE = 'application/json';

export const MESSAGES = {
  notFound: 'The requested resource does not exist',
  noCredentials: 'Authentication credentials were not provided.',
  invalidToken: 'Invalid token',
  badTokenHeader: 'Invalid token header. No credentials provided.',
  forbidden: 'You do not have permission to perform this action.',
  invalidCursor: 'Invalid cursor parameter.',
  internalError: 'Internal Error',
  rateLimited: 'You are attempting to use this endpoint too frequently. Limit is 40 requests in 1 seconds',
} as const;

export function jsonResponse(status: number, value: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { 'Content-Type': JSON_TYPE, ...headers }, body: JSON.stringify(value) };
}

/** DRF's error shape: `{"detail": "..."}`. */
export function detailResponse(status: number, detail: string, headers: Record<string, string> = {}): ApiResponse {
  return jsonResponse(status, { detail }, headers);
}

export function notFound(): HttpError {
  return new HttpError(detailResponse(404, MESSAGES.notFound));
}

export function badRequest(detail: string): HttpError {
  return new HttpError(detailResponse(400, detail));
}

export function forbidden(): HttpError {
  return new HttpError(detailResponse(403, MESSAGES.forbidden));
}

/** Sentry's 500: `{"detail": "Internal Error", "errorId": "<32 hex>"}`. */
export function internalErrorResponse(): ApiResponse {
  return jsonResponse(500, { detail: MESSAGES.internalError, errorId: randomBytes(16).toString('hex') });
}
