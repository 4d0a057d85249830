import assert from 'node:assert/strict';
import type { Frame } from '../../../src/sentry/event/eventModel';
import { FileIndex } from '../../../src/source/fileIndex';
import { FrameResolution, FrameResolver, ResolvedFrame } from '../../../src/source/frameResolver';

function frame(fields: Partial<Frame>): Frame {
  return { inApp: true, preContext: [], postContext: [], ...fields };
}

function found(result: FrameResolution): ResolvedFrame {
  assert.ok(result.found && !result.ambiguous, `expected one file, got: ${JSON.stringify(result)}`);
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

  it('without hints: a tie among the app files, listed in path order, never a pick by path length', () => {
    const result = resolver.resolve(indexFrame);
    assert.ok(result.found && result.ambiguous, JSON.stringify(result));
    assert.equal(result.method, 'suffix');
    assert.equal(result.total, 3, 'the vendored copy lost on evidence: the frame is in-app');
    assert.deepEqual(
      result.choices.map((choice) => choice.path),
      ['/w/mono/packages/apps/src/index.ts', '/w/mono/packages/beta/src/index.ts', '/w/mono/src/deep/nested/place/src/index.ts'],
    );
    assert.match(result.reason, /^3 workspace files match the path src\/index\.ts equally well/);
    assert.ok(result.choices.every((choice) => /ends with src\/index\.ts · app code/.test(choice.reason)));
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
    assert.match(result.evidence ?? '', /closest to \/w\/mono\/packages\/beta\/src\/checkout\/special\.ts/);
    const checkout = frame({ absPath: 'webpack:///./src/checkout/index.ts' });
    const alone = resolver.resolve(checkout);
    assert.ok(alone.found && alone.ambiguous && alone.total === 2, JSON.stringify(alone));
    const beta = found(resolver.resolve(checkout, { siblingPaths: ['/w/mono/packages/beta/src/checkout/special.ts'] }));
    assert.equal(beta.path, '/w/mono/packages/beta/src/checkout/index.ts');
    const gamma = found(resolver.resolve(checkout, { siblingPaths: ['/w/mono/packages/gamma/src/checkout/other.ts'] }));
    assert.equal(gamma.path, '/w/mono/packages/gamma/src/checkout/index.ts');
  });

  it('resolveAll lets unambiguous frames guide the ambiguous ones', () => {
    const results = resolver.resolveAll([indexFrame, frame({ absPath: 'webpack:///./src/checkout/special.ts' })]);
    assert.equal(found(results[1]).path, '/w/mono/packages/beta/src/checkout/special.ts');
    assert.equal(found(results[0]).path, '/w/mono/packages/beta/src/index.ts');
  });

  it('is stable: the same input gives the same answer', () => {
    const first = JSON.stringify(resolver.resolve(indexFrame));
    for (let i = 0; i < 5; i++) {
      assert.equal(JSON.stringify(resolver.resolve(indexFrame)), first);
    }
    const reversed = new FrameResolver(new FileIndex(['/w/mono'], [...FILES].reverse()));
    assert.equal(JSON.stringify(reversed.resolve(indexFrame)), first, 'the order files were indexed in changes nothing');
  });

  it('chooses among workspace roots the same way', () => {
    const multi = new FrameResolver(new FileIndex(['/w/one', '/w/two'], ['/w/two/lib/util.ts', '/w/one/lib/util.ts', '/w/one/lib/other.ts']));
    const f = frame({ absPath: 'app:///lib/util.ts' });
    const alone = multi.resolve(f);
    assert.ok(alone.found && alone.ambiguous, JSON.stringify(alone));
    assert.deepEqual(alone.choices.map((choice) => choice.path), ['/w/one/lib/util.ts', '/w/two/lib/util.ts']);
    assert.equal(found(multi.resolve(f, { siblingPaths: ['/w/one/lib/other.ts'] })).path, '/w/one/lib/util.ts');
    assert.equal(found(multi.resolve(f, { siblingPaths: ['/w/two/x.ts'] })).path, '/w/two/lib/util.ts');
  });
});
