import * as assert from 'node:assert/strict';
import { CancelledError } from '../../../src/sentry/http/errors';
import { formatUntil, formatWait, rateLimitWaitMs, sleep } from '../../../src/sentry/http/rateLimit';
import { MAX_TIMER_MS, timerSafe } from '../../../src/sentry/http/timerLimits';

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
    assert.equal(rateLimitWaitMs(headers({ 'retry-after': '-30' }), now), 0);
    assert.equal(rateLimitWaitMs(headers({ 'retry-after': 'Mon, 23 Nov 2026 11:00:00 GMT' }), now), 0);
    assert.equal(rateLimitWaitMs(headers({}), now), undefined);
    assert.equal(rateLimitWaitMs(headers({ 'x-sentry-rate-limit-reset': 'soon' }), now), undefined);
    assert.equal(rateLimitWaitMs(headers({ 'retry-after': '', 'x-sentry-rate-limit-reset': ' ' }), now), undefined);
  });
  it('takes an absurd Retry-After as at most a year, so that the time it names stays a date', () => {
    const year = 366 * 24 * 3600 * 1000;
    for (const value of ['1e20', '99999999999999999999', 'Fri, 31 Dec 9999 23:59:59 GMT']) {
      const waitMs = rateLimitWaitMs(headers({ 'retry-after': value }), now);
      assert.equal(waitMs, year, value);
      assert.ok(!Number.isNaN(new Date(now + (waitMs ?? 0)).getTime()));
    }
  });
});

describe('sleep', () => {
  it('never hands setTimeout a delay it would overflow (which fires at once with a warning), and stays cancellable', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const controller = new AbortController();
      let settled = false;
      const month = sleep(30 * 24 * 3600 * 1000, controller.signal).finally(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(settled, false, 'a month is not over in 50 ms');
      controller.abort();
      await assert.rejects(month, CancelledError);
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(warnings.map((w) => w.name), []);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('clamps any delay into what setTimeout can hold', () => {
    assert.deepEqual([timerSafe(-5), timerSafe(Number.NaN), timerSafe(1500), timerSafe(2 ** 40), timerSafe(Infinity)], [0, 0, 1500, MAX_TIMER_MS, MAX_TIMER_MS]);
    assert.equal(MAX_TIMER_MS, 2 ** 31 - 1);
  });

  it('rejects at once for a signal that has already given up', async () => {
    await assert.rejects(sleep(10, AbortSignal.abort()), CancelledError);
  });
});

describe('formatUntil (local time) and formatWait', () => {
  const now = new Date(2026, 10, 23, 9, 30, 0);

  it('says the clock time alone when it is today, rounded up to the minute', () => {
    assert.equal(formatUntil(new Date(2026, 10, 23, 14, 5, 0), now), '14:05');
    assert.equal(formatUntil(new Date(2026, 10, 23, 14, 4, 1), now), '14:05');
    assert.equal(formatUntil(new Date(2026, 10, 23, 9, 7, 0), now), '09:07');
  });

  it('adds the date when it is not today', () => {
    assert.equal(formatUntil(new Date(2026, 10, 24, 9, 30, 0), now), '2026-11-24 09:30');
    assert.equal(formatUntil(new Date(2026, 11, 23, 0, 0, 0), now), '2026-12-23 00:00');
    assert.equal(formatUntil(new Date(2026, 10, 23, 23, 59, 30), now), '2026-11-24 00:00', 'rounding up may cross midnight');
  });

  it('says how long in the largest readable unit', () => {
    assert.equal(formatWait(1), '1 second');
    assert.equal(formatWait(45_000), '45 seconds');
    assert.equal(formatWait(3 * 60_000), '3 minutes');
    assert.equal(formatWait(5 * 3600_000), '5 hours');
    assert.equal(formatWait(24 * 3600_000), '24 hours');
    assert.equal(formatWait(30 * 24 * 3600_000), '30 days');
  });
});
