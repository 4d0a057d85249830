import * as assert from 'node:assert/strict';
import type { SentryEvent } from '../../../../src/sentry/event/eventModel';
import { parseEvent } from '../../../../src/sentry/event/eventParser';
import { renderEventDetail } from '../../../../src/views/eventDetail/renderEventDetail';
import { renderFragment } from '../../../../src/views/eventDetail/renderFragment';
import { HOSTILE_STRINGS, hostileApiEvent, hostileStoreEvent } from './hostileEvents';
import { renderEverything } from './renderAll';
import { checkMarkup, withoutIconDrawings } from './strictMarkup';

const RAW_MARKUP = /<(?:script|img|svg|style|a\s|!--|!\[CDATA)/i;

function baseEvent(overrides: Partial<SentryEvent>): SentryEvent {
  return { eventId: 'e', title: 't', tags: [], exceptions: [], threads: [], breadcrumbs: [], contexts: {}, extra: {}, form: 'store', hasDetail: true, problems: [], ...overrides };
}

describe('event detail renderer: hostile events', () => {
  for (const [form, raw] of [['store', hostileStoreEvent()], ['API', hostileApiEvent()]] as const) {
    it(`escapes markup, script URLs and command links in keys and values (${form} form), first paint and every fragment`, () => {
      const event = parseEvent(raw);
      const rendered = renderEverything(event, { issueShortId: '<b>PROJ-1</b>', issueTitle: '](command:x)', sourceLabel: '<i>file</i>' });
      assert.ok(!RAW_MARKUP.test(withoutIconDrawings(rendered.firstPaint)), 'no raw markup from the event');
      // What the event said is all there as text, only escaped (direction overrides become U+FFFD).
      for (const value of HOSTILE_STRINGS.slice(0, 11)) {
        const shown = value.replace(/[\r\n\t]+/g, ' ');
        assert.ok(rendered.allText.includes(shown) || rendered.allText.includes(value), `shown as text: ${value}`);
      }
      assert.ok(!/[\u202a-\u202e\u2066-\u2069]/.test(rendered.allText), 'direction overrides are neutralised');
    });
  }

  it('keeps a "__proto__" key as data and resolves fragments through own properties only', () => {
    const event = parseEvent(JSON.parse('{"event_id":"a","message":"m","extra":{"__proto__":{"polluted":"<script>x</script>"},"constructor":"c"}}'));
    const html = renderEventDetail(event);
    checkMarkup(html);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    for (const path of [['extra', 'toString'], ['extra', 'hasOwnProperty'], ['__proto__'], ['extra', '__proto__', 'constructor', 'constructor'], ['tags', 'length'], ['exceptions', -1], ['exceptions', 1.5]]) {
      const fragment = renderFragment(event, { kind: 'value', path, start: 0 });
      checkMarkup(fragment);
      assert.match(fragment, /no longer available/, `path ${JSON.stringify(path)} resolves to nothing`);
    }
  });

  it('answers forged fragment references with a notice, never an exception', () => {
    const event = parseEvent(hostileStoreEvent());
    const forged: unknown[] = [
      { kind: 'frameBody', frame: { stack: { kind: 'exception', index: 99 }, frame: 0 } },
      { kind: 'frameBody', frame: { stack: { kind: 'thread', index: -1 }, frame: 0 } },
      { kind: 'frames', stack: { kind: 'stacktrace' }, start: 0 },
      { kind: 'rows', list: 'nonsense', start: 0 },
      { kind: 'nope' },
      { kind: 'value', path: ['extra', { evil: true }], start: 0 },
    ];
    for (const ref of forged) {
      const html = renderFragment(event, ref as Parameters<typeof renderFragment>[1]);
      checkMarkup(html);
      assert.match(html, /no longer available/);
    }
  });

  it('cuts huge strings to a preview with "show all", and "show all" returns them (capped)', () => {
    const huge = `<b>${'x'.repeat(5_000_000)}</b>`;
    const event = baseEvent({ extra: { huge }, message: huge, exceptions: [{ type: 'Big', value: huge }] });
    const started = Date.now();
    const html = renderEventDetail(event);
    assert.ok(Date.now() - started < 5_000);
    const summary = checkMarkup(html);
    assert.ok(html.length < 50_000, `first paint is small: ${html.length}`);
    assert.match(summary.text, /show all \(5,000,007 characters\)/);
    const full = renderFragment(event, { kind: 'value', path: ['extra', 'huge'], start: 0 });
    checkMarkup(full);
    assert.ok(full.length > 1_000_000 && full.length < 1_100_000, String(full.length));
    assert.match(full, /4,000,007 more characters not shown/);
  });

  it('paints deep nesting a few levels at a time, deeper levels on demand', () => {
    let deep: Record<string, unknown> = { bottom: '<script>bottom</script>' };
    for (let i = 0; i < 5_000; i++) deep = { [`level<${i}>`]: deep };
    const event = baseEvent({ extra: { deep } });
    const html = renderEventDetail(event);
    const summary = checkMarkup(html);
    assert.equal(summary.fragments.length, 1, 'one deferred level');
    let ref = summary.fragments[0];
    for (let hops = 0; hops < 20; hops++) {
      const next = checkMarkup(renderFragment(event, ref as Parameters<typeof renderFragment>[1]));
      assert.equal(next.fragments.length, 1);
      ref = next.fragments[0];
    }
  });

  it('renders repeated references each time and a cycle once, marked', () => {
    const shared = { name: '<shared>' };
    const cyclic: Record<string, unknown> = { label: 'loop' };
    cyclic.self = cyclic;
    const extra: Record<string, unknown> = { cyclic };
    for (let i = 0; i < 500; i++) extra[`ref${i}`] = { shared, again: shared };
    const event = baseEvent({ extra });
    const rendered = renderEverything(event, {}, 50);
    assert.match(rendered.allText, /\[circular reference\]/);
    assert.ok(rendered.firstPaint.length < 1_000_000, `bounded: ${rendered.firstPaint.length}`);
  });

  it('survives wrong types anywhere in the model', () => {
    const wrong = baseEvent({
      title: 42 as unknown as string,
      level: { a: 1 } as unknown as string,
      dateCreated: 'not a date <b>',
      tags: [{ key: 7, value: null }, null, 'tag'] as unknown as SentryEvent['tags'],
      exceptions: [{ type: null, value: { nested: '<x>' }, stacktrace: { frames: [null, 'frame', { inApp: true, preContext: 'abc', postContext: null, contextLine: 5, vars: 'not vars', lineNo: '12' }] } }] as unknown as SentryEvent['exceptions'],
      threads: [{ crashed: 'yes', stacktrace: { frames: 'none' } }] as unknown as SentryEvent['threads'],
      breadcrumbs: [null, { timestamp: 5, message: ['<x>'], data: 'str' }, 'crumb'] as unknown as SentryEvent['breadcrumbs'],
      request: { url: 5, method: null, headers: 'h', cookies: [[1, 2]], data: [1, '<b>'] } as unknown as SentryEvent['request'],
      contexts: { os: 'text', device: null, list: [1, 2] } as unknown as SentryEvent['contexts'],
      extra: Object.create(null) as Record<string, unknown>,
      user: { id: 5, geo: 'nowhere' } as unknown as SentryEvent['user'],
      sdk: { name: ['x'] } as unknown as SentryEvent['sdk'],
      modules: [['a'], null] as unknown as SentryEvent['modules'],
      problems: [null, 5, '<b>problem</b>'] as unknown as string[],
    });
    (wrong.extra as Record<string, unknown>).fn = () => 1;
    (wrong.extra as Record<string, unknown>).big = BigInt(10);
    (wrong.extra as Record<string, unknown>).sym = Symbol('s');
    const rendered = renderEverything(wrong);
    assert.ok(!RAW_MARKUP.test(withoutIconDrawings(rendered.firstPaint)));
  });
});

describe('the strict markup check itself', () => {
  it('rejects what the renderer must never produce', () => {
    const bad = [
      '<img src=x onerror=alert(1)>',
      '<div onclick="x"></div>',
      '<script>alert(1)</script>',
      '<a href="javascript:alert(1)">x</a>',
      '<div class="x">a > b</div>',
      '<div class="x">"quoted"</div>',
      '<div class="x">AT&T</div>',
      '<div class="Evil Class"></div>',
      '<div data-action="runCommand"></div>',
      '<div><span></div></span>',
      '<div title="a" title="b"></div>',
      '<div>',
    ];
    for (const html of bad) assert.throws(() => checkMarkup(html), assert.AssertionError, html);
    assert.doesNotThrow(() => checkMarkup('<div class="a b-1" title="&lt;x&gt; &amp; &quot;y&quot;">&lt;script&gt;</div><input type="search">'));
  });
});
