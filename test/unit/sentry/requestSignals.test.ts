import * as assert from 'node:assert/strict';
import { globalAgent } from 'node:http';
import { CancelledError, TimeoutError } from '../../../src/sentry/http/errors';
import { nodeFetchAdapter } from '../../../src/sentry/http/nodeFetchAdapter';
import { RequestSignals } from '../../../src/sentry/http/requestSignals';
import { HttpTransport } from '../../../src/sentry/http/transport';
import { DEMO } from '../../fixtures/demo';
import { SentryTestServer, startSentryTestServer } from '../../server/sentryTestServer';

const ORG = DEMO.organizations.demo.slug;
const BULK = DEMO.issues.redisBulk;
const EVENTS_PATH = `/issues/${BULK.id}/events/`;

describe('HttpTransport: the abort signal each request is sent with', () => {
  let server: SentryTestServer;
  let signals: AbortSignal[];

  before(async () => {
    server = await startSentryTestServer();
  });
  after(() => server.close());
  beforeEach(() => {
    server.reset();
    signals = [];
  });

  /** The transport over real HTTP, through the extension's own fetch, noting the signal of every request. */
  function transport(timeoutMs = 20_000): HttpTransport {
    return new HttpTransport({
      token: DEMO.tokens.full,
      timeoutMs,
      bodyIdleTimeoutMs: 2_000,
      maxRateLimitWaitMs: 5_000,
      isAllowedOrigin: (origin) => origin === new URL(server.url).origin,
      userAgent: 'test',
      fetch: (url, init) => {
        if (init.signal) signals.push(init.signal);
        return nodeFetchAdapter(url, init);
      },
    });
  }

  const events = () => ({ url: `${server.url}/api/0/organizations/${ORG}/issues/${BULK.id}/events/?full=true&per_page=100`, endpoint: { name: 'events', scope: 'event:read' } });
  const projects = () => ({ url: `${server.url}/api/0/organizations/${ORG}/projects/`, endpoint: { name: 'projects', scope: 'project:read' } });
  const readAll = async (body: AsyncIterable<Uint8Array>) => {
    let bytes = 0;
    for await (const chunk of body) bytes += chunk.length;
    return bytes;
  };
  const busySockets = () => Object.values(globalAgent.sockets).reduce((sum, list) => sum + (list?.length ?? 0), 0);

  it('requests that end cleanly, one after another, are all sent with the same signal', async () => {
    const t = transport();
    await t.send(projects());
    assert.ok((await t.stream(events(), readAll)) > 100_000);
    await t.send(projects());
    assert.ok((await t.stream(events(), readAll)) > 100_000);
    assert.equal(signals.length, 4);
    assert.equal(new Set(signals).size, 1);
    assert.equal(signals[0].aborted, false);
  });

  it('requests running at once each have their own: cancelling one leaves the other to finish', async () => {
    const t = transport();
    server.inject({ match: EVENTS_PATH, delayMs: 1_000 });
    const caller = new AbortController();
    const slow = t.stream({ ...events(), signal: caller.signal }, readAll);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const other = t.send(projects());
    caller.abort();
    await assert.rejects(slow, CancelledError);
    await other;
    assert.equal(signals.length, 2);
    assert.notEqual(signals[0], signals[1]);
    assert.equal(signals[1].aborted, false);
  });

  it('a signal once aborted is never sent again: after a cancel, a reader that stops early, a timeout', async () => {
    const t = transport(300);
    server.inject({ match: EVENTS_PATH, delayMs: 2_000 });
    const caller = new AbortController();
    setTimeout(() => caller.abort(), 100);
    await assert.rejects(t.stream({ ...events(), signal: caller.signal }, readAll), CancelledError);
    assert.equal(await t.stream(events(), async () => 'stopped after the head'), 'stopped after the head');
    server.inject({ match: EVENTS_PATH, delayMs: 1_000 });
    await assert.rejects(t.stream(events(), readAll), TimeoutError);
    assert.ok((await t.stream(events(), readAll)) > 100_000);
    assert.deepEqual(
      signals.map((signal) => signal.aborted),
      [true, true, true, false],
    );
    assert.equal(new Set(signals).size, 4);
  });

  it('a reader that stops early ends its request, so its connection is not held by an answer nobody reads', async () => {
    const t = transport();
    server.inject({ match: EVENTS_PATH, stallAfterBytes: 20_000 });
    const first = await t.stream(events(), async (body) => {
      for await (const chunk of body) return chunk.length;
      return 0;
    });
    assert.ok(first > 0);
    for (let waited = 0; busySockets() > 0 && waited < 1_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(busySockets(), 0, 'the stalled answer still holds its connection');
  });
});

describe('RequestSignals', () => {
  it('hands a signal out again only when it was not aborted and nothing listens to it any more', () => {
    const signals = new RequestSignals();
    const clean = signals.take();
    signals.giveBack(clean);
    assert.equal(signals.take(), clean);

    const listened = signals.take();
    const listener = () => undefined;
    listened.signal.addEventListener('abort', listener);
    signals.giveBack(listened);
    const next = signals.take();
    assert.notEqual(next, listened);

    next.abort();
    signals.giveBack(next);
    assert.notEqual(signals.take(), next);
  });
});
