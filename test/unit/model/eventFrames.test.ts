import * as assert from 'node:assert/strict';
import { likelyFirstFrame } from '../../../src/model/eventFrames';
import { parseEvent } from '../../../src/sentry/event/eventParser';

const frame = (fn: string, inApp: boolean) => ({ function: fn, filename: `${fn}.js`, lineno: 1, in_app: inApp });

describe('likelyFirstFrame: the frame a user most likely opens first, opened ahead of the click', () => {
  it("is the raising exception's innermost in-app frame", () => {
    const event = parseEvent({
      event_id: 'a',
      exception: {
        values: [
          { type: 'Cause', stacktrace: { frames: [frame('causeApp', true)] } },
          { type: 'TypeError', stacktrace: { frames: [frame('main', true), frame('checkout', true), frame('reactInternals', false)] } },
        ],
      },
    });
    assert.deepEqual(likelyFirstFrame(event), { stack: { kind: 'exception', index: 1 }, frame: 1 });
  });

  it('is the innermost frame when none is in-app', () => {
    const event = parseEvent({ event_id: 'a', exception: { values: [{ type: 'E', stacktrace: { frames: [frame('a', false), frame('b', false)] } }] } });
    assert.deepEqual(likelyFirstFrame(event), { stack: { kind: 'exception', index: 0 }, frame: 1 });
  });

  it("without an exception: the crashed thread's stack, else the current one's, else the bare stack", () => {
    const threads = parseEvent({
      event_id: 'a',
      threads: {
        values: [
          { id: 1, current: true, stacktrace: { frames: [frame('idle', true)] } },
          { id: 2, crashed: true, stacktrace: { frames: [frame('worker', true), frame('lib', false)] } },
        ],
      },
    });
    assert.deepEqual(likelyFirstFrame(threads), { stack: { kind: 'thread', index: 1 }, frame: 0 });
    const bare = parseEvent({ event_id: 'a', stacktrace: { frames: [frame('run', true)] } });
    assert.deepEqual(likelyFirstFrame(bare), { stack: { kind: 'stacktrace' }, frame: 0 });
  });

  it('is nothing for an event without frames', () => {
    assert.equal(likelyFirstFrame(parseEvent({ event_id: 'a', message: 'hello' })), undefined);
    assert.equal(likelyFirstFrame(parseEvent({ event_id: 'a', exception: { values: [{ type: 'E' }] } })), undefined);
  });
});
