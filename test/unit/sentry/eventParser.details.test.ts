import * as assert from 'node:assert/strict';
import { parseEvent } from '../../../src/sentry/event/eventParser';
import { sharedEventFiles, withSharedFixtures } from '../fixturePaths';

describe('eventParser: modules, cookies and user geo', () => {
  it('reads modules (store form) and packages (API form) as name/version pairs in their order', () => {
    const store = parseEvent({ event_id: 'a', message: 'm', modules: { django: '4.2', 'my.package': '1.0.0' } });
    const api = parseEvent({ eventID: 'b', entries: [], packages: { react: '18.2.0' } });
    assert.deepEqual(store.modules, [['django', '4.2'], ['my.package', '1.0.0']]);
    assert.deepEqual(api.modules, [['react', '18.2.0']]);
  });

  it('leaves modules out when absent, null or empty, and notes values that are not text', () => {
    assert.equal(parseEvent({ eventID: 'c', entries: [], packages: null }).modules, undefined);
    assert.equal(parseEvent({ event_id: 'd', message: 'm', modules: {} }).modules, undefined);
    assert.ok(!('modules' in parseEvent({ event_id: 'e', message: 'm' })));
    const odd = parseEvent({ event_id: 'f', message: 'm', modules: { ok: 2, bad: { v: 1 } } });
    assert.deepEqual(odd.modules, [['ok', '2']]);
    assert.deepEqual(odd.problems, ['modules: "bad" is not text']);
    const wrong = parseEvent({ event_id: 'g', message: 'm', modules: 'django==4.2' });
    assert.equal(wrong.modules, undefined);
    assert.deepEqual(wrong.problems, ['modules is not an object or a list of pairs']);
  });

  it('reads request cookies as pairs, an object, or Cookie header text', () => {
    const cookies = (value: unknown) => parseEvent({ event_id: 'a', message: 'm', request: { url: 'http://x/', cookies: value } }).request?.cookies;
    assert.deepEqual(cookies([['foo', 'bar'], ['biz', 'baz']]), [['foo', 'bar'], ['biz', 'baz']]);
    assert.deepEqual(cookies({ session: 'abc' }), [['session', 'abc']]);
    assert.deepEqual(cookies('a=1; b=x=y;flag'), [['a', '1'], ['b', 'x=y'], ['flag', '']]);
    assert.equal(cookies([]), undefined);
    assert.equal(cookies(null), undefined);
  });

  it('reads the user geo', () => {
    const event = parseEvent({ event_id: 'a', message: 'm', user: { id: 7, geo: { city: 'Lyon', country_code: 'FR' } } });
    assert.deepEqual(event.user?.geo, [['city', 'Lyon'], ['country_code', 'FR']]);
    assert.equal(parseEvent({ event_id: 'b', message: 'm', user: { geo: 'Lyon' } }).user, undefined);
  });

  withSharedFixtures("eventParser details: Sentry's events", (test) => {
    test('reads them from Sentry\'s own events', () => {
      const files = sharedEventFiles();
      const byName = new Map(files.map((file) => [file.name, file]));
      const seed = byName.get('seed-event.store.json')?.events[0];
      assert.deepEqual(seed?.modules, [['my.package', '1.0.0']]);
      assert.deepEqual(seed?.request?.cookies, [['foo', 'bar'], ['biz', 'baz']]);
      assert.deepEqual(seed?.user?.geo, [['country_code', 'GB'], ['city', 'London'], ['region', 'H9']]);
      const python = byName.get('api-project-event-detail-python.sentry-docs.json')?.events[0];
      assert.deepEqual(python?.modules, [['my.package', '1.0.0']]);
      assert.deepEqual(python?.request?.cookies, [['foo', 'bar'], ['biz', 'baz']]);
      const java = byName.get('api-issue-oldest-event-java.sentry-docs.json')?.events[0];
      assert.deepEqual(java?.modules, [['my.package', '1.0.0']]);
    });
  });
});
