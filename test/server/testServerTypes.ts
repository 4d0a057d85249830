import { RealismOptions } from './realism';
import { ServerData } from './serverData';

/** A planned misbehaviour. Faults apply before routing (and before auth), in the order injected. */
export interface Fault {
  /** Substring of the request path (or of path + query); absent = every request. */
  match?: string;
  /** Respond with this status (and Sentry's body for it unless `body` is given). */
  status?: number;
  /** Raw body. */
  body?: string;
  /** Extra headers; on a normal answer they override its own (e.g. `Link`). */
  headers?: Record<string, string>;
  /** Wait before answering. Without `status` (or another answer kind) the normal answer is delayed. */
  delayMs?: number;
  /** Answer 200 text/html with a sign-in page (a reverse proxy or a wrong URL). */
  html?: boolean;
  /** Answer 200 application/json with a cut-off body. */
  malformedJson?: boolean;
  /** 429 with Sentry's JSON-string body, `X-Sentry-Rate-Limit-Reset` = now + reset, `Retry-After` only if given. */
  rateLimit?: { resetInSeconds?: number; retryAfterSeconds?: number };
  /** Answer normally, but with `Link` URLs on this origin (e.g. `http://evil.example.test`). */
  linkOrigin?: string;
  /** Replace `{authorization}` in `body` and `headers` with the request's Authorization header (a server that echoes credentials). */
  echoAuthorization?: boolean;
  /** Send the body with this Content-Encoding. */
  encoding?: 'gzip' | 'deflate';
  /** With `encoding`: damage the compressed bytes after their header, as a broken proxy would. */
  corruptEncoding?: boolean;
  /** Send the headers (with the whole body's Content-Length) and this many body bytes, then fall silent with the connection open. */
  stallAfterBytes?: number;
  /** Send the headers (with the whole body's Content-Length) and this many body bytes, then close the connection. */
  closeAfterBytes?: number;
  /** Send the body in chunks, without a Content-Length (with `closeAfterBytes`: the last chunk never comes). */
  chunked?: boolean;
  /** How many matching requests it applies to (default 1; `Infinity` allowed). */
  times?: number;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string[]>;
  authorization?: string;
  host?: string;
  /** The client hung up before the answer (an aborted request), while a `delayMs` fault held it. */
  abandoned?: boolean;
}

export interface TestServerOptions {
  /** 0 (default) = a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default: the demo data (test/fixtures/demo). */
  data?: ServerData;
  /** token → scopes. Default `DEFAULT_TOKENS`. */
  tokens?: Record<string, string[]>;
  /** org slug → `links.regionUrl` to advertise (default: this server's URL). */
  regionUrls?: Record<string, string>;
  /** When set, org-scoped endpoints of other organizations answer 404, like a wrong region silo. */
  servesOrgs?: string[];
  /** Origin used in `Link` headers instead of this server's URL (to prove tokens never leave the origin). */
  linkOrigin?: string;
  /**
   * Behave like sentry.io for the download benchmark (see realism.ts): added latency, enforced rate
   * limits with real 429s, a few full events per page, the 90-day default event window. Off by
   * default; without `data` it serves the realistic data set (realisticData.ts).
   */
  realistic?: RealismOptions | true;
}

export interface SentryTestServer {
  /** `http://host:port`, no trailing slash. */
  url: string;
  /** Every API request received, oldest first (control routes are not recorded). */
  requests: RecordedRequest[];
  /** 429s the realistic mode's limiter sent (injected faults not counted). */
  readonly rateLimited: number;
  inject(fault: Fault): void;
  /** Clears faults and recorded requests, and undoes issue updates (PUT). */
  reset(): void;
  close(): Promise<void>;
}
