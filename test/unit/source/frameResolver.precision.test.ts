import assert from 'node:assert/strict';
import type { Frame } from '../../../src/sentry/event/eventModel';
import { FileIndex } from '../../../src/source/fileIndex';
import { AmbiguousFrame, FrameResolution, FrameResolver, ResolvedFrame } from '../../../src/source/frameResolver';
import { choiceToRemember, withChoice } from '../../../src/source/rememberedChoices';

function frame(fields: Partial<Frame>): Frame {
  return { inApp: true, preContext: [], postContext: [], ...fields };
}

function found(result: FrameResolution): ResolvedFrame {
  assert.ok(result.found && !result.ambiguous, `expected one file, got: ${JSON.stringify(result)}`);
  return result;
}

function tie(result: FrameResolution): AmbiguousFrame {
  assert.ok(result.found && result.ambiguous, `expected a tie, got: ${JSON.stringify(result)}`);
  return result;
}

function resolverOf(roots: string[], files: string[]): FrameResolver {
  return new FrameResolver(new FileIndex(roots, files));
}

describe('FrameResolver precision (issue 6): ties are asked, never picked silently', () => {
  it('a bare file name shared by two files is a tie with both, in path order, each with its reason', () => {
    const r = resolverOf(['/w/site'], ['/w/site/src/components/Modal.vue', '/w/site/src/checkout/Modal.vue', '/w/site/src/App.vue']);
    for (const fields of [{ filename: 'Modal.vue' }, { absPath: 'webpack:///Modal.vue', filename: 'Modal.vue' }, { absPath: 'app:///Modal.vue' }]) {
      const result = tie(r.resolve(frame(fields)));
      assert.deepEqual(
        result.choices.map((choice) => choice.path),
        ['/w/site/src/checkout/Modal.vue', '/w/site/src/components/Modal.vue'],
      );
      assert.equal(result.total, 2);
      assert.equal(result.matchedSegments, 1);
      assert.match(result.reason, /^2 workspace files match the file name Modal\.vue equally well; nothing in the event tells them apart\.$/);
      assert.deepEqual(result.choices.map((choice) => choice.reason), ['same file name Modal.vue · app code', 'same file name Modal.vue · app code']);
    }
  });

  it('never chooses by path length or by the order files were indexed', () => {
    const files = ['/w/a/x/helpers.ts', '/w/a/very/deep/folder/of/the/app/helpers.ts'];
    for (const order of [files, [...files].reverse()]) {
      const result = tie(resolverOf(['/w/a'], order).resolve(frame({ filename: 'helpers.ts' })));
      assert.deepEqual(result.choices.map((choice) => choice.path), ['/w/a/very/deep/folder/of/the/app/helpers.ts', '/w/a/x/helpers.ts']);
    }
    const atRoot = found(resolverOf(['/w/a'], [...files, '/w/a/helpers.ts']).resolve(frame({ filename: 'helpers.ts' })));
    assert.equal(atRoot.method, 'prefix', 'a relative frame path that exists at the root is read as root-relative');
  });

  it('decides on evidence: app over vendored for an in-app frame, vendored for a library frame', () => {
    const r = resolverOf(['/w/a'], ['/w/a/src/helpers.ts', '/w/a/vendor/acme/helpers.ts']);
    const app = found(r.resolve(frame({ filename: 'helpers.ts' })));
    assert.equal(app.path, '/w/a/src/helpers.ts');
    assert.equal(app.evidence, 'app code, like the frame');
    assert.deepEqual(app.alternatives, ['/w/a/vendor/acme/helpers.ts']);
    const vendored = found(r.resolve(frame({ absPath: '/srv/vendor/acme/helpers.ts', inApp: false })));
    assert.equal(vendored.path, '/w/a/vendor/acme/helpers.ts');
  });

  it('decides on evidence: closeness to files resolved for the same event', () => {
    const r = resolverOf(['/w/a'], ['/w/a/web/ui/format.ts', '/w/a/api/ui/format.ts', '/w/a/api/routes/users.ts']);
    const result = found(r.resolve(frame({ filename: 'format.ts' }), { siblingPaths: ['/w/a/api/routes/users.ts'] }));
    assert.equal(result.path, '/w/a/api/ui/format.ts');
    assert.equal(result.evidence, 'closest to /w/a/api/routes/users.ts, a file of the same event');
    const both = tie(r.resolve(frame({ filename: 'format.ts' }), { siblingPaths: ['/w/a/api/routes/users.ts', '/w/a/web/pages/home.ts'] }));
    assert.equal(both.total, 2);
    assert.match(both.reason, /not even its other frames' files/);
  });

  it('decides on evidence: the longer matching suffix', () => {
    const r = resolverOf(['/w/a'], ['/w/a/src/ui/helpers.ts', '/w/a/lib/helpers.ts']);
    const result = found(r.resolve(frame({ absPath: 'webpack:///./src/ui/helpers.ts' })));
    assert.equal(result.path, '/w/a/src/ui/helpers.ts');
    assert.equal(result.matchedSegments, 3);
  });

  it('resolveAll settles a tie with the frames that resolved on their own', () => {
    const r = resolverOf(['/w/a'], ['/w/a/web/ui/format.ts', '/w/a/api/ui/format.ts', '/w/a/api/routes/users.ts']);
    const [format, users] = r.resolveAll([frame({ filename: 'format.ts' }), frame({ absPath: '/srv/app/api/routes/users.ts' })]);
    assert.equal(found(users).path, '/w/a/api/routes/users.ts');
    assert.equal(found(format).path, '/w/a/api/ui/format.ts');
  });

  it('a remembered choice settles the tie for frames under the same frame prefix, and only there', () => {
    const files = [
      '/w/site/src/components/Modal.tsx',
      '/w/site/src/checkout/Modal.tsx',
      '/w/site/src/components/Footer.tsx',
      '/w/site/src/checkout/Footer.tsx',
    ];
    const r = resolverOf(['/w/site'], files);
    const first = tie(r.resolve(frame({ absPath: 'webpack:///Modal.tsx' })));
    const choice = choiceToRemember(first.framePath, first.matchedSegments, '/w/site/src/checkout/Modal.tsx');
    assert.deepEqual(choice, { framePrefix: 'webpack:///', localPrefix: '/w/site/src/checkout/' });
    const rememberedChoices = withChoice([], choice!);

    const again = found(r.resolve(frame({ absPath: 'webpack:///Modal.tsx' }), { rememberedChoices }));
    assert.equal(again.path, '/w/site/src/checkout/Modal.tsx');
    assert.equal(again.evidence, 'your earlier choice for frames under webpack:///');
    const footer = found(r.resolve(frame({ absPath: 'webpack:///Footer.tsx' }), { rememberedChoices }));
    assert.equal(footer.path, '/w/site/src/checkout/Footer.tsx', 'another file under the same frame prefix');
    const elsewhere = r.resolve(frame({ absPath: 'app:///Modal.tsx' }), { rememberedChoices });
    assert.equal(tie(elsewhere).total, 2, 'a frame under another prefix still asks');
    assert.deepEqual(withChoice(rememberedChoices, { framePrefix: 'webpack:///', localPrefix: '/w/site/src/components/' }), [
      { framePrefix: 'webpack:///', localPrefix: '/w/site/src/components/' },
    ]);
  });

  it('lists at most maxChoices (default 20) of a huge tie without looking at each file, and all of them on request', () => {
    const files = Array.from({ length: 300 }, (_, i) => `/w/m/packages/p${String(i).padStart(3, '0')}/src/utils/helpers.ts`);
    const index = new FileIndex(['/w/m'], [...files, '/w/m/packages/p123/src/api/client.ts']);
    const r = new FrameResolver(index);
    const result = tie(r.resolve(frame({ filename: 'helpers.ts' })));
    assert.equal(result.total, 300);
    assert.equal(result.choices.length, 20);
    assert.deepEqual(
      result.choices.map((choice) => choice.path),
      [...result.choices.map((choice) => choice.path)].sort(),
    );
    assert.equal(tie(r.resolve(frame({ filename: 'helpers.ts' }), { maxChoices: 1000 })).choices.length, 300);
    const near = found(r.resolve(frame({ filename: 'helpers.ts' }), { siblingPaths: ['/w/m/packages/p123/src/api/client.ts'] }));
    assert.equal(near.path, '/w/m/packages/p123/src/utils/helpers.ts');
  });
});

describe('FrameResolver precision (issue 6): a suffix that contradicts the frame is no match', () => {
  it('libs/payments/src/ui/Header.tsx, a library absent from the checkout, does not open libs/site/src/ui/Header.tsx', () => {
    const r = resolverOf(['/w/mono'], ['/w/mono/libs/site/src/ui/Header.tsx', '/w/mono/libs/site/src/ui/Footer.tsx']);
    for (const fields of [
      { filename: 'libs/payments/src/ui/Header.tsx' },
      { absPath: 'webpack:///./libs/payments/src/ui/Header.tsx' },
      { absPath: '/home/runner/work/mono/mono/libs/payments/src/ui/Header.tsx' },
      { absPath: 'C:\\build\\mono\\libs\\payments\\src\\ui\\Header.tsx' },
    ]) {
      const result = r.resolve(frame(fields));
      assert.equal(result.found, false, `${JSON.stringify(fields)} → ${JSON.stringify(result)}`);
      assert.match(result.found ? '' : result.reason, /libs\/site\/src\/ui\/Header\.tsx has the same ending, but it is under site, where the frame names payments/);
    }
    const present = resolverOf(['/w/mono'], ['/w/mono/libs/site/src/ui/Header.tsx', '/w/mono/libs/payments/src/ui/Header.tsx']);
    assert.equal(found(present.resolve(frame({ filename: 'libs/payments/src/ui/Header.tsx' }))).path, '/w/mono/libs/payments/src/ui/Header.tsx');
  });

  it('../../common/lib/clock.ts climbs out of the opened folder: not that folder\'s own lib/clock.ts', () => {
    const own = resolverOf(['/w/service'], ['/w/service/lib/clock.ts', '/w/service/src/index.ts']);
    for (const fields of [{ filename: '../../common/lib/clock.ts' }, { absPath: '/srv/service/src/../../common/lib/clock.ts' }, { absPath: 'webpack:///../../common/lib/clock.ts' }]) {
      const result = own.resolve(frame(fields));
      assert.equal(result.found, false, `${JSON.stringify(fields)} → ${JSON.stringify(result)}`);
    }
    const multiRoot = resolverOf(['/w/service', '/w/common'], ['/w/service/lib/clock.ts', '/w/common/lib/clock.ts']);
    const parent = resolverOf(['/w'], ['/w/service/lib/clock.ts', '/w/common/lib/clock.ts']);
    assert.equal(found(parent.resolve(frame({ filename: '../../common/lib/clock.ts' }))).path, '/w/common/lib/clock.ts');
    // A root's own name is not a path segment of its files: in a multi-root workspace `common/` is not matched.
    assert.equal(multiRoot.resolve(frame({ filename: '../../common/lib/clock.ts' })).found, false);
  });

  it('rejects a candidate whose parent folder also holds a folder of the frame\'s name', () => {
    const files = ['/w/mono/packages/site/src/ui/Header.tsx', '/w/mono/packages/payments/src/api/client.ts'];
    const result = resolverOf(['/w/mono'], files).resolve(frame({ absPath: '/build/payments/src/ui/Header.tsx' }));
    assert.equal(result.found, false, JSON.stringify(result));
    const withoutPayments = resolverOf(['/w/mono'], ['/w/mono/packages/site/src/ui/Header.tsx']);
    assert.equal(found(withoutPayments.resolve(frame({ absPath: '/build/payments/src/ui/Header.tsx' }))).path, files[0]);
  });

  it('accepts deployment prefixes the checkout lacks, and a workspace opened above the repository', () => {
    const app = resolverOf(['/w/app'], ['/w/app/src/ui/Header.tsx']);
    assert.equal(found(app.resolve(frame({ absPath: '/opt/deploy/releases/42/src/ui/Header.tsx' }))).path, '/w/app/src/ui/Header.tsx');
    const above = resolverOf(['/w'], ['/w/projects/mono/packages/x/src/a.ts']);
    assert.equal(found(above.resolve(frame({ absPath: '/build/agent/packages/x/src/a.ts' }))).path, '/w/projects/mono/packages/x/src/a.ts');
  });

  it('keeps the candidates that do not contradict the frame', () => {
    const r = resolverOf(['/w'], ['/w/libs/site/src/ui/Header.tsx', '/w/tools/src/ui/Header.tsx']);
    const result = found(r.resolve(frame({ absPath: '/ci/libs/payments/src/ui/Header.tsx' })));
    assert.equal(result.path, '/w/tools/src/ui/Header.tsx', 'libs/site contradicts libs/payments; tools/ may be where payments is checked out');
    const moved = resolverOf(['/w'], ['/w/libs/site/src/ui/Header.tsx', '/w/apps/payments/src/ui/Header.tsx']);
    assert.equal(moved.resolve(frame({ absPath: 'webpack:///./libs/payments/src/ui/Header.tsx' })).found, false, 'libs/ exists, so apps/ is not where the frame\'s libs/ is');
  });

  it('applies the same check to a source path from Sentry\'s code mappings', () => {
    const r = resolverOf(['/w/mono'], ['/w/mono/libs/site/src/ui/Header.tsx']);
    const result = r.resolve(frame({ absPath: '/app/Header.tsx' }), { sourcePath: 'libs/payments/src/ui/Header.tsx' });
    assert.ok(!result.found || result.method !== 'codeMapping', JSON.stringify(result));
  });
});

describe('FrameResolver precision (issue 6): letter case and Unicode spelling', () => {
  it('opens a file whose folder was renamed Components/ → components/ (no exact-case candidate)', () => {
    const r = resolverOf(['/w/web'], ['/w/web/src/components/Button.tsx', '/w/web/src/legacy/Button.tsx']);
    const result = found(r.resolve(frame({ absPath: 'webpack:///./src/Components/Button.tsx' })));
    assert.equal(result.path, '/w/web/src/components/Button.tsx');
    const absolute = found(r.resolve(frame({ absPath: '/w/web/src/Components/Button.tsx' })));
    assert.equal(absolute.path, '/w/web/src/components/Button.tsx');
    assert.equal(found(r.resolve(frame({ absPath: '/Users/dev/web/SRC/COMPONENTS/button.tsx' }))).path, '/w/web/src/components/Button.tsx');
  });

  it('prefers the exact-case file when both spellings exist', () => {
    const r = resolverOf(['/w/a'], ['/w/a/docs/README.md', '/w/a/docs/Readme.md']);
    assert.equal(found(r.resolve(frame({ absPath: '/srv/app/docs/Readme.md' }))).path, '/w/a/docs/Readme.md');
    assert.equal(found(r.resolve(frame({ absPath: '/srv/app/docs/README.md' }))).path, '/w/a/docs/README.md');
  });

  it('matches NFC and NFD spellings of the same name on either side', () => {
    const composed = 'caf\u00e9';
    const decomposed = 'cafe\u0301';
    const nfdWorkspace = resolverOf(['/w/a'], [`/w/a/src/${decomposed}/r\u00e9sum\u00e9.ts`.normalize('NFD')]);
    const fromNfc = found(nfdWorkspace.resolve(frame({ absPath: `webpack:///./src/${composed}/r\u00e9sum\u00e9.ts` })));
    assert.equal(fromNfc.path, `/w/a/src/${decomposed}/r\u00e9sum\u00e9.ts`.normalize('NFD'), 'the path is returned as the workspace spells it');
    const nfcWorkspace = resolverOf(['/w/a'], [`/w/a/src/${composed}/menu.ts`]);
    assert.equal(found(nfcWorkspace.resolve(frame({ filename: `src/${decomposed}/menu.ts` }))).path, `/w/a/src/${composed}/menu.ts`);
    assert.equal(found(nfcWorkspace.resolve(frame({ absPath: `/w/a/src/${decomposed}/menu.ts` }))).method, 'absolute');
    assert.equal(found(nfcWorkspace.resolve(frame({ filename: `${decomposed.toUpperCase()}/MENU.TS` }))).path, `/w/a/src/${composed}/menu.ts`);
  });
});
