import {
  AuthError,
  BadRequestError,
  NetworkError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ResponseReadError,
  SentryApiError,
  ServerError,
  withCause,
} from './errors';
import type { Endpoint, FetchResponseLike } from './transport';
import { asRecord, nonEmptyText, toText } from '../json/jsonValues';
import { formatUntil, formatWait, rateLimitWaitMs } from './rateLimit';
import type { ResponseBodyFailure } from './responseBodyFailure';
import { BROWSING_SCOPES, scopesFromChallenge, scopesNamedIn } from './scopes';
import { redactSecrets } from './secretRedaction';

const MAX_DETAIL_LENGTH = 300;

/** Turns a non-2xx answer into a typed error whose message a user can act on; every 401 is reported. */
export async function responseError(
  response: FetchResponseLike,
  request: { url: string; endpoint: Endpoint },
  onAuthFailure?: (error: AuthError) => void,
): Promise<SentryApiError> {
  const status = response.status;
  const host = hostOf(request.url);
  const detail = await readDetail(response);
  const said = detail ? ` Sentry said: "${detail}".` : '';
  if (status === 401) {
    const error = new AuthError(`${host} rejected the token (401).${said} Sign in again with a valid token.`, status, detail);
    onAuthFailure?.(error);
    return error;
  }
  if (status === 403) return permissionError(host, response.headers.get('www-authenticate'), detail);
  if (status === 404) return new NotFoundError(`${host} has no such resource (404).${said}`, status, detail);
  if (status === 429) return rateLimitError(host, response, detail);
  if (status >= 500) {
    const errorId = await readErrorId(response);
    const ref = errorId ? ` (Sentry error id ${errorId})` : '';
    return new ServerError(`${host} had an internal error (${status})${ref}. Try again later.`, status, detail, errorId);
  }
  return new BadRequestError(`${host} refused the request (${status}).${said}`, status, detail);
}

/**
 * A 403 names the scope the server says is missing: its RFC 6750 challenge first, else a scope its
 * `detail` names. Failing both it guesses none, and says what Sentry said and what browsing needs.
 */
function permissionError(host: string, challenge: string | null, detail: string | undefined): PermissionError {
  const said = detail ? ` Sentry said: "${detail}".` : '';
  const challenged = scopesFromChallenge(challenge);
  const scopes = challenged.length > 0 ? challenged : scopesNamedIn(detail).slice(0, 1);
  if (scopes.length === 0) {
    return new PermissionError(
      `${host} refused this request (403).${said || ' Sentry gave no reason.'} Browsing needs a token with the ${listWords(BROWSING_SCOPES)} ` +
        'scopes, from a user who can see this organization and project.',
      undefined,
      detail,
    );
  }
  const needs = scopes.length === 1 ? `the "${scopes[0]}" scope` : `one of these scopes: ${scopes.join(', ')}`;
  return new PermissionError(`The token is not allowed to do this (403): it needs ${needs}.${said}`, scopes[0], detail);
}

/** When the wait is known the message says until when, in local time: "rate limited until 14:05". */
function rateLimitError(host: string, response: FetchResponseLike, detail: string | undefined): RateLimitError {
  const now = Date.now();
  const waitMs = rateLimitWaitMs(response.headers, now);
  if (waitMs === undefined) {
    return new RateLimitError(`${host} is rate limiting these requests (429). Try again in a little while.`, {}, detail);
  }
  const until = new Date(now + waitMs);
  return new RateLimitError(
    `${host} is rate limiting these requests (429): rate limited until ${formatUntil(until, new Date(now))} (${formatWait(waitMs)} from now).`,
    { until, retryAfterSeconds: Math.ceil(waitMs / 1000) },
    detail,
  );
}

/** An answer that began but could not be read whole, in words that say so (not "unreachable", not "did not answer"). */
export function unreadableResponse(failure: ResponseBodyFailure, url: string, status: number | undefined): ResponseReadError {
  return withCause(unreadableWords(failure, url, status), failure);
}

function unreadableWords(failure: ResponseBodyFailure, url: string, status: number | undefined): ResponseReadError {
  const host = hostOf(url);
  const { expectedBytes, silentMs, decoderError, limitBytes } = failure.extra;
  const arrived = expectedBytes === undefined ? `${failure.receivedBytes} bytes arrived` : `${failure.receivedBytes} of ${expectedBytes} bytes arrived`;
  switch (failure.reason) {
    case 'closed':
      return new ResponseReadError(
        `${host} closed the connection before the answer was complete (${arrived}). Try again; if it keeps happening, ` +
          'something between you and Sentry (a proxy or VPN) may be cutting answers off.',
        'closed',
        status,
      );
    case 'stalled':
      return new ResponseReadError(
        `${host} stopped sending before the answer was complete: nothing arrived for ${formatWait(silentMs ?? 0)} (${arrived}), ` +
          'so the server or something in between (a proxy or VPN) closed the connection or let it hang. Try again.',
        'stalled',
        status,
      );
    case 'undecodable':
      return new ResponseReadError(
        `The answer from ${host} could not be read: decompression failed${decoderError ? ` (${decoderError})` : ''}. ` +
          'Something between you and Sentry (a proxy) may be damaging compressed answers.',
        'undecodable',
        status,
      );
    case 'tooLarge':
      return new ResponseReadError(
        `The answer from ${host} is larger than ${Math.round((limitBytes ?? 0) / (1024 * 1024))} MB, so it was not read.`,
        'tooLarge',
        status,
      );
  }
}

function listWords(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

async function readDetail(response: FetchResponseLike): Promise<string | undefined> {
  const body = await response.text();
  const fromHeader = response.headers.get('x-sentry-error') ?? undefined;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return truncate(fromHeader);
  }
  if (typeof json === 'string') return truncate(json);
  const detail = asRecord(json)?.detail;
  const fromObject = nonEmptyText(detail) ?? nonEmptyText(asRecord(detail)?.message) ?? nonEmptyText(asRecord(detail)?.code);
  return truncate(fromObject ?? fromHeader ?? fieldError(json));
}

/**
 * A DRF validation answer names the field: `{"statusDetails": {"inNextRelease": ["No release data…"]}}`
 * reads "statusDetails.inNextRelease: No release data…" (the first message found, a few levels deep).
 */
function fieldError(json: unknown, path: string[] = []): string | undefined {
  if (path.length > 3) return undefined;
  if (typeof json === 'string') return path.length > 0 ? `${path.join('.')}: ${json}` : json;
  if (Array.isArray(json)) return json.length > 0 ? fieldError(json[0], path) : undefined;
  const record = asRecord(json);
  if (!record) return undefined;
  for (const [key, value] of Object.entries(record)) {
    const found = fieldError(value, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

async function readErrorId(response: FetchResponseLike): Promise<string | undefined> {
  try {
    return toText(asRecord(JSON.parse(await response.text()))?.errorId);
  } catch {
    return undefined;
  }
}

/** One line, secrets redacted before it is cut (a cut could leave part of a token behind), capped. */
function truncate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const oneLine = redactSecrets(value).replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_DETAIL_LENGTH ? `${oneLine.slice(0, MAX_DETAIL_LENGTH)}…` : oneLine;
}

const NETWORK_REASONS = new Map<string, string>(
  Object.entries({
    ENOTFOUND: 'the host name was not found',
    EAI_AGAIN: 'the host name could not be looked up',
    ECONNREFUSED: 'nothing is listening there (connection refused)',
    ECONNRESET: 'the connection was reset',
    ETIMEDOUT: 'the connection timed out',
    EHOSTUNREACH: 'the host is unreachable',
    ENETUNREACH: 'the network is unreachable',
    CERT_HAS_EXPIRED: "the server's certificate has expired",
    DEPTH_ZERO_SELF_SIGNED_CERT: "the server's certificate is self-signed",
    SELF_SIGNED_CERT_IN_CHAIN: "the server's certificate chain is self-signed",
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's certificate could not be verified",
  }),
);

/** A failed connection in plain words, naming the host (never the token). */
export function networkError(error: unknown, url: string): NetworkError {
  const host = hostOf(url);
  const code = toText(asRecord(error)?.code) ?? toText(asRecord(asRecord(error)?.cause)?.code);
  const reason = (code && NETWORK_REASONS.get(code)) ?? 'the connection failed';
  return withCause(new NetworkError(`Could not reach ${host}: ${reason}${code ? ` (${code})` : ''}. Check the server URL and your network.`, code), error);
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}
