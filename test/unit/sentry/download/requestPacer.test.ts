import * as assert from 'node:assert/strict';
import { RequestPacer } from '../../../../src/sentry/download/requestPacer';

const OPTIONS = { maxConcurrency: 8, defaultConcurrency: 3, maxRateWaitMs: 60_000 };

describe('RequestPacer', () => {
  const signal = new AbortController().signal;

  it('sends one request first, then as many at once as the server advertises room for, keeping one for others', async () => {
    const pacer = new RequestPacer(OPTIONS);
    const first = await pacer.acquire(signal);
    assert.equal(pacer.allowedConcurrency, 1);
    first.observe({ concurrentLimit: 25, concurrentRemaining: 24, limit: 40, remaining: 39, resetAtMs: Date.now() + 1000 });
    first.release();
    assert.equal(pacer.allowedConcurrency, 8, 'capped at the most it ever runs');
    const small = new RequestPacer(OPTIONS);
    const slot = await small.acquire(signal);
    slot.observe({ concurrentLimit: 3, concurrentRemaining: 2 });
    slot.release();
    assert.equal(small.allowedConcurrency, 2);
  });

  it('uses the small default when the server sends no rate-limit headers (self-hosted)', async () => {
    const pacer = new RequestPacer(OPTIONS);
    const slot = await pacer.acquire(signal);
    slot.observe(undefined);
    slot.release();
    assert.equal(pacer.allowedConcurrency, 3);
    const slots = await Promise.all([pacer.acquire(signal), pacer.acquire(signal), pacer.acquire(signal)]);
    let fourth = false;
    const waiting = pacer.acquire(signal).then((s) => {
      fourth = true;
      return s;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(fourth, false, 'a fourth waits for a slot');
    slots[0].release();
    (await waiting).release();
    assert.equal(fourth, true);
  });

  it('stops one short of the window\'s remaining requests and waits for its reset', async () => {
    let now = 1_000_000;
    const pacer = new RequestPacer(OPTIONS, () => now);
    const slot = await pacer.acquire(signal);
    slot.observe({ limit: 10, remaining: 2, resetAtMs: now + 80, concurrentRemaining: 5 });
    slot.release();
    (await pacer.acquire(signal)).release();
    const started = Date.now();
    const waiting = pacer.acquire(signal);
    setTimeout(() => (now += 200), 40);
    (await waiting).release();
    assert.ok(Date.now() - started >= 60, `${Date.now() - started} ms`);
    assert.equal(pacer.pauses >= 1, true);
  });

  it('counts requests still running when reading Remaining, and ignores readings from an older window', async () => {
    const resetAtMs = Date.now() + 60_000;
    const pacer = new RequestPacer({ ...OPTIONS, maxRateWaitMs: 200 });
    const a = await pacer.acquire(signal);
    a.observe({ limit: 100, remaining: 50, resetAtMs, concurrentRemaining: 9 });
    a.release();
    const running = await Promise.all([pacer.acquire(signal), pacer.acquire(signal), pacer.acquire(signal)]);
    running[0].observe({ limit: 100, remaining: 4, resetAtMs, concurrentRemaining: 9 });
    running[0].observe({ limit: 100, remaining: 90, resetAtMs: resetAtMs - 1000, concurrentRemaining: 9 });
    for (const slot of running) slot.release();
    // 4 left, less the two others running when that was read: 2, so one more goes and the next waits.
    let started = Date.now();
    (await pacer.acquire(signal)).release();
    assert.ok(Date.now() - started < 150, 'one more at once');
    started = Date.now();
    (await pacer.acquire(signal)).release();
    assert.ok(Date.now() - started >= 190, `paused ${Date.now() - started} ms (a far reset is waited for at most maxRateWaitMs)`);
    assert.equal(pacer.pauses, 1);
  });

  it('gives up waiting when cancelled', async () => {
    const pacer = new RequestPacer(OPTIONS);
    const held = await pacer.acquire(signal);
    const controller = new AbortController();
    const waiting = pacer.acquire(controller.signal);
    controller.abort();
    await assert.rejects(waiting, { name: 'CancelledError' });
    held.release();
  });
});
