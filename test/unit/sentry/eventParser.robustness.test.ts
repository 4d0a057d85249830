import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Frame, SentryEvent, Stacktrace } from '../../../src/sentry/event/eventModel';
import { EventParseError, parseEvent } from '../../../src/sentry/event/eventParser';
import { ownFixture, sharedFixture, withSharedFixtures } from '../fixturePaths';

type Json = { [key: string]: unknown };

const MB5 = 'x'.repeat(5 * 1024 * 1024);

function readEvent(file: string): Json {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
}

/** The project's own events in both forms, for the tests that must pass from a clone alone. */
const OWN_EVENT_FILES = [
  ownFixture('events', 'store-event.json'),
  ownFixture('events', 'api-event.json'),
  ownFixture('events', 'raw-event.json'),
  ownFixture('platforms', 'store-python.json'),
  ownFixture('platforms', 'api-python.json'),
  ownFixture('platforms', 'store-js-webpack.json'),
  ownFixture('platforms', 'api-java.json'),
];

/** A value nested `depth` levels deep, built by JSON.parse as it would come from a file. */
function deeplyNested(depth: number): unknown {
  return JSON.parse(`${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`);
}

function isOptional(value: unknown, type: 'string' | 'number' | 'boolean'): boolean {
  return value === undefined || typeof value === type;
}

function assertStack(trace: Stacktrace | undefined): void {
  if (trace === undefined) return;
  assert.ok(Array.isArray(trace.frames));
  for (const frame of trace.frames) assertFrame(frame);
}

function assertFrame(frame: Frame): void {
  for (const key of ['filename', 'absPath', 'module', 'package', 'function', 'platform', 'contextLine'] as const) {
    assert.ok(isOptional(frame[key], 'string'), `frame.${key}`);
  }
  assert.ok(isOptional(frame.lineNo, 'number') && isOptional(frame.colNo, 'number'));
  assert.equal(typeof frame.inApp, 'boolean');
  assert.ok([...frame.preContext, ...frame.postContext].every((line) => typeof line === 'string'));
  assert.ok(frame.vars === undefined || (typeof frame.vars === 'object' && !Array.isArray(frame.vars)));
}

/** What every consumer of the model relies on, whatever the input was. */
function assertWellFormed(event: SentryEvent): void {
  assert.equal(typeof event.eventId, 'string');
  assert.equal(typeof event.title, 'string');
  assert.ok(event.title.length > 0 && event.title.length <= 501, 'title is a bounded label');
  for (const key of ['groupId', 'projectId', 'message', 'platform', 'level', 'dateCreated', 'culprit', 'release', 'environment'] as const) {
    assert.ok(isOptional(event[key], 'string'), key);
  }
  assert.ok(event.tags.every((tag) => typeof tag.key === 'string' && typeof tag.value === 'string'));
  for (const exception of event.exceptions) {
    assert.equal(typeof exception.type, 'string');
    assert.equal(typeof exception.value, 'string');
    assertStack(exception.stacktrace);
    assertStack(exception.rawStacktrace);
  }
  for (const thread of event.threads) {
    assert.equal(typeof thread.crashed, 'boolean');
    assertStack(thread.stacktrace);
  }
  assertStack(event.stacktrace);
  for (const crumb of event.breadcrumbs) {
    assert.ok(isOptional(crumb.timestamp, 'string') && isOptional(crumb.message, 'string'));
  }
  if (event.request) {
    assert.ok(event.request.headers.every((pair) => pair.length === 2 && pair.every((part) => typeof part === 'string')));
    assert.ok(isOptional(event.request.query, 'string'));
  }
  assert.ok(typeof event.contexts === 'object' && !Array.isArray(event.contexts));
  assert.ok(typeof event.extra === 'object' && !Array.isArray(event.extra));
  assert.ok(event.form === 'api' || event.form === 'store');
  assert.equal(typeof event.hasDetail, 'boolean');
  assert.ok(event.problems.every((note) => typeof note === 'string' && note.length <= 301));
}

/** Every [container, key] in a JSON value, walked with an explicit stack and a depth limit. */
function slots(root: unknown, maxDepth: number): Array<[Json | unknown[], string | number]> {
  const found: Array<[Json | unknown[], string | number]> = [];
  const pending: Array<[unknown, number]> = [[root, 0]];
  while (pending.length > 0) {
    const [value, depth] = pending.pop() ?? [undefined, 0];
    if (depth >= maxDepth || typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        found.push([value, i]);
        pending.push([item, depth + 1]);
      });
    } else {
      const record = value as Json;
      for (const key of Object.keys(record)) {
        found.push([record, key]);
        pending.push([record[key], depth + 1]);
      }
    }
  }
  return found;
}

function setSlot(container: Json | unknown[], key: string | number, value: unknown): void {
  if (Array.isArray(container)) container[Number(key)] = value;
  else (container as Json)[String(key)] = value;
}

function getSlot(container: Json | unknown[], key: string | number): unknown {
  return Array.isArray(container) ? container[Number(key)] : (container as Json)[String(key)];
}

const WEIRD_VALUES: unknown[] = [null, 0, -1, 1e308, '', 'x', true, [], {}, [null], [[1]], { frames: 'x' }, ['a', 'b']];

describe('eventParser: bad input', () => {
  it('throws EventParseError only for input that is not an object', () => {
    for (const input of [null, undefined, 5, 'event', true, [], [{ eventID: 'a' }]]) {
      assert.throws(() => parseEvent(input), EventParseError);
    }
    assert.doesNotThrow(() => parseEvent({}));
  });

  it('takes an object with eventID and no entries for a list summary, whatever else it has', () => {
    const event = parseEvent({ eventID: 'abc', timestamp: 1700000000, title: 'T', message: '' });
    assert.deepEqual([event.form, event.hasDetail, event.eventId, event.title, event.message], ['api', false, 'abc', 'T', undefined]);
  });

  it('notes an object with no event fields and marks it as without detail', () => {
    const event = parseEvent({ hello: 'world' });
    assert.equal(event.hasDetail, false);
    assert.equal(event.eventId, 'unknown');
    assert.equal(event.title, '<unlabeled event>');
    assert.ok(event.problems.includes('no Sentry event fields were found'));
  });

  it('degrades an API event with meaningless types everywhere, noting each skipped part', () => {
    const event = parseEvent({
      eventID: { id: 1 },
      title: [7],
      message: ['m'],
      tags: 'x',
      user: 'someone',
      release: true,
      sdk: [],
      contexts: [],
      context: 'x',
      dateCreated: 12,
      entries: [
        5,
        null,
        { type: 'exception', data: { values: [
          { type: [5], value: {}, stacktrace: { frames: 'x' } },
          { type: 'E', stacktrace: { frames: [null, 7, {
            lineNo: 'twelve', colNo: true, filename: { name: 42 }, inApp: 'yes', vars: 'nope',
            context: [[1], 'a', [2, 'two'], [3, { x: 1 }]],
          }] } },
          'not an exception',
        ] } },
        { type: 'exception', data: 'x' },
        { type: 'stacktrace', data: { frames: { 0: {} } } },
        { type: 'breadcrumbs', data: { values: 'x' } },
        { type: 'request', data: { headers: 'x', query: 7, url: [9] } },
        { type: 'threads', data: 5 },
        { type: 'message', data: [] },
        { type: 99, data: {} },
      ],
    });
    assertWellFormed(event);
    assert.equal(event.form, 'api');
    assert.equal(event.eventId, 'unknown');
    assert.equal(event.exceptions.length, 2);
    assert.deepEqual([event.exceptions[0].type, event.exceptions[0].value, event.exceptions[0].stacktrace], ['unknown', '', undefined]);
    const [frame] = event.exceptions[1].stacktrace?.frames ?? [];
    assert.deepEqual(frame, {
      filename: undefined, absPath: undefined, module: undefined, package: undefined, function: undefined, platform: undefined,
      lineNo: undefined, colNo: undefined, inApp: false, preContext: ['two', ''], contextLine: undefined, postContext: [], vars: undefined,
    });
    assert.equal(event.title, 'E', 'derived from the last exception, the given title not being text');
    assert.deepEqual(event.tags, []);
    assert.equal(event.user, undefined);
    assert.equal(event.release, undefined);
    assert.equal(event.stacktrace, undefined);
    assert.deepEqual(event.breadcrumbs, []);
    assert.deepEqual(event.request, { url: undefined, method: undefined, query: undefined, headers: [], data: undefined });
    for (const note of [
      'entry 1 is not an object',
      'eventID is not a string or number',
      'title is not a string',
      'exception 1: type is not a string',
      'exception 1: value is not a string',
      'exception 1 stacktrace: frames is not a list',
      'exception 2 stacktrace, frame 1 is empty',
      'exception 2 stacktrace, frame 2 is not an object',
      'exception 2 stacktrace, frame 3: lineNo is not a number',
      'exception 2 stacktrace, frame 3: colNo is not a number',
      'exception 2 stacktrace, frame 3: inApp is not true or false',
      'exception 2 stacktrace, frame 3: vars is not an object',
      'exception 2 stacktrace, frame 3: filename is not a string',
      'exception 2 stacktrace, frame 3: context 1 is not a [line number, code] pair',
      'exception 2 stacktrace, frame 3: context 2 is not a [line number, code] pair',
      'exception 2 stacktrace, frame 3 context 4 is not text',
      'exception 2 stacktrace, frame 3: has context lines but no line number',
      'exception 3 is not an object',
      'exception entry is not an object or a list',
      'stacktrace: frames is not a list',
      'breadcrumbs is not a list',
      'request headers is not a list of pairs or an object',
      'request query is not a list of pairs or an object',
      'request: url is not a string',
      'threads entry is not a list of threads',
      'message entry is not an object',
      'tags is not a list or an object',
      'user is not an object',
      'release is not an object',
      'sdk is not an object',
      'contexts is not an object',
      'context is not an object',
    ]) {
      assert.ok(event.problems.includes(note), `missing note "${note}" in ${JSON.stringify(event.problems, null, 1)}`);
    }
  });

  it('degrades a store event with wrong types everywhere', () => {
    const event = parseEvent({
      event_id: 12345,
      exception: 'boom',
      stacktrace: [],
      threads: { values: 'x' },
      breadcrumbs: 5,
      timestamp: 'yesterday',
      level: {},
      tags: [[1], ['ok', 'yes'], ['n', null], { key: 'k', value: 3 }, 'x'],
      request: { headers: { a: {}, b: 'c' }, query_string: { q: 1 } },
      user: 7,
      logentry: 'x',
      extra: [],
    });
    assertWellFormed(event);
    assert.equal(event.form, 'store');
    assert.equal(event.eventId, '12345');
    assert.deepEqual(event.exceptions, []);
    assert.equal(event.dateCreated, undefined);
    assert.deepEqual(event.tags, [{ key: 'ok', value: 'yes' }, { key: 'k', value: '3' }]);
    assert.deepEqual(event.request?.headers, [['b', 'c']]);
    assert.equal(event.request?.query, 'q=1');
    for (const note of [
      'exception is not an object or a list',
      'stacktrace is not an object',
      'threads is not a list of threads',
      'breadcrumbs is not a list',
      'timestamp is not a time',
      'level is not a string',
      'tag 1 is not a [key, value] pair',
      'tag 3 has no value',
      'tag 5 is not a [key, value] pair',
      'request headers: "a" has no text value',
      'user is not an object',
      'logentry is not an object',
      'extra is not an object',
    ]) {
      assert.ok(event.problems.includes(note), `missing note "${note}" in ${JSON.stringify(event.problems, null, 1)}`);
    }
  });

  it("survives any field of the project's own events (both forms) replaced by a value of the wrong type", function () {
    this.timeout(60000);
    const runs = mutatedRuns(OWN_EVENT_FILES);
    assert.ok(runs > 3000, `${runs} mutated events parsed`);
  });

  withSharedFixtures("eventParser: Sentry's fixtures with wrong types", (test) =>
    test("survives any field of Sentry's fixtures replaced by a value of the wrong type", function (this: Mocha.Context) {
      this.timeout(60000);
      const names = [
        'api-issue-event-detail-javascript-sourcemapped.openapi.json',
        'api-issue-oldest-event-java.sentry-docs.json',
        'api-project-event-detail-python.sentry-docs.json',
        'mcp-event-detail-javascript-cloudflare.sentry-mcp.json',
        'store-javascript-webpack-sourcemapped.sentry-cli.json',
        'store-python-modern.sentry-sample.json',
        'seed-event.store.json',
      ];
      const runs = mutatedRuns(names.map((name) => sharedFixture(name)));
      assert.ok(runs > 10000, `${runs} mutated events parsed`);
    }),
  );

  it('keeps 5 MB strings as data and caps only the title', () => {
    const started = Date.now();
    const event = parseEvent({
      event_id: MB5,
      message: MB5,
      exception: { values: [{ type: MB5, value: MB5, stacktrace: { frames: [{ filename: MB5, context_line: MB5, pre_context: [MB5], vars: { big: MB5 } }] } }] },
      tags: [[MB5, MB5]],
      request: { url: MB5, headers: [[MB5, MB5]], query_string: MB5 },
      breadcrumbs: [{ message: MB5, timestamp: MB5 }],
    });
    assertWellFormed(event);
    assert.ok(event.title.length <= 501);
    assert.equal(event.message?.length, MB5.length);
    assert.equal(event.exceptions[0].value.length, MB5.length);
    assert.equal(event.exceptions[0].stacktrace?.frames[0].contextLine?.length, MB5.length);
    assert.equal(event.exceptions[0].stacktrace?.frames[0].vars?.big, MB5);
    assert.ok(Date.now() - started < 10_000, 'no quadratic work on big strings');

    const titled = parseEvent({ eventID: 'a', entries: [], title: MB5 });
    assert.ok(titled.title.length <= 501);
  });

  it('keeps 10,000-level nesting in vars, extra, contexts and data without walking it', () => {
    const deep = deeplyNested(10000);
    const event = parseEvent({
      event_id: 'deep',
      extra: { deep },
      contexts: { deep },
      stacktrace: { frames: [{ function: 'f', vars: { deep } }] },
      request: { data: deep },
      breadcrumbs: [{ message: 'm', data: { deep } }],
      tags: { deep },
      user: { id: deep },
    });
    assertWellFormed(event);
    assert.equal(event.extra.deep, deep);
    assert.equal(event.contexts.deep, deep);
    assert.equal(event.stacktrace?.frames[0].vars?.deep, deep);
    assert.equal(event.request?.data, deep);
    assert.equal(event.breadcrumbs[0].data?.deep, deep);
    assert.deepEqual(event.tags, []);

    const api = parseEvent({ eventID: 'deep', context: deep, entries: [{ type: 'exception', data: { values: [deep] } }, deep] });
    assertWellFormed(api);
  });

  it('reads own fields only: keys like "__proto__" or "constructor" change nothing', () => {
    const event = parseEvent(JSON.parse('{"event_id":"p","__proto__":{"exception":{"values":[{"type":"Polluted"}]}},"constructor":5}'));
    assert.deepEqual(event.exceptions, []);
    assert.equal(({} as Json).exception, undefined);
    const bare = parseEvent({ event_id: 'q' });
    assert.equal(bare.user, undefined, 'no "user" from Object.prototype');
    assert.deepEqual(bare.extra, {});
  });

  it('bounds the problem list for input with thousands of bad parts', () => {
    const event = parseEvent({ event_id: 'many', stacktrace: { frames: Array.from({ length: 5000 }, () => 'x') } });
    assert.equal(event.problems.length, 101);
    assert.equal(event.problems[100], '… and 4900 more problems');
  });

  it('parses 50,000 frames quickly', () => {
    const frames = Array.from({ length: 50000 }, (_, i) => ({ function: `f${i}`, lineno: i, pre_context: ['a'], context_line: 'b', in_app: i % 2 === 0 }));
    const started = Date.now();
    const event = parseEvent({ event_id: 'big', exception: { values: [{ type: 'E', stacktrace: { frames } }] } });
    assert.equal(event.exceptions[0].stacktrace?.frames.length, 50000);
    assert.ok(Date.now() - started < 5_000);
  });
});

describe('eventParser: context pairs (API form)', () => {
  const frameWith = (lineNo: unknown, context: unknown): Frame | undefined =>
    parseEvent({ eventID: 'c', entries: [{ type: 'stacktrace', data: { frames: [{ lineNo, context }] } }] }).stacktrace?.frames[0];

  it('splits around the pair numbered lineNo', () => {
    const frame = frameWith(3, [[1, 'a'], [2, 'b'], [3, 'c'], [4, 'd']]);
    assert.deepEqual([frame?.preContext, frame?.contextLine, frame?.postContext], [['a', 'b'], 'c', ['d']]);
  });

  it('makes no line current when none is numbered lineNo, splitting by number', () => {
    const event = parseEvent({ eventID: 'c', entries: [{ type: 'stacktrace', data: { frames: [{ lineNo: 10, context: [[8, 'a'], [9, 'b'], [11, 'c']] }] } }] });
    const frame = event.stacktrace?.frames[0];
    assert.deepEqual([frame?.preContext, frame?.contextLine, frame?.postContext], [['a', 'b'], undefined, ['c']]);
    assert.deepEqual(event.problems, ['stacktrace, frame 1: no context line is numbered 10']);
  });

  it('keeps an empty context as no source and a null line as an empty one', () => {
    assert.deepEqual(frameWith(5, [])?.preContext, []);
    const frame = frameWith(2, [[1, null], [2, 'x']]);
    assert.deepEqual([frame?.preContext, frame?.contextLine], [[''], 'x']);
  });

  it('accepts store-style keys in an API frame (lineno, pre_context)', () => {
    const frame = frameWith(undefined, undefined);
    assert.equal(frame?.lineNo, undefined);
    const mixed = parseEvent({ eventID: 'm', entries: [{ type: 'stacktrace', data: { frames: [{ lineno: 4, abs_path: '/a.py', pre_context: ['p'], context_line: 'c', in_app: true }] } }] });
    const f = mixed.stacktrace?.frames[0];
    assert.deepEqual([f?.lineNo, f?.absPath, f?.preContext, f?.contextLine, f?.inApp], [4, '/a.py', ['p'], 'c', true]);
  });
});

describe('eventParser: store form details', () => {
  it('reads raven-era aliases and the single-exception shape', () => {
    const event = parseEvent({
      'sentry.interfaces.Exception': { type: 'ValueError', value: 'bad', stacktrace: { frames: [{ lineno: 1 }] } },
      'sentry.interfaces.Message': { message: 'hello %s', params: ['x'] },
      'sentry.interfaces.User': { id: 7 },
      'sentry.interfaces.Http': { url: 'http://x/', headers: { Host: 'x' }, query_string: 'a=1' },
      'sentry.interfaces.Breadcrumbs': { values: [{ timestamp: 1700000000, message: 'crumb' }] },
      level: 40,
    });
    assert.equal(event.form, 'store');
    assert.deepEqual(event.exceptions.map((e) => [e.type, e.value, e.stacktrace?.frames.length]), [['ValueError', 'bad', 1]]);
    assert.equal(event.message, 'hello %s');
    assert.equal(event.user?.id, '7');
    assert.deepEqual(event.request?.headers, [['Host', 'x']]);
    assert.equal(event.request?.query, 'a=1');
    assert.equal(event.breadcrumbs[0].timestamp, '2023-11-14T22:13:20.000Z');
    assert.equal(event.level, 'error');
  });

  it('reads exception as a bare list, tags as an object, ISO timestamps, threads', () => {
    const event = parseEvent({
      event_id: 'e',
      exception: [{ type: 'A', value: 'root' }, { type: 'B', value: 'raised\nsecond line' }],
      tags: { environment: 'staging', release: 'r1', level: 'warning' },
      timestamp: '2024-01-02T03:04:05.678Z',
      threads: [{ id: 1, name: 'main', crashed: true, stacktrace: { frames: [{ function: 'run' }] } }],
      breadcrumbs: [{ timestamp: '2024-01-02T03:04:00Z' }],
    });
    assert.deepEqual(event.exceptions.map((e) => e.type), ['A', 'B'], 'root cause first, raised last');
    assert.equal(event.title, 'B: raised', 'the last exception, first line of its value');
    assert.deepEqual([event.environment, event.release, event.level], ['staging', 'r1', 'warning']);
    assert.equal(event.dateCreated, '2024-01-02T03:04:05.678Z');
    assert.deepEqual(event.threads.map((t) => [t.id, t.name, t.crashed, t.current, t.stacktrace?.frames.length]), [['1', 'main', true, false, 1]]);
    assert.equal(event.breadcrumbs[0].timestamp, '2024-01-02T03:04:00Z');
  });

  it('prefers logentry.formatted, then logentry.message, then message', () => {
    assert.equal(parseEvent({ logentry: { message: 'tmpl %s', formatted: 'tmpl x' } }).message, 'tmpl x');
    assert.equal(parseEvent({ logentry: { message: 'tmpl %s' } }).message, 'tmpl %s');
    assert.equal(parseEvent({ message: 'plain' }).message, 'plain');
    assert.equal(parseEvent({ message: 'plain\nmore' }).title, 'plain');
  });
});

/** Sets every field (8 levels deep) of each event to each wrong-typed value in turn; every parse must give a well-formed event. */
function mutatedRuns(files: readonly string[]): number {
  let runs = 0;
  for (const file of files) {
    const root = readEvent(file);
    for (const [container, key] of slots(root, 8)) {
      const original = getSlot(container, key);
      for (const weird of WEIRD_VALUES) {
        setSlot(container, key, weird);
        let event: SentryEvent;
        try {
          event = parseEvent(root);
        } catch (error) {
          assert.fail(`${file}: setting ${String(key)} to ${JSON.stringify(weird)} threw ${String(error)}`);
        }
        assertWellFormed(event);
        runs++;
      }
      setSlot(container, key, original);
    }
  }
  return runs;
}
