import { Fault } from './testServerTypes';
import { ApiResponse, detailResponse, internalErrorResponse, jsonResponse, MESSAGES } from './responses';

interface ActiveFault {
  fault: Fault;
  remaining: number;
}

/** Faults waiting for requests, in injection order; each is used up after `times` matches. */
export class FaultList {
  private active: ActiveFault[] = [];

  add(fault: Fault): void {
    const times = fault.times ?? 1;
    if (!(times > 0)) {
      throw new Error(`Fault.times must be positive, got ${String(times)}`);
    }
    this.active.push({ fault, remaining: times });
  }

  clear(): void {
    this.active = [];
  }

  /** The first fault matching `pathWithQuery`, counted as used; undefined when none. */
  take(pathWithQuery: string): Fault | undefined {
    const index = this.active.findIndex((a) => a.fault.match === undefined || pathWithQuery.includes(a.fault.match));
    if (index < 0) {
      return undefined;
    }
    const entry = this.active[index];
    entry.remaining -= 1;
    if (entry.remaining <= 0) {
      this.active.splice(index, 1);
    }
    return entry.fault;
  }
}

const SIGN_IN_PAGE =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign in | Company SSO</title></head>' +
  '<body><main><h1>Sign in</h1><form method="post" action="/login"><label>Email <input name="email"></label>' +
  '<label>Password <input name="password" type="password"></label><button>Sign in</button></form></main></body></html>';

function gatewayPage(status: number, text: string): string {
  return `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

function rateLimitResponse(fault: Fault, nowMs: number): ApiResponse {
  // Rounded up: the client never sees a window that ends sooner than `resetInSeconds` from now.
  const reset = Math.ceil(nowMs / 1000 + (fault.rateLimit?.resetInSeconds ?? 1));
  const headers: Record<string, string> = {
    'X-Sentry-Rate-Limit-Limit': '40',
    'X-Sentry-Rate-Limit-Remaining': '0',
    'X-Sentry-Rate-Limit-Reset': String(reset),
  };
  if (fault.rateLimit?.retryAfterSeconds !== undefined) {
    headers['Retry-After'] = String(fault.rateLimit.retryAfterSeconds);
  }
  // Sentry's rate-limit middleware answers with a JSON *string*, not an object.
  return jsonResponse(429, MESSAGES.rateLimited, headers);
}

/** What Sentry (or the proxy in front of it) answers with `status` when no body is given. */
function defaultResponseFor(status: number): ApiResponse {
  switch (status) {
    case 401:
      return detailResponse(401, MESSAGES.invalidToken);
    case 403:
      return detailResponse(403, MESSAGES.forbidden);
    case 404:
      return detailResponse(404, MESSAGES.notFound);
    case 500:
      return internalErrorResponse();
    case 502:
      return { status, headers: { 'Content-Type': 'text/html' }, body: gatewayPage(502, 'Bad Gateway') };
    case 503:
      return { status, headers: { 'Content-Type': 'text/html' }, body: gatewayPage(503, 'Service Temporarily Unavailable') };
    case 504:
      return { status, headers: { 'Content-Type': 'text/html' }, body: gatewayPage(504, 'Gateway Time-out') };
    default:
      return detailResponse(status, `Error ${status}`);
  }
}

/**
 * The answer a fault makes instead of the normal one, or undefined when it only changes the normal
 * answer (delay, headers, link origin). `Fault.headers` are applied by the caller in both cases.
 */
export function faultResponse(fault: Fault, nowMs: number): ApiResponse | undefined {
  if (fault.html) {
    return { status: fault.status ?? 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: SIGN_IN_PAGE };
  }
  if (fault.malformedJson) {
    const body = '[{"id": "1", "shortId": "API-SERVER-1", "title": "Out of st';
    return { status: fault.status ?? 200, headers: { 'Content-Type': 'application/json' }, body };
  }
  if (fault.rateLimit || fault.status === 429) {
    const response = rateLimitResponse(fault, nowMs);
    return fault.body === undefined ? response : { ...response, body: fault.body };
  }
  if (fault.status !== undefined) {
    const response = defaultResponseFor(fault.status);
    return fault.body === undefined ? response : { ...response, body: fault.body };
  }
  if (fault.body !== undefined) {
    return { status: 200, headers: { 'Content-Type': 'application/json' }, body: fault.body };
  }
  return undefined;
}

/** The fault as a server that echoes credentials would send it: `{authorization}` in its body and headers filled in. */
export function withEchoedAuthorization(fault: Fault, authorization: string | undefined): Fault {
  if (!fault.echoAuthorization) return fault;
  const fill = (text: string): string => text.split('{authorization}').join(authorization ?? '');
  const headers = fault.headers && Object.fromEntries(Object.entries(fault.headers).map(([name, value]) => [name, fill(value)]));
  return { ...fault, body: fault.body === undefined ? undefined : fill(fault.body), headers };
}

/** A fault from the control API's JSON (`times` may be the string "Infinity"); throws on a bad shape. */
export function faultFromJson(value: unknown): Fault {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('a fault must be a JSON object');
  }
  const input = value as Record<string, unknown>;
  const fault: Fault = {};
  const str = (key: string): string | undefined => {
    const v = input[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw new Error(`${key} must be a string`);
    return v;
  };
  const num = (key: string, v: unknown = input[key]): number | undefined => {
    if (v === undefined || v === null) return undefined;
    if (v === 'Infinity') return Infinity;
    if (typeof v !== 'number' || Number.isNaN(v)) throw new Error(`${key} must be a number`);
    return v;
  };
  const bool = (key: string): boolean | undefined => {
    const v = input[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') throw new Error(`${key} must be a boolean`);
    return v;
  };
  fault.match = str('match');
  fault.status = num('status');
  fault.body = str('body');
  fault.delayMs = num('delayMs');
  fault.html = bool('html');
  fault.malformedJson = bool('malformedJson');
  fault.linkOrigin = str('linkOrigin');
  fault.times = num('times');
  fault.echoAuthorization = bool('echoAuthorization');
  const encoding = str('encoding');
  if (encoding !== undefined && encoding !== 'gzip' && encoding !== 'deflate') throw new Error('encoding must be "gzip" or "deflate"');
  fault.encoding = encoding;
  fault.corruptEncoding = bool('corruptEncoding');
  fault.stallAfterBytes = num('stallAfterBytes');
  fault.closeAfterBytes = num('closeAfterBytes');
  fault.chunked = bool('chunked');
  const headers = input.headers;
  if (headers !== undefined && headers !== null) {
    if (typeof headers !== 'object' || Array.isArray(headers)) throw new Error('headers must be an object');
    fault.headers = {};
    for (const [name, v] of Object.entries(headers)) {
      if (typeof v !== 'string') throw new Error(`header ${name} must be a string`);
      fault.headers[name] = v;
    }
  }
  const rateLimit = input.rateLimit;
  if (rateLimit !== undefined && rateLimit !== null) {
    if (typeof rateLimit !== 'object' || Array.isArray(rateLimit)) throw new Error('rateLimit must be an object');
    const limits = rateLimit as Record<string, unknown>;
    fault.rateLimit = {
      resetInSeconds: num('rateLimit.resetInSeconds', limits.resetInSeconds),
      retryAfterSeconds: num('rateLimit.retryAfterSeconds', limits.retryAfterSeconds),
    };
  }
  for (const key of Object.keys(fault) as Array<keyof Fault>) {
    if (fault[key] === undefined) delete fault[key];
  }
  if (fault.times !== undefined && !(fault.times > 0)) throw new Error('times must be positive');
  return fault;
}
