import assert from 'node:assert/strict';
import type { Frame } from '../../../src/sentry/event/eventModel';
import { parseFramePath } from '../../../src/source/framePathSyntax';
import { frameCandidates } from '../../../src/source/pathCandidates';
import { normalizeLocalPath } from '../../../src/source/pathSafety';

function frame(fields: Partial<Frame>): Frame {
  return { inApp: false, preContext: [], postContext: [], ...fields };
}

function rootRelative(fields: Partial<Frame>): string[] {
  return frameCandidates(frame(fields))
    .candidates.filter((candidate) => candidate.rootRelative)
    .map((candidate) => candidate.segments.join('/'));
}

describe('source/framePathSyntax', () => {
  const cases: Array<[string, { kind: 'absolute' | 'relative'; path: string; namespace?: string[] } | undefined]> = [
    ['app:///src/app.js', { kind: 'relative', path: 'src/app.js' }],
    ['webpack:///./src/app.js', { kind: 'relative', path: 'src/app.js' }],
    ['webpack:///src/app.js', { kind: 'relative', path: 'src/app.js' }],
    ['webpack://webpack-plugin/./src/app.js', { kind: 'relative', path: 'src/app.js', namespace: ['webpack-plugin'] }],
    ['webpack://@acme/ui/./src/Button.tsx', { kind: 'relative', path: 'src/Button.tsx', namespace: ['@acme', 'ui'] }],
    ['webpack://_N_E/src/page.tsx', { kind: 'relative', path: 'src/page.tsx', namespace: ['_N_E'] }],
    ['webpack:////usr/src/getsentry/src/a.js', { kind: 'absolute', path: '/usr/src/getsentry/src/a.js' }],
    ['webpack:///./src/App.vue?4a5b', { kind: 'relative', path: 'src/App.vue' }],
    ['rsc://React/Server/webpack-internal:///(rsc)/./src/app/page.tsx?42', { kind: 'relative', path: 'src/app/page.tsx' }],
    ['~/src/app.js', { kind: 'relative', path: 'src/app.js' }],
    ['file:///home/me/a%20b/x.js', { kind: 'absolute', path: '/home/me/a b/x.js' }],
    ['file:///C:/Users/me/x.js', { kind: 'absolute', path: 'c:/Users/me/x.js' }],
    ['https://cdn.example.com/static/app.js?v=1#top', { kind: 'relative', path: 'static/app.js' }],
    ['http://localhost:5173/@fs/home/me/app/src/main.ts', { kind: 'absolute', path: '/home/me/app/src/main.ts' }],
    ['C:\\build\\agent\\src\\Foo.cs', { kind: 'absolute', path: 'c:/build/agent/src/Foo.cs' }],
    ['\\\\server\\share\\src\\Foo.cs', { kind: 'absolute', path: '//server/share/src/Foo.cs' }],
    ['src\\Foo.cs', { kind: 'relative', path: 'src/Foo.cs' }],
    ['./src/app.js', { kind: 'relative', path: 'src/app.js' }],
    ['/app/main.py', { kind: 'absolute', path: '/app/main.py' }],
    ['<anonymous>', undefined],
    ['[native code]', undefined],
    ['node:internal/modules/cjs/loader', undefined],
    ['https://example.com', undefined],
    ['http://x/a%2Fb.js', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`reads ${input}`, () => {
      const parsed = parseFramePath(input);
      if (expected === undefined) {
        assert.equal(parsed, undefined);
        return;
      }
      assert.ok(parsed);
      assert.equal(parsed.kind, expected.kind);
      assert.equal(parsed.path, expected.path);
      assert.deepEqual(parsed.namespace, expected.namespace);
    });
  }
});

describe('source/pathCandidates', () => {
  it('strips container and CI roots to root-relative paths', () => {
    assert.ok(rootRelative({ absPath: '/usr/src/app/src/x.js' }).includes('src/x.js'));
    assert.ok(rootRelative({ absPath: '/var/task/handler.js' }).includes('handler.js'));
    assert.ok(rootRelative({ absPath: '/home/runner/work/repo/repo/pkg/a.go' }).includes('pkg/a.go'));
    assert.ok(rootRelative({ absPath: '/home/deploy/app/src/a.rb' }).includes('src/a.rb'));
    assert.ok(rootRelative({ absPath: '/var/www/html/src/X.php' }).includes('src/X.php'));
    assert.ok(rootRelative({ absPath: 'C:\\projects\\shop\\src\\Foo.cs' }).includes('src/Foo.cs'));
  });

  it('marks dependencies and derives the path inside the package', () => {
    const read = frameCandidates(frame({ absPath: '/app/node_modules/@scope/pkg/lib/x.js' }));
    assert.equal(read.library, true);
    const segments = read.candidates.map((c) => c.segments.join('/'));
    assert.ok(segments.includes('@scope/pkg/lib/x.js'));
    assert.ok(segments.includes('lib/x.js'));
    assert.ok(read.candidates.every((c) => c.library));
  });

  it('reads the Go module cache, unescaping capitals', () => {
    const read = frameCandidates(frame({ absPath: '/root/go/pkg/mod/github.com/!azure/go-sdk@v1.2.3/sdk/client.go' }));
    const segments = read.candidates.map((c) => c.segments.join('/'));
    assert.ok(segments.includes('github.com/Azure/go-sdk/sdk/client.go'));
    assert.ok(segments.includes('sdk/client.go'));
  });

  it('derives Python, JVM and Go module paths', () => {
    assert.deepEqual(rootRelative({ module: 'pkg.mod', platform: 'python' }), ['pkg/mod.py', 'pkg/mod/__init__.py']);
    assert.deepEqual(rootRelative({ module: '__main__', filename: 'main.py' }), ['main.py']);
    assert.deepEqual(rootRelative({ module: 'io.sentry.example.ApiRequest$Inner', filename: 'ApiRequest.java', inApp: true }), [
      'ApiRequest.java',
      'io/sentry/example/ApiRequest.java',
    ]);
    assert.deepEqual(rootRelative({ module: 'my-app.core$eval123', filename: 'core.clj' }), ['my_app/core.clj']);
    assert.ok(rootRelative({ module: 'go.uber.org/zap/zapcore', filename: 'entry.go' }).includes('zapcore/entry.go'));
  });

  it('keeps a bare JVM file name only for in-app frames', () => {
    assert.deepEqual(rootRelative({ module: 'java.lang.Thread', filename: 'Thread.java', absPath: 'Thread.java' }), ['java/lang/Thread.java']);
  });

  it('returns nothing usable for hostile text', () => {
    assert.deepEqual(frameCandidates(frame({ absPath: '/a/\u0000/b.js' })).candidates, []);
    assert.deepEqual(rootRelative({ absPath: '../../etc/passwd' }), []);
    assert.deepEqual(rootRelative({ absPath: '/srv/../etc/passwd' }), []);
    assert.deepEqual(frameCandidates(frame({ absPath: '/srv/../etc/passwd' })).absolutePaths, []);
  });
});

describe('source/pathSafety normalizeLocalPath', () => {
  it('normalizes local spellings', () => {
    assert.equal(normalizeLocalPath('/w/app/'), '/w/app');
    assert.equal(normalizeLocalPath('/w//app/./src/../lib'), '/w/app/lib');
    assert.equal(normalizeLocalPath('C:\\Users\\Me\\'), 'c:/Users/Me');
    assert.equal(normalizeLocalPath('/c:/x'), 'c:/x');
    assert.equal(normalizeLocalPath('relative/x'), undefined);
    assert.equal(normalizeLocalPath('/a\u0000b'), undefined);
  });
});
