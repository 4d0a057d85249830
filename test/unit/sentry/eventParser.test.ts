import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Frame, SentryEvent, Stacktrace } from '../../../src/sentry/event/eventModel';
import { EventParseError, parseEvent, parseEventText } from '../../../src/sentry/event/eventParser';
import { ownFixture, sharedFixture, withSharedFixtures } from '../fixturePaths';
import { countApiEvent, countStoreEvent, type EventCounts, type StackCounts } from './rawEventCounts';

type Json = { [key: string]: unknown };

/** Every fixture that holds events: a single event, a list of them, or the event-id lookup wrapper. */
const EVENT_FIXTURES = [
  'api-eventid-lookup.openapi.json',
  'api-issue-event-detail-javascript-sourcemapped.openapi.json',
  'api-issue-events-list.openapi.json',
  'api-issue-oldest-event-java.sentry-docs.json',
  'api-project-event-detail-python.sentry-docs.json',
  'api-project-events-list.openapi.json',
  'mcp-event-detail-javascript-cloudflare.sentry-mcp.json',
  'mcp-event-detail-message-only-python.sentry-mcp.json',
  'seed-event.store.json',
  'store-javascript-minified.sentry-cli.json',
  'store-javascript-webpack-sourcemapped.sentry-cli.json',
  'store-python-legacy-raven.sentry-sample.json',
  'store-python-modern.sentry-sample.json',
];
const BROKEN_FIXTURES = ['seed-event-truncated.store.json'];
const NON_EVENT_FIXTURES = [
  'api-issue-detail.openapi.json',
  'api-org-issues-list.openapi.json',
  'api-org-projects-list.openapi.json',
  'api-organizations-list.openapi.json',
  'api-project-issues-list.openapi.json',
  'api-shortid-lookup.openapi.json',
  'cli-issues-list-trimmed.sentry-cli.json',
  'cli-organizations-list.sentry-cli.json',
  'cli-projects-list.sentry-cli.json',
  'mcp-issue-detail-javascript.sentry-mcp.json',
  'mcp-organization-with-region-links.sentry-mcp.json',
  'mcp-project.sentry-mcp.json',
];

function readText(name: string): string {
  return fs.readFileSync(sharedFixture(name), 'utf8');
}

function readJson(name: string): unknown {
  return JSON.parse(readText(name));
}

function loadOne(name: string): SentryEvent {
  const events = parseEventText(readText(name), name);
  assert.equal(events.length, 1, `${name} holds one event`);
  return events[0];
}

/** The raw event objects in a fixture, found the same way a reader of the file would. */
function rawEvents(json: unknown): Json[] {
  const list = Array.isArray(json) ? json : [json];
  return list.map((item) => {
    const record = item as Json;
    return typeof record.event === 'object' && record.event !== null ? (record.event as Json) : record;
  });
}

function countStack(trace: Stacktrace): StackCounts {
  return {
    frames: trace.frames.map((frame) => {
      const lines = frame.preContext.length + (frame.contextLine === undefined ? 0 : 1) + frame.postContext.length;
      return `${lines}/${frame.vars ? Object.keys(frame.vars).length : 0}`;
    }),
  };
}

function countParsed(event: SentryEvent): EventCounts {
  const counts: EventCounts = {
    exceptions: event.exceptions.length,
    exceptionStacks: [],
    rawStacks: [],
    threadStacks: [],
    breadcrumbs: event.breadcrumbs.length,
    tags: event.tags.length,
  };
  for (const exception of event.exceptions) {
    if (exception.stacktrace) counts.exceptionStacks.push(countStack(exception.stacktrace));
    if (exception.rawStacktrace) counts.rawStacks.push(countStack(exception.rawStacktrace));
  }
  if (event.stacktrace) counts.bareStack = countStack(event.stacktrace);
  for (const thread of event.threads) if (thread.stacktrace) counts.threadStacks.push(countStack(thread.stacktrace));
  return counts;
}

function totalFrames(counts: EventCounts): number {
  const stacks = [...counts.exceptionStacks, ...counts.rawStacks, ...counts.threadStacks];
  if (counts.bareStack) stacks.push(counts.bareStack);
  return stacks.reduce((sum, trace) => sum + trace.frames.length, 0);
}

function frameFacts(frame: Frame): Partial<Frame> {
  const { filename, absPath, module, function: fn, lineNo, contextLine, preContext, postContext, vars } = frame;
  return { filename, absPath, module, function: fn, lineNo, contextLine, preContext, postContext, vars };
}

/** The project's own event files (both forms) and what each holds. */
const OWN_EVENT_FILES = [
  ['events', 'store-event.json'],
  ['events', 'api-event.json'],
  ['events', 'events-array.json'],
  ['events', 'raw-event.json'],
  ['events', 'pair-store.json'],
  ['events', 'pair-api.json'],
  ['platforms', 'store-python.json'],
  ['platforms', 'api-python.json'],
  ['platforms', 'store-js-webpack.json'],
  ['platforms', 'api-java.json'],
] as const;

describe("eventParser: the project's own events, both forms", () => {
  it('lists every .json event file of test/fixtures/events and test/fixtures/platforms', () => {
    const listed = new Set(OWN_EVENT_FILES.map((parts) => parts.join('/')));
    const present = ['events', 'platforms'].flatMap((dir) => fs.readdirSync(ownFixture(dir)).filter((name) => name.endsWith('.json')).map((name) => `${dir}/${name}`));
    const known = new Set([...listed, 'events/not-an-event.json', 'events/cut-off.json']);
    assert.deepEqual(present.filter((name) => !known.has(name)), [], 'new fixtures must be listed in this test');
  });

  for (const parts of OWN_EVENT_FILES) {
    it(`normalizes ${parts.join('/')} without loss`, () => {
      const text = fs.readFileSync(ownFixture(...parts), 'utf8');
      const raws = rawEvents(JSON.parse(text));
      const events = parseEventText(text, parts[1]);
      assert.equal(events.length, raws.length);
      events.forEach((event, i) => {
        const raw = raws[i];
        assert.deepEqual(countParsed(event), event.form === 'api' ? countApiEvent(raw) : countStoreEvent(raw));
        assert.equal(event.form, Array.isArray(raw.entries) || 'eventID' in raw ? 'api' : 'store');
        assert.ok(event.title.length > 0);
        assert.deepEqual(event.problems, [], parts.join('/'));
      });
    });
  }

  it('reads one event written in both forms as the same frames', () => {
    const [store] = parseEventText(fs.readFileSync(ownFixture('events', 'pair-store.json'), 'utf8'));
    const [api] = parseEventText(fs.readFileSync(ownFixture('events', 'pair-api.json'), 'utf8'));
    assert.deepEqual([store.form, api.form], ['store', 'api']);
    assert.equal(store.exceptions[0].stacktrace?.frames.length, 2);
    assert.deepEqual(store.exceptions[0].stacktrace?.frames, api.exceptions[0].stacktrace?.frames);
    assert.deepEqual([store.title, store.eventId], [api.title, api.eventId]);
  });

  it('refuses the cut-off file and the issue object as event files', () => {
    for (const name of ['cut-off.json', 'not-an-event.json']) {
      assert.throws(() => parseEventText(fs.readFileSync(ownFixture('events', name), 'utf8'), name), EventParseError, name);
    }
  });
});

withSharedFixtures('eventParser: Sentry fixtures', (test) => {
  test('classifies every .json fixture in the shared folder', () => {
    const known = new Set([...EVENT_FIXTURES, ...BROKEN_FIXTURES, ...NON_EVENT_FIXTURES]);
    const present = fs.readdirSync(sharedFixture('')).filter((name) => name.endsWith('.json'));
    assert.deepEqual(present.filter((name) => !known.has(name)), [], 'new fixtures must be listed in this test');
  });

  for (const name of EVENT_FIXTURES) {
    test(`normalizes ${name} without loss`, () => {
      const raws = rawEvents(readJson(name));
      const events = parseEventText(readText(name), name);
      assert.equal(events.length, raws.length);
      events.forEach((event, i) => {
        const raw = raws[i];
        const expected = event.form === 'api' ? countApiEvent(raw) : countStoreEvent(raw);
        assert.deepEqual(countParsed(event), expected);
        assert.equal(event.form, Array.isArray(raw.entries) || 'eventID' in raw ? 'api' : 'store');
        assert.ok(event.title.length > 0);
      });
    });
  }

  test('counts the fixtures\' frames as the sources say (Java 57, Python 5, JS 2+2 and 3+3)', () => {
    const frames = (name: string): number => totalFrames(countParsed(loadOne(name)));
    assert.equal(frames('api-issue-oldest-event-java.sentry-docs.json'), 57);
    assert.equal(frames('api-project-event-detail-python.sentry-docs.json'), 5);
    assert.equal(frames('store-python-legacy-raven.sentry-sample.json'), 5);
    assert.equal(frames('api-issue-event-detail-javascript-sourcemapped.openapi.json'), 4);
    assert.equal(frames('store-javascript-webpack-sourcemapped.sentry-cli.json'), 6);
    assert.equal(frames('mcp-event-detail-javascript-cloudflare.sentry-mcp.json'), 6);
  });

  test('gives the same frames for the raven sample and its API rendering', () => {
    const store = loadOne('store-python-legacy-raven.sentry-sample.json');
    const api = loadOne('api-project-event-detail-python.sentry-docs.json');
    assert.equal(store.form, 'store');
    assert.equal(api.form, 'api');
    assert.ok(store.stacktrace && api.stacktrace);
    assert.equal(store.stacktrace.frames.length, 5);
    assert.deepEqual(store.stacktrace.frames.map(frameFacts), api.stacktrace.frames.map(frameFacts));
    assert.deepEqual(store.stacktrace.frames, api.stacktrace.frames);
    assert.deepEqual(api.problems, []);
  });

  test('reads the Java event: exception, in-app frames, release object, tags, breadcrumbs, request', () => {
    const event = loadOne('api-issue-oldest-event-java.sentry-docs.json');
    assert.equal(event.eventId, '0eabf1c001134940a6199d85c1ce3cf9');
    assert.equal(event.groupId, '2');
    assert.equal(event.hasDetail, true);
    assert.equal(event.title, 'ApiException: Authentication failed, token expired!', 'no title in 2018 API: derived');
    assert.equal(event.message, 'This is an example Java exception');
    assert.equal(event.release, '17642328ead24b51867165985996d04b29310337');
    assert.equal(event.environment, 'production');
    assert.equal(event.level, 'error');
    assert.equal(event.platform, 'java');
    assert.equal(event.dateCreated, '2018-11-06T21:19:56Z');
    assert.deepEqual(event.sdk, { name: 'sentry-java', version: '1.4.0-3ded0' });
    assert.equal(event.exceptions.length, 1);
    const [exception] = event.exceptions;
    assert.equal(exception.type, 'ApiException');
    assert.equal(exception.module, 'io.sentry.example');
    assert.equal(exception.rawStacktrace, undefined);
    const frames = exception.stacktrace?.frames ?? [];
    assert.equal(frames.length, 57);
    assert.deepEqual([frames[0].module, frames[0].function, frames[0].lineNo], ['java.lang.Thread', 'run', 748]);
    const last = frames[frames.length - 1];
    assert.deepEqual([last.module, last.function, last.filename, last.absPath, last.inApp], ['io.sentry.example.ApiRequest', 'perform', 'ApiRequest.java', 'ApiRequest.java', true]);
    assert.deepEqual(frames.filter((f) => f.inApp).map((f) => f.module), frames.filter((f) => f.module?.startsWith('io.sentry.example.')).map((f) => f.module));
    assert.ok(frames.every((f) => f.preContext.length === 0 && f.contextLine === undefined && f.postContext.length === 0));
    assert.equal(event.breadcrumbs.length, 4);
    assert.deepEqual(event.breadcrumbs[3], {
      timestamp: '2018-11-06T21:19:55.869Z', type: 'default', category: undefined, level: 'warning',
      message: 'Sidebar content not in cache, hitting API server.', data: undefined,
    });
    assert.equal(event.request?.query, 'foo=bar');
    assert.equal(event.request?.headers.length, 3);
    assert.deepEqual(event.user, { id: '1', email: 'sentry@example.com', username: 'sentry', ipAddress: '127.0.0.1', name: 'Sentry' });
    assert.equal(event.extra.length, 10837790);
    assert.deepEqual(event.problems, []);
  });

  test('keeps the source-mapped JS frames and their raw (minified) frames apart', () => {
    const event = loadOne('api-issue-event-detail-javascript-sourcemapped.openapi.json');
    assert.equal(event.title, 'This is an example Python exception', 'the title is kept as Sentry wrote it');
    assert.equal(event.message, undefined, 'message is "" and there is no message entry');
    const [exception] = event.exceptions;
    assert.equal(exception.type, 'ForbiddenError');
    assert.deepEqual(exception.mechanism, { type: 'generic', handled: true });
    const mapped = exception.stacktrace?.frames ?? [];
    const raw = exception.rawStacktrace?.frames ?? [];
    assert.equal(mapped.length, 2);
    assert.equal(raw.length, 2);
    assert.ok(mapped.every((f) => f.absPath?.startsWith('webpack:////usr/src/getsentry/')));
    assert.ok(raw.every((f) => f.absPath?.startsWith('https://s1.sentry-cdn.com/')));
    assert.deepEqual([mapped[0].function, mapped[0].lineNo, mapped[0].colNo], ['ignoreOnError', 71, 23]);
    assert.equal(mapped[0].contextLine, '            return fn.apply(this, wrappedArguments);');
    assert.equal(mapped[0].preContext.length, 5);
    assert.equal(mapped[0].postContext.length, 5);
    assert.equal(mapped[0].vars, undefined);
    assert.deepEqual([raw[1].function, raw[1].lineNo, raw[1].colNo], [undefined, 119, 149484]);
    assert.ok(raw[0].contextLine?.startsWith('{snip} '));
    assert.equal(event.request?.query, 'project=5236886');
    assert.equal(event.request?.method, undefined);
    assert.equal(event.breadcrumbs.length, 3);
    assert.equal(event.breadcrumbs[1].category, 'xhr');
    assert.deepEqual(event.breadcrumbs[1].data, { url: '/api/0/internal/health/', status_code: 200, method: 'GET' });
    assert.equal(event.environment, 'prod');
    assert.equal(event.release, 'b65bc521378269d3eaefdc964f8ef56621414943', 'from the release object');
    assert.deepEqual(event.user, { id: '550747', email: 'hell@boy.cat', username: undefined, ipAddress: '192.168.1.1', name: 'Hell Boy' });
    assert.ok('ForbiddenError' in event.contexts);
    assert.ok('resp' in event.extra);
    assert.deepEqual(event.problems, []);
  });

  test('reads the MCP Cloudflare event (modern frame keys, empty context, filtered header)', () => {
    const event = loadOne('mcp-event-detail-javascript-cloudflare.sentry-mcp.json');
    assert.equal(event.title, 'Error: Tool list_organizations is already registered');
    assert.equal(event.projectId, '4509062593708032');
    const [exception] = event.exceptions;
    assert.deepEqual(exception.mechanism, { type: 'cloudflare', handled: false });
    const frames = exception.stacktrace?.frames ?? [];
    assert.deepEqual(frames.map((f) => f.function), [undefined, 'OAuthProviderImpl.fetch', 'Object.fetch']);
    assert.deepEqual(frames.map((f) => [f.absPath, f.lineNo, f.colNo, f.inApp]), [
      ['/index.js', 7809, 27, true],
      ['/index.js', 8029, 24, true],
      ['/index.js', 19631, 28, true],
    ]);
    assert.ok(event.request?.headers.some(([name, value]) => name === 'Authorization' && value === '[Filtered]'));
    assert.equal(event.request?.query, undefined, 'an empty query list');
    assert.deepEqual(event.user, {
      id: undefined,
      email: undefined,
      username: undefined,
      ipAddress: '2a06:98c0:3600::103',
      name: undefined,
      geo: [['country_code', 'US'], ['region', 'United States']],
    });
    assert.equal(event.environment, 'development');
    assert.equal(event.breadcrumbs.length, 4);
    assert.deepEqual(event.problems, []);
  });

  test('reads the message-only event: a message, no exception, no stack', () => {
    const event = loadOne('mcp-event-detail-message-only-python.sentry-mcp.json');
    assert.equal(event.message, 'Something went wrong');
    assert.equal(event.title, 'Error without exception data');
    assert.deepEqual(event.exceptions, []);
    assert.equal(event.stacktrace, undefined);
    assert.equal(event.hasDetail, true);
    assert.equal(event.user, undefined);
    assert.equal(event.level, 'error');
    assert.deepEqual(event.problems, []);
  });

  for (const name of ['api-issue-events-list.openapi.json', 'api-project-events-list.openapi.json']) {
    test(`reads the list summaries in ${name} with hasDetail=false and nothing invented`, () => {
      const [event] = parseEventText(readText(name), name);
      assert.equal(event.form, 'api');
      assert.equal(event.hasDetail, false);
      assert.equal(event.eventId, '9fac2ceed9344f2bbfdd1fdacb0ed9b1');
      assert.equal(event.groupId, '1889724436');
      assert.equal(event.projectId, '49271');
      assert.equal(event.title, 'This is an example Python exception');
      assert.equal(event.message, undefined);
      assert.equal(event.dateCreated, '2020-09-11T17:46:36Z');
      assert.equal(event.level, 'fatal');
      assert.equal(event.environment, 'production');
      assert.equal(event.release, '17642328ead24b51867165985996d04b29310337');
      assert.equal(event.culprit, '/books/new/');
      assert.equal(event.tags.length, 8);
      assert.deepEqual([event.exceptions, event.threads, event.breadcrumbs], [[], [], []]);
      assert.deepEqual([event.stacktrace, event.request, event.user, event.sdk], [undefined, undefined, undefined, undefined]);
      assert.deepEqual([event.contexts, event.extra], [{}, {}]);
      assert.deepEqual(event.problems, []);
    });
  }

  test('unwraps the event-id lookup ({event: {...}})', () => {
    const event = loadOne('api-eventid-lookup.openapi.json');
    assert.equal(event.eventId, '9fac2ceed9344f2bbfdd1fdacb0ed9b1');
    assert.equal(event.hasDetail, true);
    assert.equal(event.request?.url, 'http://example.com/foo');
    assert.equal(event.request?.headers.length, 1);
  });

  test('reads the modern Python store event', () => {
    const event = loadOne('store-python-modern.sentry-sample.json');
    assert.equal(event.form, 'store');
    assert.equal(event.title, 'Exception: This is an example Python exception');
    assert.equal(event.dateCreated, new Date(1751006912867.42).toISOString());
    assert.equal(event.breadcrumbs[0].timestamp, new Date(1751006912866.41).toISOString());
    assert.equal(event.environment, 'production');
    assert.equal(event.level, 'error');
    assert.equal(event.culprit, '__main__ in main');
    assert.deepEqual(event.tags[3], { key: 'mechanism', value: 'excepthook' });
    assert.deepEqual(event.sdk, { name: 'sentry.python', version: '2.31.0' });
    const [exception] = event.exceptions;
    assert.deepEqual(exception.mechanism, { type: 'excepthook', handled: false });
    const frames = exception.stacktrace?.frames ?? [];
    assert.deepEqual(frames.map((f) => [f.function, f.filename, f.absPath, f.lineNo, f.inApp]), [
      ['<module>', 'main.py', '/Users/user/test/main.py', 28, true],
      ['main', 'main.py', '/Users/user/test/main.py', 26, true],
    ]);
    assert.equal(frames[1].contextLine, "    raise Exception('This is an example Python exception')");
    assert.deepEqual(frames[1].postContext, ['', 'main()']);
    assert.deepEqual(frames[1].vars?.list_var, ['1', '2', '3']);
    assert.equal(event.eventId, 'unknown', 'the sample has no event_id');
    assert.deepEqual(event.problems, ['the event has no event_id']);
  });

  test('reads the minified and the already-mapped JS store events', () => {
    const minified = loadOne('store-javascript-minified.sentry-cli.json');
    assert.equal(minified.release, 'ytho-test');
    assert.equal(minified.projectId, '5334254');
    assert.equal(minified.title, 'Error: whoops');
    const [frame] = minified.exceptions[0].stacktrace?.frames ?? [];
    assert.deepEqual([frame.absPath, frame.lineNo, frame.colNo, frame.preContext, frame.postContext], [
      'http://localhost:5000/dist/bundle.min.js', 1, 456, [], ['//# sourceMappingURL=bundle.min.js.map'],
    ]);
    assert.equal(minified.exceptions[0].rawStacktrace, undefined);

    const mapped = loadOne('store-javascript-webpack-sourcemapped.sentry-cli.json');
    const exception = mapped.exceptions[0];
    assert.equal(exception.rawStacktrace?.frames.length, 3);
    assert.equal(exception.rawStacktrace?.frames[0].absPath, 'http://localhost:5000/dist/bundle.min.js');
    const frames = exception.stacktrace?.frames ?? [];
    assert.equal(frames[0].contextLine, '', 'an empty current line is kept');
    assert.deepEqual([frames[2].function, frames[2].module, frames[2].filename, frames[2].absPath, frames[2].lineNo, frames[2].colNo], [
      'bar', 'src/app', './src/app.js', 'webpack://webpack-plugin/./src/app.js', 11, 9,
    ]);
    assert.equal(frames[2].contextLine, '  throw new Error(msg);');
  });

  test('reads the seed event: logentry message, bare stack, pair headers, epoch timestamp', () => {
    const event = loadOne('seed-event.store.json');
    assert.equal(event.eventId, '5a552273622c4d949495df39b7b063c8');
    assert.equal(event.message, 'This is an example Python exception');
    assert.equal(event.title, 'This is an example Python exception');
    assert.equal(event.dateCreated, '2021-12-27T03:55:00.559Z');
    assert.equal(event.environment, 'prod');
    assert.deepEqual(event.exceptions, []);
    assert.equal(event.stacktrace?.frames.length, 5);
    assert.equal(event.request?.query, 'foo=bar');
    assert.deepEqual(event.request?.headers[0], ['Content-Type', 'application/json']);
    assert.deepEqual(event.request?.data, { hello: 'world' });
    assert.equal(event.user?.ipAddress, '127.0.0.1');
    assert.deepEqual(event.problems, []);
  });

  test('gives the raven sample Sentry\'s "<unlabeled event>" title', () => {
    const event = loadOne('store-python-legacy-raven.sentry-sample.json');
    assert.equal(event.title, '<unlabeled event>');
    assert.equal(event.message, undefined);
  });

  test('rejects the truncated seed event, naming the line where the text stops', () => {
    const name = 'seed-event-truncated.store.json';
    const text = readText(name);
    const lastLine = text.split('\n').length;
    assert.throws(() => parseEventText(text, name), (error: unknown) => {
      assert.ok(error instanceof EventParseError);
      assert.match(error.message, new RegExp(`^seed-event-truncated\\.store\\.json is not valid JSON: .+ at line ${lastLine}, column 1 \\(the file may be cut off\\)\\.$`));
      assert.equal(error.line, lastLine);
      assert.equal(error.column, 1);
      return true;
    });
  });

  for (const name of NON_EVENT_FIXTURES) {
    test(`refuses ${name} as an event file`, () => {
      assert.throws(() => parseEventText(readText(name), name), EventParseError);
    });
  }

  test('parses each raw fixture event object directly with parseEvent', () => {
    for (const name of EVENT_FIXTURES) {
      for (const raw of rawEvents(readJson(name))) assert.doesNotThrow(() => parseEvent(raw), name);
    }
  });
});
