import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

import { demoServerData } from '../fixtures/demo';
import { DEFAULT_TOKENS } from './auth';
import { CONTROL_PREFIX, handleControl } from './controlRoutes';
import { DataStore } from './dataStore';
import { deliver } from './bodyDelivery';
import { FaultList, faultResponse, withEchoedAuthorization } from './faults';
import { RateLimitWindows } from './rateLimits';
import { Site } from './requestContext';
import { EnforcedRateLimits } from './enforcedRateLimits';
import { realismOf } from './realism';
import { realisticServerData } from './realisticData';
import { detailResponse } from './responses';
import { route } from './router';
import { Fault, RecordedRequest, SentryTestServer, TestServerOptions } from './testServerTypes';

export { DEFAULT_TOKENS, ORG_CI_TOKEN } from './auth';
export type { Fault, RecordedRequest, SentryTestServer, TestServerOptions } from './testServerTypes';
export type { ServerData } from './serverData';

const MAX_BODY_BYTES = 1024 * 1024;

function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function queryRecord(params: URLSearchParams): Record<string, string[]> {
  const record: Record<string, string[]> = {};
  for (const [key, value] of params) {
    (record[key] ??= []).push(value);
  }
  return record;
}

/** Same endpoint for the rate-limit window: ids and slugs folded away, per caller. */
function rateLimitKey(method: string, path: string, authorization: string | undefined): string {
  return `${authorization ?? ''} ${method} ${path.replace(/\/[^/]*\d[^/]*(?=\/)/g, '/*')}`;
}

/** Starts a Sentry-compatible API server (see test/server/README.md). */
export async function startSentryTestServer(options: TestServerOptions = {}): Promise<SentryTestServer> {
  const host = options.host ?? '127.0.0.1';
  const tokens = options.tokens ?? DEFAULT_TOKENS;
  const realism = options.realistic ? realismOf(options.realistic) : undefined;
  const store = new DataStore(options.data ?? (realism ? realisticServerData() : demoServerData()));
  const faults = new FaultList();
  const rateLimits = new RateLimitWindows();
  const enforced = realism && new EnforcedRateLimits(realism);
  const requests: RecordedRequest[] = [];
  const pendingDelays = new Set<() => void>();
  const site: Site = {
    url: '',
    linkOrigin: '',
    regionUrls: options.regionUrls ?? {},
    servesOrgs: options.servesOrgs,
    realism,
  };

  const api: SentryTestServer = {
    url: '',
    requests,
    get rateLimited() {
      return enforced?.refusals ?? 0;
    },
    inject: (fault: Fault) => faults.add(fault),
    reset: () => {
      faults.clear();
      requests.length = 0;
      store.reset();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const cancel of [...pendingDelays]) cancel();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };

  /** Waits `ms`; false when the client went away or the server closed meanwhile. */
  function delay(ms: number, response: ServerResponse): Promise<boolean> {
    return new Promise((resolve) => {
      const finish = (ok: boolean): void => {
        clearTimeout(timer);
        pendingDelays.delete(cancel);
        response.off('close', cancel);
        resolve(ok);
      };
      const cancel = (): void => finish(false);
      const timer = setTimeout(() => finish(!response.destroyed), ms);
      pendingDelays.add(cancel);
      response.on('close', cancel);
    });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'http://test-server.invalid');
    const body = await readBody(request);
    if (body === undefined) {
      deliver(response, detailResponse(413, 'Request body too large'));
      return;
    }
    if (url.pathname.startsWith(CONTROL_PREFIX)) {
      deliver(response, handleControl(method, url.pathname, body, api));
      return;
    }
    const authorization = request.headers.authorization;
    const recorded: RecordedRequest = {
      method,
      path: url.pathname,
      query: queryRecord(url.searchParams),
      ...(authorization !== undefined ? { authorization } : {}),
      ...(request.headers.host !== undefined ? { host: request.headers.host } : {}),
    };
    requests.push(recorded);

    // Realistic mode: Sentry's limiter runs first, and the request counts as running until answered.
    const admission = enforced?.admit(rateLimitKey(method, url.pathname, authorization), Date.now());
    try {
      if (admission?.refused) {
        deliver(response, admission.refused);
        return;
      }
      if (realism && realism.latencyMs > 0 && !(await delay(realism.latencyMs, response))) {
        return;
      }
      await respond(response, { method, url, body, authorization, limits: admission?.headers, abandoned: () => request.destroyed, recorded });
    } finally {
      admission?.done();
    }
  }

  /** Faults, then the route; `limits` are the realistic limiter's headers, else the advisory ones. */
  async function respond(
    response: ServerResponse,
    {
      method,
      url,
      body,
      authorization,
      limits,
      abandoned,
      recorded,
    }: { method: string; url: URL; body: string; authorization?: string; limits?: Record<string, string>; abandoned: () => boolean; recorded: RecordedRequest },
  ): Promise<void> {
    const taken = faults.take(url.pathname + url.search);
    const fault = taken && withEchoedAuthorization(taken, authorization);
    if (fault?.delayMs !== undefined && fault.delayMs > 0 && !(await delay(fault.delayMs, response))) {
      if (response.destroyed || abandoned()) recorded.abandoned = true;
      return;
    }
    const answer =
      (fault && faultResponse(fault, Date.now())) ??
      route({
        method,
        path: url.pathname,
        query: url.searchParams,
        body,
        store,
        site: fault?.linkOrigin ? { ...site, linkOrigin: fault.linkOrigin } : site,
        authorization,
        tokens,
      });
    const limitHeaders = limits ?? rateLimits.headersFor(rateLimitKey(method, url.pathname, authorization), Date.now());
    deliver(response, { ...answer, headers: { ...limitHeaders, ...answer.headers } }, fault, fault?.headers);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('sentry test server: request failed:', error);
      deliver(response, detailResponse(500, 'Internal Error'));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  api.url = url;
  site.url = url;
  site.linkOrigin = options.linkOrigin ?? url;
  return api;
}
