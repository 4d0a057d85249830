import { AuthError, BadRequestError, NetworkError, NotFoundError, PermissionError, RateLimitError, SentryApiError, ServerError } from './errors';
import type { Endpoint, FetchResponseLike } from './httpTransport';
import { obj, str, text } from './lenient';
import { rateLimitWaitMs } from './rateLimit';

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
  if (status === 403) {
    const scope = scopeFromChallenge(response.headers.get('www-authenticate')) ?? request.endpoint.scope;
    return new PermissionError(
      `The token is not allowed to do this (403): it needs the "${scope}" scope.${said}`,
      scope,
      detail,
    );
  }
  if (status === 404) return new NotFoundError(`${host} has no such resource (404).${said}`, status, detail);
  if (status === 429) {
    const waitMs = rateLimitWaitMs(response.headers);
    const seconds = waitMs === undefined ? undefined : Math.ceil(waitMs / 1000);
    const when = seconds === undefined ? 'Try again in a little while.' : `Sentry will accept requests again in ${seconds} seconds.`;
    return new RateLimitError(`${host} is rate limiting these requests (429). ${when}`, seconds, detail);
  }
  if (status >= 500) {
    const errorId = await readErrorId(response);
    const ref = errorId ? ` (Sentry error id ${errorId})` : '';
    return new ServerError(`${host} had an internal error (${status})${ref}. Try again later.`, status, detail, errorId);
  }
  return new BadRequestError(`${host} refused the request (${status}).${said}`, status, detail);
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
  const detail = obj(json)?.detail;
  const fromObject = text(detail) ?? text(obj(detail)?.message) ?? text(obj(detail)?.code);
  return truncate(fromObject ?? fromHeader);
}

async function readErrorId(response: FetchResponseLike): Promise<string | undefined> {
  try {
    return str(obj(JSON.parse(await response.text()))?.errorId);
  } catch {
    return undefined;
  }
}

function truncate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const oneLine = value.replace(/\s+/g, ' ').trim();
  return oneLine.length > 300 ? `${oneLine.slice(0, 300)}…` : oneLine;
}

function scopeFromChallenge(header: string | null): string | undefined {
  return header?.match(/scope="([^"]+)"/)?.[1];
}

/** A failed connection in plain words, naming the host (never the token). */
export function networkError(error: unknown, url: string): NetworkError {
  const host = hostOf(url);
  const code = str(obj(error)?.code) ?? str(obj(obj(error)?.cause)?.code);
  const reasons: Record<string, string> = {
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
  };
  const reason = (code && reasons[code]) ?? 'the connection failed';
  return new NetworkError(`Could not reach ${host}: ${reason}${code ? ` (${code})` : ''}. Check the server URL and your network.`, code);
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}
