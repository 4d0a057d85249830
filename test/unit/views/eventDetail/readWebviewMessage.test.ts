import * as assert from 'node:assert/strict';
import { parseEvent } from '../../../../src/sentry/event/eventParser';
import { externalLink } from '../../../../src/views/eventDetail/externalLink';
import { readWebviewMessage } from '../../../../src/views/eventDetail/readWebviewMessage';
import { tagSearchQuery } from '../../../../src/views/eventDetail/tagSearchQuery';

describe('event detail webview messages', () => {
  it('accepts exactly the protocol shapes', () => {
    const good: unknown[] = [
      { type: 'ready' },
      { type: 'copyMarkdown' },
      { type: 'openFrame', frame: { stack: { kind: 'exception', index: 1 }, frame: 2 } },
      { type: 'openFrame', frame: { stack: { kind: 'stacktrace' }, frame: 0 } },
      { type: 'searchIssues', tag: 3 },
      { type: 'openExternal', target: 'event' },
      { type: 'requestFragment', requestId: 7, fragment: { kind: 'value', path: ['extra', 'cart', 0], start: 100 } },
      { type: 'requestFragment', requestId: 8, fragment: { kind: 'rows', list: 'breadcrumbs', start: 500 } },
      { type: 'requestFragment', requestId: 9, fragment: { kind: 'frames', stack: { kind: 'thread', index: 0 }, start: 200 } },
      { type: 'requestFragment', requestId: 10, fragment: { kind: 'frameBody', frame: { stack: { kind: 'exception', index: 0 }, frame: 4 } } },
      { type: 'requestFragment', requestId: 11, fragment: { kind: 'sections' } },
      { type: 'requestFragment', requestId: 12, fragment: { kind: 'frames', stack: { kind: 'exception', index: 0 }, start: 16, expanded: 5 } },
      { type: 'requestFragment', requestId: 13, fragment: { kind: 'frames', stack: { kind: 'stacktrace' }, start: 15, expanded: 0 } },
      { type: 'requestFragment', requestId: 14, fragment: { kind: 'frames', stack: { kind: 'stacktrace' }, start: 20, expanded: 10 } },
      { type: 'painted', renderId: 3 },
      { type: 'painted', renderId: 4, page: { origin: 1_764_000_000_000.5, domInteractive: 20, domContentLoaded: 31.5, firstContentfulPaint: 40, painted: 52, resources: [{ name: 'eventDetail.css', start: 5, end: 12.5 }] } },
      { type: 'painted', renderId: 5, page: { origin: 1, domInteractive: 2, domContentLoaded: 3, painted: 4, resources: [] } },
      ...['resolve', 'resolveInNextRelease', 'unresolve', 'ignore', 'assignToMe', 'assign', 'bookmark', 'unbookmark', 'downloadEvents'].map((action) => ({ type: 'issueAction', action })),
    ];
    for (const message of good) assert.deepEqual(readWebviewMessage(message), message, JSON.stringify(message));
  });

  it('keeps a paint whose timings are not timings, without them', () => {
    const page = { origin: 1, domInteractive: 2, domContentLoaded: 3, painted: 4, resources: [] as unknown[] };
    const wrong: unknown[] = [
      'fast',
      { ...page, painted: Number.NaN },
      { ...page, domInteractive: -1 },
      { ...page, firstContentfulPaint: '40' },
      { ...page, resources: [{ name: '<img src=x onerror=alert(1)>', start: 1, end: 2 }] },
      { ...page, resources: [{ name: '../../etc/passwd', start: 1, end: 2 }] },
      { ...page, resources: Array.from({ length: 21 }, () => ({ name: 'a.css', start: 1, end: 2 })) },
    ];
    for (const timings of wrong) assert.deepEqual(readWebviewMessage({ type: 'painted', renderId: 2, page: timings }), { type: 'painted', renderId: 2 }, JSON.stringify(timings));
    assert.deepEqual(readWebviewMessage({ type: 'painted', renderId: 2, page: { ...page, extra: 'x', resources: [{ name: 'a.css', start: 1, end: 2, body: 'x' }] } }), {
      type: 'painted',
      renderId: 2,
      page: { ...page, resources: [{ name: 'a.css', start: 1, end: 2 }] },
    });
  });

  it('drops extra fields and rejects anything else', () => {
    assert.deepEqual(readWebviewMessage({ type: 'ready', url: 'https://evil.example' }), { type: 'ready' });
    assert.deepEqual(readWebviewMessage({ type: 'issueAction', action: 'ignore', issue: { org: 'other' } }), { type: 'issueAction', action: 'ignore' });
    assert.deepEqual(readWebviewMessage({ type: 'requestFragment', requestId: 1, fragment: { kind: 'sections', html: '<script>' } }), { type: 'requestFragment', requestId: 1, fragment: { kind: 'sections' } });
    const bad: unknown[] = [
      null,
      'ready',
      [],
      { type: 'openExternal', target: 'https://evil.example' },
      { type: 'openExternal', url: 'https://evil.example' },
      { type: 'searchIssues', tag: '1' },
      { type: 'searchIssues', tag: -1 },
      { type: 'searchIssues', tag: 1.5 },
      { type: 'openFrame', frame: { stack: { kind: 'exception' }, frame: 0 } },
      { type: 'openFrame', frame: { stack: { kind: 'file', path: '/etc/passwd' }, frame: 0 } },
      { type: 'openFrame', frame: { stack: { kind: 'stacktrace' }, frame: Number.NaN } },
      { type: 'requestFragment', requestId: 1, fragment: { kind: 'value', path: ['extra', { toString: 1 }], start: 0 } },
      { type: 'requestFragment', requestId: 1, fragment: { kind: 'rows', list: 'secrets', start: 0 } },
      { type: 'requestFragment', fragment: { kind: 'rows', list: 'tags', start: 0 } },
      { type: 'runCommand', command: 'workbench.action.terminal.sendSequence' },
      { type: 'painted' },
      { type: 'painted', renderId: -1 },
      { type: 'issueAction', action: 'delete' },
      { type: 'issueAction', action: 'Resolve' },
      { type: 'issueAction', action: 'toString' },
      { type: 'issueAction', action: ['resolve'] },
      { type: 'issueAction' },
    ];
    for (const message of bad) assert.equal(readWebviewMessage(message), undefined, JSON.stringify(message));
  });

  it("rejects a first screen's continuation whose count of expanded frames is not one a page can have", () => {
    const frames = (expanded: unknown) => ({ type: 'requestFragment', requestId: 1, fragment: { kind: 'frames', stack: { kind: 'exception', index: 0 }, start: 16, expanded } });
    for (const expanded of [-1, 1.5, 11, 1e20, Number.NaN, Number.POSITIVE_INFINITY, '5', null, [5], { valueOf: 5 }, true]) {
      assert.equal(readWebviewMessage(frames(expanded)), undefined, String(expanded));
    }
    assert.deepEqual(readWebviewMessage({ type: 'requestFragment', requestId: 1, fragment: { kind: 'frames', stack: { kind: 'stacktrace' }, start: 16, expanded: 3, end: 5_000 } }), {
      type: 'requestFragment',
      requestId: 1,
      fragment: { kind: 'frames', stack: { kind: 'stacktrace' }, start: 16, expanded: 3 },
    });
  });
});

describe('tag search query', () => {
  const event = parseEvent({ event_id: 'a', message: 'm', tags: [['browser', 'Chrome 120.0'], ['level', 'error'], ['url', 'https://x.example/a?b="c"'], ['bad key', 'v'], ['path', 'C:\\app\\x']] });

  it('builds key:value, quoting values with spaces, quotes or backslashes', () => {
    assert.equal(tagSearchQuery(event, 0), 'browser:"Chrome 120.0"');
    assert.equal(tagSearchQuery(event, 1), 'level:error');
    assert.equal(tagSearchQuery(event, 2), 'url:"https://x.example/a?b=\\"c\\""');
    assert.equal(tagSearchQuery(event, 4), 'path:"C:\\\\app\\\\x"');
  });

  it('gives nothing for a key search cannot name or an index the event lacks', () => {
    assert.equal(tagSearchQuery(event, 3), undefined);
    assert.equal(tagSearchQuery(event, 9), undefined);
    assert.equal(tagSearchQuery(event, -1), undefined);
  });
});

describe('external links of the event detail panel', () => {
  it("opens only the extension's own http(s) Sentry links, by target", () => {
    const header = { eventUrl: 'https://acme.sentry.io/issues/1/events/abc/', issuePermalink: 'javascript:alert(1)' };
    assert.equal(externalLink(header, 'event'), 'https://acme.sentry.io/issues/1/events/abc/');
    assert.equal(externalLink(header, 'issue'), undefined);
    assert.equal(externalLink({ issuePermalink: 'command:sentry.signOut' }, 'issue'), undefined);
    assert.equal(externalLink({}, 'event'), undefined);
  });
});
