import * as assert from 'node:assert/strict';
import { rateLimitWaitMs } from '../../../src/sentry/rateLimit';

const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name.toLowerCase()] ?? null });

describe('rateLimitWaitMs', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');

  it('waits until X-Sentry-Rate-Limit-Reset (epoch seconds), as sentry.io sends no Retry-After', () => {
    assert.equal(rateLimitWaitMs(headers({ 'x-sentry-rate-limit-reset': String(now / 1000 + 7) }), now), 7000);
  });
  it('prefers a proxy\'s Retry-After, in seconds or as an HTTP date', () => {
    assert.equal(rateLimitWaitMs(headers({ 'retry-after': '3', 'x-sentry-rate-limit-reset': String(now / 1000 + 60) }), now), 3000);
    assert.equal(rateLimitWaitMs(headers({ 'retry-after': 'Mon, 23 Nov 2026 12:00:05 GMT' }), now), 5000);
  });
  it('never waits a negative time, and says nothing when nothing says when', () => {
    assert.equal(rateLimitWaitMs(headers({ 'x-sentry-rate-limit-reset': String(now / 1000 - 5) }), now), 0);
    assert.equal(rateLimitWaitMs(headers({}), now), undefined);
    assert.equal(rateLimitWaitMs(headers({ 'x-sentry-rate-limit-reset': 'soon' }), now), undefined);
  });
});
