import nodeFetch from 'node-fetch';
import {
  AuthError,
  BadRequestError,
  CancelledError,
  NetworkError,
  NotFoundError,
  NotSentryError,
  PermissionError,
  RateLimitError,
  SentryApiError,
  ServerError,
  TimeoutError,
} from './errors';
import { obj, str, text } from './lenient';

export interface FetchResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  redirect: 'manual';
}

export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponseLike>;

/** A kind of request: its name keys rate-limit state, its scope explains a 403. */
export interface Endpoint {
  name: string;
  scope: string;
}

export interface TransportRequest {
  url: string;
  endpoint: Endpoint;
  method?: 'GET' | 'PUT';
  body?: unknown;
  signal?: AbortSignal;
}

export interface TransportResponse {
  json: unknown;
  link?: string;
}

export interface RateLimitNotice {
  endpoint: string;
  waitSeconds: number;
}

export interface TransportOptions {
  token: string;
  fetch?: FetchLike;
  timeoutMs: number;
  /** Longest wait for a rate limit to reset before giving up and telling the user. */
  maxRateLimitWaitMs: number;
  isAllowedOrigin(origin: string): boolean;
  onRateLimitWait?(notice: RateLimitNotice): void;
  onAuthFailure?(error: AuthError): void;
  userAgent: string;
}

const MAX_SAME_ORIGIN_REDIRECTS = 3;

/** Sends one request with the bearer token, and turns every way it can fail into a typed error. */
export class HttpTransport {
  private readonly fetch: FetchLike;
  private readonly blockedUntil = new Map<string, number>();

  constructor(private readonly options: TransportOptions) {
    this.fetch = options.fetch ?? (nodeFetch as unknown as FetchLike);
  }

  async send(request: TransportRequest): Promise<TransportResponse> {
    await this.waitForRateLimit(request);
    let response = await this.sendFollowingRedirects(request);
    if (response.status === 429) {
      const waitMs = rateLimitWaitMs(response.headers);
      if (waitMs === undefined || waitMs > this.options.maxRateLimitWaitMs) {
        if (waitMs !== undefined) this.blockedUntil.set(request.endpoint.name, Date.now() + waitMs);
        throw await this.toError(response, request);
      }
      this.blockedUntil.set(request.endpoint.name, Date.now() + waitMs);
      await this.waitForRateLimit(request);
      response = await this.sendFollowingRedirects(request);
      if (response.status === 429) {
        const again = rateLimitWaitMs(response.headers);
        if (again !== undefined) this.blockedUntil.set(request.endpoint.name, Date.now() + again);
        throw await this.toError(response, request);
      }
    }
    if (response.status < 200 || response.status >= 300) throw await this.toError(response, request);
    return { json: await this.readJson(response, request), link: response.headers.get('link') ?? undefined };
  }

  private async waitForRateLimit(request: TransportRequest): Promise<void> {
    const until = this.blockedUntil.get(request.endpoint.name);
    if (until === undefined) return;
    const waitMs = until - Date.now();
    if (waitMs <= 0) {
      this.blockedUntil.delete(request.endpoint.name);
      return;
    }
    this.options.onRateLimitWait?.({ endpoint: request.endpoint.name, waitSeconds: Math.ceil(waitMs / 1000) });
    await sleep(waitMs, request.signal);
  }

  private async sendFollowingRedirects(request: TransportRequest): Promise<FetchResponseLike> {
    let url = request.url;
    for (let hop = 0; ; hop++) {
      const response = await this.sendOnce(url, request);
      if (response.status < 300 || response.status >= 400 || response.status === 304) return response;
      const location = response.headers.get('location');
      if (!location) return response;
      const target = new URL(location, url);
      if (!this.options.isAllowedOrigin(target.origin)) {
        throw new NotSentryError(
          `${hostOf(url)} redirected to ${target.origin}, which is not the Sentry server you signed in to, so the token was not sent there. ` +
            `If ${target.origin} is your Sentry, sign in with that URL.`,
          response.status,
        );
      }
      if (hop >= MAX_SAME_ORIGIN_REDIRECTS) throw new NotSentryError(`${hostOf(url)} redirected too many times.`, response.status);
      url = target.toString();
    }
  }

  private async sendOnce(url: string, request: TransportRequest): Promise<FetchResponseLike> {
    const origin = new URL(url).origin;
    if (!this.options.isAllowedOrigin(origin)) {
      throw new NotSentryError(`Refused to send the token to ${origin}: it is not the Sentry server you signed in to.`);
    }
    if (request.signal?.aborted) throw new CancelledError();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    const onCallerAbort = () => controller.abort();
    request.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.options.token}`,
      Accept: 'application/json',
      'User-Agent': this.options.userAgent,
    };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      const response = await this.fetch(url, {
        method: request.method ?? 'GET',
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
        redirect: 'manual',
      });
      return bufferedResponse(response, await response.text());
    } catch (error) {
      if (timedOut) {
        throw new TimeoutError(`${hostOf(url)} did not answer within ${Math.round(this.options.timeoutMs / 1000)} seconds.`);
      }
      if (request.signal?.aborted) throw new CancelledError();
      throw networkError(error, url);
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  private async readJson(response: FetchResponseLike, request: TransportRequest): Promise<unknown> {
    const body = await response.text();
    if (response.status === 204 || body.length === 0) return undefined;
    const contentType = response.headers.get('content-type') ?? '';
    if (/html/i.test(contentType) || /^\s*</.test(body)) {
      throw new NotSentryError(
        `${hostOf(request.url)} answered with a web page instead of Sentry's API. Check the server URL: it should be the address you open Sentry at, such as https://sentry.io.`,
        response.status,
      );
    }
    try {
      return JSON.parse(body);
    } catch {
      throw new NotSentryError(`${hostOf(request.url)} sent a reply that is not valid JSON (${body.length} bytes), so it does not look like Sentry's API.`, response.status);
    }
  }

  private async toError(response: FetchResponseLike, request: TransportRequest): Promise<SentryApiError> {
    const status = response.status;
    const host = hostOf(request.url);
    const detail = await readDetail(response);
    const said = detail ? ` Sentry said: "${detail}".` : '';
    if (status === 401) {
      const error = new AuthError(`${host} rejected the token (401).${said} Sign in again with a valid token.`, status, detail);
      this.options.onAuthFailure?.(error);
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
}

/** Lets a response body be read more than once (error mapping reads it, JSON parsing reads it). */
function bufferedResponse(response: FetchResponseLike, body: string): FetchResponseLike {
  return { status: response.status, headers: response.headers, text: async () => body };
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

/** `Retry-After` (a proxy's, seconds or HTTP date) wins; otherwise Sentry's own reset time. */
export function rateLimitWaitMs(headers: { get(name: string): string | null }, now = Date.now()): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  const reset = Number(headers.get('x-sentry-rate-limit-reset'));
  if (headers.get('x-sentry-rate-limit-reset') && Number.isFinite(reset)) return Math.max(0, reset * 1000 - now);
  return undefined;
}

function scopeFromChallenge(header: string | null): string | undefined {
  return header?.match(/scope="([^"]+)"/)?.[1];
}

function networkError(error: unknown, url: string): NetworkError {
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

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CancelledError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
