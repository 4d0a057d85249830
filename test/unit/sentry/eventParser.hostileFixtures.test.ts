import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SentryEvent } from '../../../src/sentry/event/eventModel';
import { parseEventText } from '../../../src/sentry/event/eventParser';
import { tagValue } from '../../../src/sentry/event/eventTags';

/** test/fixtures/hostile-events, from test/unit/sentry or out/test/unit/sentry alike. */
function hostileFixture(name: string): SentryEvent {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const file = path.join(dir, 'test', 'fixtures', 'hostile-events', name);
    if (fs.existsSync(file)) {
      const events = parseEventText(fs.readFileSync(file, 'utf8'), name);
      assert.equal(events.length, 1);
      return events[0];
    }
  }
  throw new Error(`no fixture ${name}`);
}

const FORMS = [
  { form: 'api', loose: 'api-loose-types.json', keys: 'api-prototype-keys.json' },
  { form: 'store', loose: 'store-loose-types.json', keys: 'store-prototype-keys.json' },
] as const;

for (const { form, loose, keys } of FORMS) {
  describe(`eventParser: values in the wrong JSON type are read as what they mean (${form} form)`, () => {
    const event = hostileFixture(loose);

    it('reads it in its form, noting nothing as a problem', () => {
      assert.equal(event.form, form);
      assert.deepEqual(event.problems, []);
    });

    it('reads "12" as line 12, "5" as column 5, and numbered context pairs written as text', () => {
      const frames = event.exceptions[0].stacktrace?.frames ?? [];
      assert.deepEqual(
        frames.map((f) => [f.lineNo, f.colNo, f.preContext, f.contextLine, f.postContext]),
        [
          [12, 5, ['    cart = load_cart(request)'], '    item = cart[sku]', ['    return render(item)']],
          [197, undefined, [], undefined, []],
          [30, undefined, ['def load_cart(request):'], '    return Cart(request.session)', []],
        ],
      );
    });

    it('reads "true", "false", "False", 1 and 0 as the flags they mean (in_app, handled, crashed, current)', () => {
      assert.deepEqual(event.exceptions[0].stacktrace?.frames.map((f) => f.inApp), [true, false, true]);
      assert.equal(event.exceptions[0].mechanism?.handled, false);
      assert.deepEqual(event.threads.map((t) => [t.id, t.crashed, t.current]), [['1', true, true], ['2', false, false]]);
    });

    it('reads a number as text: exception value 42, release, user id, tag values, a breadcrumb message', () => {
      assert.equal(event.exceptions[0].value, '42');
      assert.equal(event.title, 'KeyError: 42');
      assert.equal(event.release, '20240102');
      assert.equal(event.user?.id, '7');
      assert.equal(tagValue(event.tags, 'build'), '1234');
      assert.equal(tagValue(event.tags, 'handled'), 'false');
      assert.equal(event.breadcrumbs[0].message, '200');
    });

    it('reads epoch seconds given as a number or as text as a time, and a numeric level as its name', () => {
      assert.equal(event.dateCreated, '2023-11-14T22:13:20.000Z');
      assert.equal(event.breadcrumbs[0].timestamp, '2023-11-14T22:13:20.500Z');
      assert.equal(event.level, 'error');
    });
  });

  describe(`eventParser: keys named like Object.prototype members are plain data (${form} form)`, () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const event = hostileFixture(keys);

    it('reads it without a problem and changes nothing shared', () => {
      assert.deepEqual(event.problems, []);
      assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), before);
      const probe: Record<string, unknown> = {};
      for (const name of ['release', 'exception', 'entries', 'os', 'email', 'polluted', 'lineNo', 'lineno']) assert.equal(probe[name], undefined, name);
    });

    it('takes nothing from a "__proto__" key: no release, message, exception, email, line or in-app flag from it', () => {
      assert.equal(event.release, undefined);
      assert.equal(event.message, undefined);
      assert.deepEqual(event.exceptions.map((e) => e.type), ['constructor']);
      assert.deepEqual(event.user, { id: 'constructor', email: undefined, username: undefined, ipAddress: undefined, name: undefined });
      const third = event.exceptions[0].stacktrace?.frames[2];
      assert.deepEqual([third?.filename, third?.lineNo, third?.inApp], ['src/hasOwnProperty.ts', undefined, false]);
    });

    it('keeps platform, environment, exception and frame fields named constructor, __proto__, toString… as text', () => {
      assert.equal(event.platform, 'constructor');
      assert.equal(event.environment, 'toString');
      assert.equal(event.exceptions[0].value, '__proto__');
      assert.equal(event.title, 'constructor: __proto__');
      const [first, second] = event.exceptions[0].stacktrace?.frames ?? [];
      assert.deepEqual(
        [first.filename, first.absPath, first.function, first.module, first.platform, second.filename, second.function],
        ['constructor', '/srv/app/constructor', 'toString', 'hasOwnProperty', '__proto__', '__proto__', 'valueOf'],
      );
      assert.equal(Object.getOwnPropertyDescriptor(first.vars, '__proto__')?.value, 'frame-var');
    });

    it('looks tags up by key among the event\'s own tags only', () => {
      assert.deepEqual(event.tags, [
        { key: 'constructor', value: 'tag-constructor' },
        { key: '__proto__', value: 'tag-proto' },
        { key: 'toString', value: 'tag-toString' },
        { key: 'hasOwnProperty', value: 'tag-hasOwnProperty' },
      ]);
      assert.equal(tagValue(event.tags, '__proto__'), 'tag-proto');
      assert.equal(tagValue(event.tags, 'valueOf'), undefined);
      assert.equal(tagValue(event.tags, 'isPrototypeOf'), undefined);
    });

    it('keeps context, extra and header names as data, inheriting nothing from them', () => {
      assert.deepEqual(Object.keys(event.contexts), ['constructor', '__proto__', 'toString']);
      assert.equal(Object.getPrototypeOf(event.contexts), Object.prototype);
      assert.equal(event.contexts.os, undefined, 'nothing inherited through a "__proto__" context');
      assert.equal(event.extra.hasOwnProperty, 'extra-hasOwnProperty');
      assert.deepEqual(event.request?.headers, [
        ['__proto__', 'header-proto'],
        ['constructor', 'header-constructor'],
        ['hasOwnProperty', 'header-hasOwnProperty'],
      ]);
      assert.equal(event.request?.query, 'toString=1');
      assert.equal(event.breadcrumbs[0].category, 'constructor');
    });
  });
}
