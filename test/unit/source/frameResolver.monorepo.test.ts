import assert from 'node:assert/strict';
import type { Frame } from '../../../src/sentry/eventModel';
import { FileIndex } from '../../../src/source/fileIndex';
import { FrameResolution, FrameResolver, ResolvedFrame } from '../../../src/source/frameResolver';

function frame(fields: Partial<Frame>): Frame {
  return { inApp: true, preContext: [], postContext: [], ...fields };
}

function found(result: FrameResolution): ResolvedFrame {
  assert.ok(result.found, `expected a file, got: ${result.found ? '' : result.reason}`);
  return result;
}

const FILES = [
  '/w/mono/packages/apps/src/index.ts',
  '/w/mono/packages/beta/src/index.ts',
  '/w/mono/packages/beta/src/checkout/special.ts',
  '/w/mono/packages/beta/src/checkout/index.ts',
  '/w/mono/packages/gamma/src/checkout/index.ts',
  '/w/mono/vendor/x/src/index.ts',
  '/w/mono/src/deep/nested/place/src/index.ts',
];

describe('source/frameResolver in a monorepo with many index.ts', () => {
  const index = new FileIndex(['/w/mono'], FILES);
  const resolver = new FrameResolver(index);
  const indexFrame = frame({ absPath: 'webpack:///./src/index.ts' });

  it('without hints: app code before vendored code, then the shortest path, then the first indexed', () => {
    const result = found(resolver.resolve(indexFrame));
    assert.equal(result.method, 'suffix');
    assert.equal(result.path, '/w/mono/packages/apps/src/index.ts');
    assert.equal(result.ambiguous, true);
    assert.deepEqual(result.alternatives.slice(0, 2), ['/w/mono/packages/beta/src/index.ts', '/w/mono/src/deep/nested/place/src/index.ts']);
    assert.equal(result.alternatives[result.alternatives.length - 1], '/w/mono/vendor/x/src/index.ts');
  });

  it('a library frame prefers the vendored copy', () => {
    const result = found(resolver.resolve(frame({ absPath: '/build/vendor/x/src/index.ts', inApp: false })));
    assert.equal(result.path, '/w/mono/vendor/x/src/index.ts');
  });

  it('the longer suffix wins before any tie-breaker', () => {
    assert.equal(found(resolver.resolve(frame({ absPath: 'webpack:///./beta/src/index.ts' }))).path, '/w/mono/packages/beta/src/index.ts');
  });

  it('sibling frames of the same event pull the choice toward their folder', () => {
    const result = found(resolver.resolve(indexFrame, { siblingPaths: ['/w/mono/packages/beta/src/checkout/special.ts'] }));
    assert.equal(result.path, '/w/mono/packages/beta/src/index.ts');
    const checkout = frame({ absPath: 'webpack:///./src/checkout/index.ts' });
    assert.equal(found(resolver.resolve(checkout)).path, '/w/mono/packages/beta/src/checkout/index.ts');
    const gamma = found(resolver.resolve(checkout, { siblingPaths: ['/w/mono/packages/gamma/src/checkout/other.ts'] }));
    assert.equal(gamma.path, '/w/mono/packages/gamma/src/checkout/index.ts');
  });

  it('resolveAll lets unambiguous frames guide the ambiguous ones', () => {
    const results = resolver.resolveAll([indexFrame, frame({ absPath: 'webpack:///./src/checkout/special.ts' })]);
    assert.equal(found(results[1]).path, '/w/mono/packages/beta/src/checkout/special.ts');
    assert.equal(found(results[0]).path, '/w/mono/packages/beta/src/index.ts');
  });

  it('is stable: the same input gives the same file', () => {
    const first = found(resolver.resolve(indexFrame)).path;
    for (let i = 0; i < 5; i++) {
      assert.equal(found(resolver.resolve(indexFrame)).path, first);
    }
  });

  it('chooses among workspace roots the same way', () => {
    const multi = new FrameResolver(new FileIndex(['/w/one', '/w/two'], ['/w/two/lib/util.ts', '/w/one/lib/util.ts', '/w/one/lib/other.ts']));
    const f = frame({ absPath: 'app:///lib/util.ts' });
    assert.equal(found(multi.resolve(f)).path, '/w/two/lib/util.ts');
    assert.equal(found(multi.resolve(f, { siblingPaths: ['/w/one/lib/other.ts'] })).path, '/w/one/lib/util.ts');
  });
});
