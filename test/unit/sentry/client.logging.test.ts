import * as assert from 'node:assert/strict';
import { SentryClient } from '../../../src/sentry/api/client';
import { NetworkError } from '../../../src/sentry/http/errors';
import type { Logger } from '../../../src/sentry/http/logger';
import { logLine } from '../../../src/sentry/http/logLine';
import { SentryTestServer, startSentryTestServer } from '../../server/sentryTestServer';

const TOKEN = 'logging-test-token-0123456789';

/** A logger that keeps each line as the output channel would get it (through `logLine`). */
class RecordingLogger implements Logger {
  readonly lines: Array<{ level: string; text: string }> = [];
  debug = (message: string, ...details: unknown[]) => this.lines.push({ level: 'debug', text: logLine(message, details) });
  info = (message: string, ...details: unknown[]) => this.lines.push({ level: 'info', text: logLine(message, details) });
  warn = (message: string, ...details: unknown[]) => this.lines.push({ level: 'warn', text: logLine(message, details) });
  error = (message: string, ...details: unknown[]) => this.lines.push({ level: 'error', text: logLine(message, details) });
}

describe('SentryClient: the request log', () => {
  let server: SentryTestServer;

  before(async () => {
    server = await startSentryTestServer({ port: 0, tokens: { [TOKEN]: ['org:read', 'project:read', 'event:read'] } });
  });
  after(() => server.close());
  beforeEach(() => server.reset());

  it('logs each request as method, path, status, time and whether the cache answered, never the token', async () => {
    const logger = new RecordingLogger();
    const client = new SentryClient({ baseUrl: server.url, token: TOKEN, logger });
    await client.listOrganizations();
    await client.listOrganizations();
    assert.equal(logger.lines.length, 2);
    assert.match(logger.lines[0].text, /^GET 127\.0\.0\.1:\d+\/api\/0\/organizations\/ 200 \d+ ms \(network\)$/);
    assert.match(logger.lines[1].text, /^GET 127\.0\.0\.1:\d+\/api\/0\/organizations\/ 200 \d+ ms \(cache hit\)$/);
    assert.ok(logger.lines.every((line) => line.level === 'debug' && !line.text.includes(TOKEN)));
  });

  it('logs a failed request as a warning with its status and the error', async () => {
    const logger = new RecordingLogger();
    const client = new SentryClient({ baseUrl: server.url, token: TOKEN, logger });
    server.inject({ match: '/organizations/', status: 500, body: '{"detail": "Internal Error", "errorId": "abc"}' });
    await assert.rejects(client.listOrganizations());
    assert.equal(logger.lines.length, 1);
    assert.equal(logger.lines[0].level, 'warn');
    assert.match(logger.lines[0].text, /^GET \S+\/api\/0\/organizations\/ 500 \d+ ms \(network\) ServerError: .*internal error \(500\)/);
  });

  it('keeps what went wrong underneath a network error as its cause, and the log shows it', async () => {
    const logger = new RecordingLogger();
    const client = new SentryClient({ baseUrl: 'http://127.0.0.1:1', token: TOKEN, logger, timeoutMs: 5_000 });
    const error = await client.listOrganizations().then(
      () => assert.fail('expected a failure'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof NetworkError);
    assert.ok(error.cause instanceof Error, 'the underlying error is kept');
    assert.match(logger.lines[0].text, /Caused by: .*ECONNREFUSED/);
  });
});
