import { AuthError, CancelledError, NotSentryError, TimeoutError, withCause } from './errors';
import { nodeFetchAdapter } from './nodeFetchAdapter';
import { formatWait, rateLimitWaitMs, sleep } from './rateLimit';
import { RateLimitHeaders, readRateLimitHeaders } from './rateLimitHeaders';
import { ResponseBodyFailure } from './responseBodyFailure';
import { hostOf, networkError, responseError, unreadableResponse } from './responseErrors';
import { RequestSignals } from './requestSignals';
import { registerSecret } from './secretRedaction';
import { timerSafe } from './timerLimits';

export interface FetchResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  /** The whole body. A body is read once: by `text()` or by `chunks()`. */
  text(): Promise<string>;
  /** The body as it arrives; without it, a streamed read gets the whole text as one piece. */
  chunks?(): AsyncIterable<Uint8Array>;
  /** Stops reading a body that is no longer wanted; the transport then aborts the request's signal, which lets its connection go. */
  cancel?(): void;
}

export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  redirect: 'manual';
  /** Longest silence while the body arrives; a fetch that honours it fails with a `ResponseBodyFailure`. */
  bodyIdleTimeoutMs?: number;
}

export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponseLike>;

/** A kind of request: its name keys rate-limit state. */
export interface Endpoint {
  name: string;
  /**
   * The scope Sentry's API documents for it. Not used to explain a 403: that names only the scope
   * the server itself names, since a guess from here is wrong whenever the server wants another.
   */
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
  status: number;
  json: unknown;
  link?: string;
  /** `X-Hits`: how many items the whole list holds, when Sentry counted them (issue searches do). */
  hits?: number;
  /** `X-Max-Hits`: the count Sentry stops counting at (`hits` equal to it means "at least"). */
  maxHits?: number;
  /** Sentry's `X-Sentry-Rate-Limit-*` headers, when the answer carried them. */
  rateLimit?: RateLimitHeaders;
}

/** What the reader of a streamed answer learns before its body. */
export interface ResponseHead {
  status: number;
  link?: string;
  rateLimit?: RateLimitHeaders;
}

/**
 * Reads a successful answer's body as it arrives; what it returns, `stream` returns. An error it
 * throws reaches the caller as it is; a failure of the body itself (cut off, silent, timed out,
 * cancelled) reaches it as the transport's typed error.
 */
export type BodyReader<T> = (body: AsyncIterable<Uint8Array>, head: ResponseHead) => Promise<T>;

export interface RateLimitNotice {
  endpoint: string;
  waitSeconds: number;
}

export interface TransportOptions {
  token: string;
  fetch?: FetchLike;
  /** Longest time for a whole exchange, headers and body. */
  timeoutMs: number;
  /** Longest silence while an answer's body arrives before it counts as cut off. */
  bodyIdleTimeoutMs: number;
  /**
   * Longest wait for a rate limit to reset before giving up and telling the user until when; also
   * the longest an endpoint is held back for a later request.
   */
  maxRateLimitWaitMs: number;
  isAllowedOrigin(origin: string): boolean;
  onRateLimitWait?(notice: RateLimitNotice): void;
  onAuthFailure?(error: AuthError): void;
  userAgent: string;
}

const MAX_SAME_ORIGIN_REDIRECTS = 3;

/**
 * Sends one request with the bearer token, and turns every way it can fail into a typed error. The
 * token is registered for redaction, so no message or detail built from a server's answer shows it.
 */
export class HttpTransport {
  private readonly fetch: FetchLike;
  private readonly maxWaitMs: number;
  /** Per endpoint, until when its requests hold back: never further ahead than `maxWaitMs`. */
  private readonly blockedUntil = new Map<string, number>();
  private readonly signals = new RequestSignals();

  constructor(private readonly options: TransportOptions) {
    this.fetch = options.fetch ?? nodeFetchAdapter;
    this.maxWaitMs = timerSafe(options.maxRateLimitWaitMs);
    registerSecret(options.token);
  }

  async send(request: TransportRequest): Promise<TransportResponse> {
    const { response } = await this.exchange(request);
    return {
      status: response.status,
      json: await this.readJson(response, request),
      link: response.headers.get('link') ?? undefined,
      hits: countHeader(response.headers.get('x-hits')),
      maxHits: countHeader(response.headers.get('x-max-hits')),
      rateLimit: readRateLimitHeaders(response.headers),
    };
  }

  /**
   * Like `send`, with the same origin, redirect, rate-limit and error rules, but a successful
   * answer's body goes to `read` as it arrives instead of being held whole; an answer that is not a
   * success is read and reported as `send` reports it.
   */
  async stream<T>(request: TransportRequest, read: BodyReader<T>): Promise<T> {
    const { read: result } = await this.exchange(request, read);
    if (!result) throw new NotSentryError(`${hostOf(request.url)} sent an answer that could not be read.`);
    return result.value;
  }

  /** Sends with the token; waits out a rate limit once; throws for anything but a success. */
  private async exchange<T>(request: TransportRequest, read?: BodyReader<T>): Promise<Exchange<T>> {
    await this.waitForRateLimit(request);
    let answer = await this.sendFollowingRedirects(request, read);
    if (answer.response.status === 429) {
      await this.waitOutRateLimit(answer.response, request);
      answer = await this.sendFollowingRedirects(request, read);
      if (answer.response.status === 429) {
        this.holdBack(request, rateLimitWaitMs(answer.response.headers));
        throw await responseError(answer.response, request, this.options.onAuthFailure);
      }
    }
    if (answer.response.status < 200 || answer.response.status >= 300) throw await responseError(answer.response, request, this.options.onAuthFailure);
    return answer;
  }

  /** A request that finds its endpoint held back waits for the rest of that time (cancellable). */
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

  /**
   * After a 429: a reset within the cap is waited for, once, holding the endpoint back meanwhile. A
   * longer one (a day, a month) fails at once saying until when, and holds the endpoint back only
   * for the cap, so that a later Retry asks Sentry again. A request that has given up holds nothing back.
   */
  private async waitOutRateLimit(response: FetchResponseLike, request: TransportRequest): Promise<void> {
    const waitMs = rateLimitWaitMs(response.headers);
    if (waitMs === undefined || waitMs > this.maxWaitMs) {
      this.holdBack(request, waitMs);
      throw await responseError(response, request, this.options.onAuthFailure);
    }
    const until = this.holdBack(request, waitMs);
    this.options.onRateLimitWait?.({ endpoint: request.endpoint.name, waitSeconds: Math.ceil(waitMs / 1000) });
    try {
      await sleep(waitMs, request.signal);
    } catch (error) {
      if (this.blockedUntil.get(request.endpoint.name) === until) this.blockedUntil.delete(request.endpoint.name);
      throw error;
    }
  }

  /** Holds the endpoint back for `waitMs`, at most the cap; returns until when. */
  private holdBack(request: TransportRequest, waitMs: number | undefined): number | undefined {
    if (request.signal?.aborted) throw new CancelledError();
    if (waitMs === undefined) return undefined;
    const until = Date.now() + Math.min(waitMs, this.maxWaitMs);
    this.blockedUntil.set(request.endpoint.name, until);
    return until;
  }

  private async sendFollowingRedirects<T>(request: TransportRequest, read?: BodyReader<T>): Promise<Exchange<T>> {
    let url = request.url;
    for (let hop = 0; ; hop++) {
      const answer = await this.sendOnce(url, request, read);
      const response = answer.response;
      if (response.status < 300 || response.status >= 400 || response.status === 304) return answer;
      const location = response.headers.get('location');
      if (!location) return answer;
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

  private async sendOnce<T>(url: string, request: TransportRequest, read?: BodyReader<T>): Promise<Exchange<T>> {
    const origin = new URL(url).origin;
    if (!this.options.isAllowedOrigin(origin)) {
      throw new NotSentryError(`Refused to send the token to ${origin}: it is not the Sentry server you signed in to.`);
    }
    if (request.signal?.aborted) throw new CancelledError();
    const controller = this.signals.take();
    let timedOut = false;
    let answered: number | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timerSafe(this.options.timeoutMs));
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
        bodyIdleTimeoutMs: this.options.bodyIdleTimeoutMs,
      });
      answered = response.status;
      if (read && response.status >= 200 && response.status < 300) return { response, read: { value: await this.readStreamed(response, url, read, controller) } };
      return { response: bufferedResponse(response, await response.text()) };
    } catch (error) {
      if (error instanceof ReaderFailure) throw error.cause;
      const limit = formatWait(this.options.timeoutMs);
      if (timedOut && answered === undefined) throw withCause(new TimeoutError(`${hostOf(url)} did not answer within ${limit}.`), error);
      if (timedOut) throw withCause(new TimeoutError(`${hostOf(url)} began to answer but had not finished after ${limit}.`), error);
      if (request.signal?.aborted) throw new CancelledError();
      if (error instanceof ResponseBodyFailure) throw unreadableResponse(error, url, answered);
      throw networkError(error, url);
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onCallerAbort);
      this.signals.giveBack(controller);
    }
  }

  /** Hands the body to `read` as it arrives, telling its failures apart from the reader's own. */
  private async readStreamed<T>(response: FetchResponseLike, url: string, read: BodyReader<T>, controller: AbortController): Promise<T> {
    let finished = false;
    let bodyFailure: { error: unknown } | undefined;
    const pieces = (response.chunks?.() ?? wholeText(response))[Symbol.asyncIterator]();
    // A plain iterator over the body's own, not an async generator around it: measured over a
    // download's thousands of pages, a generator re-yielding each piece left twice as many bytes
    // alive after V8's young collections, and the process megabytes larger.
    const body: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => ({
        next: () =>
          pieces.next().then(
            (result) => {
              if (result.done) finished = true;
              return result;
            },
            (error: unknown) => {
              bodyFailure = { error };
              throw error;
            },
          ),
        return: async () => {
          await pieces.return?.();
          return { done: true, value: undefined };
        },
      }),
    };
    try {
      if (/html/i.test(response.headers.get('content-type') ?? '')) throw new ReaderFailure(webPageError(url, response.status));
      const head = { status: response.status, link: response.headers.get('link') ?? undefined, rateLimit: readRateLimitHeaders(response.headers) };
      return await read(body, head);
    } catch (error) {
      if (error instanceof ReaderFailure || (bodyFailure && error === bodyFailure.error)) throw error;
      throw new ReaderFailure(error);
    } finally {
      if (!finished) {
        response.cancel?.();
        controller.abort();
      }
    }
  }

  private async readJson(response: FetchResponseLike, request: TransportRequest): Promise<unknown> {
    const body = await response.text();
    if (response.status === 204 || body.length === 0) return undefined;
    const contentType = response.headers.get('content-type') ?? '';
    if (/html/i.test(contentType) || /^\s*</.test(body)) throw webPageError(request.url, response.status);
    try {
      return JSON.parse(body);
    } catch (error) {
      throw withCause(
        new NotSentryError(`${hostOf(request.url)} sent a reply that is not valid JSON (${body.length} bytes), so it does not look like Sentry's API.`, response.status),
        error,
      );
    }
  }
}

function countHeader(value: string | null): number | undefined {
  if (value === null || !/^\s*\d{1,15}\s*$/.test(value)) return undefined;
  return Number(value);
}

/** An answer, and what a streamed read made of its body when it was a success. */
interface Exchange<T> {
  response: FetchResponseLike;
  read?: { value: T };
}

/** An error of a body reader, carried past the mapping of network failures. */
class ReaderFailure extends Error {
  constructor(override readonly cause: unknown) {
    super('body reader failed');
  }
}

async function* wholeText(response: FetchResponseLike): AsyncGenerator<Uint8Array> {
  yield Buffer.from(await response.text(), 'utf8');
}

function webPageError(url: string, status: number): NotSentryError {
  return new NotSentryError(
    `${hostOf(url)} answered with a web page instead of Sentry's API. Check the server URL: it should be the address you open Sentry at, such as https://sentry.io.`,
    status,
  );
}

/** Lets a response body be read more than once (error mapping reads it, JSON parsing reads it). */
function bufferedResponse(response: FetchResponseLike, body: string): FetchResponseLike {
  return { status: response.status, headers: response.headers, text: async () => body };
}

