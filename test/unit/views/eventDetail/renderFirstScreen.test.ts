import * as assert from 'node:assert/strict';
import { parseEvent } from '../../../../src/sentry/event/eventParser';
import type { FragmentRef } from '../../../../src/views/eventDetail/protocol';
import { renderEventDetail } from '../../../../src/views/eventDetail/renderEventDetail';
import { renderFragment } from '../../../../src/views/eventDetail/renderFragment';
import { LIMITS } from '../../../../src/views/eventDetail/renderLimits';
import { manyFramesEvent } from '../../../fixtures/events/largeEvents';
import { checkMarkup } from './strictMarkup';

const EXCEPTION = { kind: 'exception', index: 0 } as const;
/** The slot the first HTML leaves for the rest of a stack's first page. */
const CONTINUATION = /<div class="slot autoload" data-fragment="([^"]*)"><p class="muted">.*?<\/p><\/div>/;

/** An exception whose frames, in reading order (crash first), are in-app where `inApp(position)` says. */
function eventWithFrames(total: number, inApp: (position: number) => boolean): ReturnType<typeof parseEvent> {
  const reading = Array.from({ length: total }, (_, position) => ({ function: `f${position}`, filename: `src/f${position}.ts`, lineno: position + 1, in_app: inApp(position), context_line: `line ${position}` }));
  return parseEvent({ event_id: 'd'.repeat(32), level: 'error', exception: { values: [{ type: 'Error', value: 'boom', stacktrace: { frames: reading.reverse() } }] } });
}

/** The continuation the first HTML names, if any: only refs, never markup. */
function continuationOf(html: string): FragmentRef | undefined {
  const match = CONTINUATION.exec(html);
  if (!match) return undefined;
  const [ref] = checkMarkup(match[0]).fragments as FragmentRef[];
  return ref;
}

function openInApp(html: string): number {
  return (html.match(/<details class="frame in-app" open>/g) ?? []).length;
}

/** The first HTML with its continuation slot filled the way the page fills it (outerHTML). */
function filled(event: ReturnType<typeof parseEvent>, firstPaint: string): string {
  const ref = continuationOf(firstPaint);
  assert.ok(ref, 'a continuation slot');
  return firstPaint.replace(CONTINUATION, () => renderFragment(event, ref));
}

describe("event detail: a stack's first screen, then the rest of its first page", () => {
  it('holds about a screen of the 5,000 frames, names the rest of the first page by ref, and the two make up that page exactly', () => {
    const event = parseEvent(manyFramesEvent(5_000));
    const firstPaint = renderEventDetail(event);
    const first = checkMarkup(firstPaint);
    // Every third frame is in-app; crash first, the screen's 15th row is a library frame in a run, so it ends after that run.
    assert.equal(first.frames.length, 16);
    assert.equal(openInApp(firstPaint), 5);
    const ref = continuationOf(firstPaint);
    assert.deepEqual(ref, { kind: 'frames', stack: EXCEPTION, start: 16, expanded: 5 });
    assert.ok(!first.text.includes('more frames of'), 'the "show more" control comes with the rest of the page');

    const rest = renderFragment(event, ref as FragmentRef);
    const restSummary = checkMarkup(rest);
    assert.equal(restSummary.frames.length, LIMITS.framesFirstPage - 16, 'the rest ends where the first page ends');
    assert.equal(openInApp(rest), LIMITS.expandedFramesPage - 5, 'in-app frames expanded in all: the cap of one page');
    assert.match(restSummary.text, /Show 200 more frames of 4,950$/);
    assert.ok(!CONTINUATION.test(rest), 'a fragment holds no further continuation');

    // Today's first page, as a folded stack opened later gets it: nothing the reader saw is lost.
    const wholePage = renderFragment(event, { kind: 'frames', stack: EXCEPTION, start: 0 });
    assert.ok(filled(event, firstPaint).includes(`<div class="frames">${wholePage}</div>`));
    assert.ok(firstPaint.length < filled(event, firstPaint).length * 0.6, `first HTML ${firstPaint.length} characters`);
  });

  it('moves the end of the screen to the end of a run of library frames, so the folded group stays whole', () => {
    // Reading order: 10 in-app frames, 20 library frames, then in-app ones.
    const event = eventWithFrames(60, (position) => position < 10 || position >= 30);
    const firstPaint = renderEventDetail(event);
    assert.equal(checkMarkup(firstPaint).frames.length, 30);
    assert.match(firstPaint, /<summary>20 library frames<\/summary>/);
    assert.equal(openInApp(firstPaint), 10);
    assert.deepEqual(continuationOf(firstPaint), { kind: 'frames', stack: EXCEPTION, start: 30, expanded: 10 });
    const rest = renderFragment(event, continuationOf(firstPaint) as FragmentRef);
    assert.equal(openInApp(rest), 0, 'the cap of 10 was reached on the first screen');
    assert.equal(checkMarkup(rest).frames.length, 20);
    assert.match(checkMarkup(rest).text, /Show 10 more frames of 10$/);
    assert.ok(filled(event, firstPaint).includes(renderFragment(event, { kind: 'frames', stack: EXCEPTION, start: 0 })));
  });

  it('paints the whole first page at once when a run of library frames reaches its end', () => {
    const event = eventWithFrames(80, (position) => position === 0);
    const firstPaint = renderEventDetail(event);
    assert.equal(continuationOf(firstPaint), undefined);
    assert.ok(firstPaint.includes(renderFragment(event, { kind: 'frames', stack: EXCEPTION, start: 0 })));
    assert.match(firstPaint, /<summary>49 library frames<\/summary>/);
    assert.match(checkMarkup(firstPaint).text, /Show 30 more frames of 30/);
  });

  it('splits a stack with no in-app frame after exactly a screen, its first frame expanded', () => {
    const event = eventWithFrames(40, () => false);
    const firstPaint = renderEventDetail(event);
    assert.equal(checkMarkup(firstPaint).frames.length, LIMITS.framesFirstScreen);
    assert.match(firstPaint, /<details class="frame library" open><summary><span class="fn">f0<\/span>/);
    assert.deepEqual(continuationOf(firstPaint), { kind: 'frames', stack: EXCEPTION, start: LIMITS.framesFirstScreen, expanded: 0 });
    const rest = renderFragment(event, continuationOf(firstPaint) as FragmentRef);
    assert.equal(checkMarkup(rest).frames.length, 40 - LIMITS.framesFirstScreen);
    assert.ok(!rest.includes(' open>'), 'only the first frame of such a stack is expanded');
    assert.ok(filled(event, firstPaint).includes(renderFragment(event, { kind: 'frames', stack: EXCEPTION, start: 0 })));
  });

  it('leaves a stack no longer than a screen whole', () => {
    const event = eventWithFrames(LIMITS.framesFirstScreen, (position) => position % 2 === 0);
    const firstPaint = renderEventDetail(event);
    assert.equal(continuationOf(firstPaint), undefined);
    assert.equal(checkMarkup(firstPaint).frames.length, LIMITS.framesFirstScreen);
  });

  it('expands no more in-app frames than a page may, whatever count a forged continuation names', () => {
    const event = parseEvent(manyFramesEvent(5_000));
    assert.equal(openInApp(renderFragment(event, { kind: 'frames', stack: EXCEPTION, start: 16, expanded: LIMITS.expandedFramesPage })), 0);
    assert.equal(openInApp(renderFragment(event, { kind: 'frames', stack: EXCEPTION, start: 16, expanded: 0 })), LIMITS.expandedFramesPage);
    assert.equal(checkMarkup(renderFragment(event, { kind: 'frames', stack: EXCEPTION, start: 9_999 })).frames.length, 0);
  });

  it("splits a crashed thread's frames shown in the first HTML, but not the same thread in the deferred sections", () => {
    const frames = Array.from({ length: 60 }, (_, i) => ({ function: `t${i}`, filename: 'main.c', lineno: i + 1, in_app: i % 2 === 0 }));
    const event = parseEvent({ event_id: 'e'.repeat(32), level: 'fatal', message: 'crash', threads: { values: [{ id: 1, name: 'main', crashed: true, stacktrace: { frames } }] } });
    const thread = { kind: 'thread', index: 0 } as const;
    const firstPaint = renderEventDetail(event);
    assert.deepEqual(continuationOf(firstPaint), { kind: 'frames', stack: thread, start: 15, expanded: 7 });
    const sections = renderFragment(event, { kind: 'sections' });
    assert.equal(continuationOf(sections), undefined);
    assert.equal(checkMarkup(sections).frames.length, LIMITS.framesFirstPage);
  });
});
