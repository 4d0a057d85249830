import assert from 'node:assert/strict';
import type { Frame } from '../../../src/sentry/event/eventModel';
import { FileIndex } from '../../../src/source/fileIndex';
import { FrameResolver } from '../../../src/source/frameResolver';

function frame(fields: Partial<Frame>): Frame {
  return { inApp: true, preContext: [], postContext: [], ...fields };
}

const ROOTS = ['/w/app', '/w/lib'];
const FILES = ['/w/app/src/index.js', '/w/app/config/settings.py', '/w/lib/passwd', '/w/app/etc/hosts'];

const HOSTILE_PATHS = [
  '../../etc/passwd',
  '../../../../../../etc/shadow',
  '/etc/passwd',
  '/w/app/../../etc/passwd',
  '/w/app/src/../../../etc/passwd',
  'C:\\Windows\\System32\\drivers\\etc\\hosts',
  '..\\..\\Windows\\win.ini',
  'webpack:///./src/../../../../etc/passwd',
  'webpack:////etc/passwd',
  'app:///../../etc/passwd',
  'file:///etc/passwd',
  'file://server/share/secret.txt',
  'http://evil.example/%2e%2e/%2e%2e/etc/passwd',
  'http://evil.example/a%2F..%2F..%2Fetc%2Fpasswd',
  '/w/app/src/index.js\u0000.png',
  'src/index.js\n/etc/passwd',
  `/${'a/'.repeat(5000)}index.js`,
  `${'x'.repeat(1_000_000)}.js`,
  '~/../../etc/passwd',
  '//etc/passwd',
  '\\\\?\\C:\\secret.txt',
];

describe('source/frameResolver with hostile frames', () => {
  const resolver = new FrameResolver(new FileIndex(ROOTS, FILES), { mappings: [{ from: '/deploy/', to: '/w/app' }] });

  it('never returns a path outside the workspace roots', () => {
    for (const path of HOSTILE_PATHS) {
      for (const fields of [{ absPath: path }, { filename: path }, { module: path }, { absPath: `/deploy/${path}` }]) {
        const result = resolver.resolve(frame(fields));
        const paths = !result.found ? [] : result.ambiguous ? result.choices.map((choice) => choice.path) : [result.path];
        for (const found of paths) {
          assert.ok(ROOTS.some((root) => found.startsWith(`${root}/`)), `${JSON.stringify(fields).slice(0, 80)} → ${found}`);
          assert.ok(FILES.includes(found));
        }
      }
    }
  });

  it('does not follow `..`: only the whole part after it can match, as a suffix inside the workspace', () => {
    assert.equal(resolver.resolve(frame({ absPath: '../../etc/passwd', inApp: false })).found, false);
    // Issue 6 point 11: the frame names etc/passwd after climbing out; /w/lib/passwd is not under an etc folder.
    assert.equal(resolver.resolve(frame({ absPath: '../../etc/passwd' })).found, false);
    const tail = resolver.resolve(frame({ absPath: 'webpack:///./src/../../etc/hosts' }));
    assert.ok(tail.found && !tail.ambiguous);
    assert.equal(tail.path, '/w/app/etc/hosts');
    assert.equal(tail.method, 'suffix');
  });

  it('rejects NUL bytes, control characters and huge strings instead of throwing', () => {
    assert.equal(resolver.resolve(frame({ absPath: '/w/app/src/index.js\u0000' })).found, false);
    assert.equal(resolver.resolve(frame({ filename: 'src/index.js\r\n' })).found, true, 'surrounding whitespace is trimmed');
    assert.equal(resolver.resolve(frame({ filename: 'src/\u0007index.js' })).found, false);
    const huge = resolver.resolve(frame({ absPath: `/w/app/${'deep/'.repeat(900)}index.js` }));
    assert.equal(huge.found, false);
    assert.match(huge.found ? '' : huge.reason, /too long or holds characters/);
  });

  it('survives fields of the wrong type and missing frames', () => {
    const weird = [
      { inApp: 'yes', preContext: 'x', postContext: null, absPath: 42, filename: { a: 1 }, module: ['a'] },
      { absPath: null, filename: undefined, module: '' },
      {},
      null,
      'src/index.js',
    ];
    for (const raw of weird) {
      const result = resolver.resolve(raw as unknown as Frame);
      assert.equal(result.found, false);
      assert.equal(typeof (result.found ? '' : result.reason), 'string');
    }
    assert.doesNotThrow(() => resolver.resolveAll([null as unknown as Frame, frame({ filename: 'src/index.js' })]));
  });

  it('reports the candidate paths it tried', () => {
    const result = resolver.resolve(frame({ absPath: '/usr/src/app/src/missing.js' }));
    assert.equal(result.found, false);
    assert.ok(!result.found && result.tried.includes('src/missing.js'));
    assert.ok(!result.found && /No workspace file matches \/usr\/src\/app\/src\/missing\.js/.test(result.reason));
  });
});

describe('FrameResolver: a generic file name alone is no match', () => {
  it('does not open some __init__.py for a Python module the workspace lacks', () => {
    const index = new FileIndex(['/ws'], ['/ws/api/__init__.py', '/ws/api/orders/__init__.py', '/ws/api/orders/service.py']);
    const resolver = new FrameResolver(index);
    const vendored = resolver.resolve(
      frame({ absPath: '/srv/app/vendor/legacy_billing.py', filename: 'vendor/legacy_billing.py', module: 'vendor.legacy_billing', platform: 'python' }),
    );
    assert.equal(vendored.found, false, JSON.stringify(vendored));
    const present = resolver.resolve(frame({ absPath: '/srv/app/api/orders/service.py', filename: 'api/orders/service.py', module: 'api.orders.service' }));
    assert.ok(present.found && !present.ambiguous && present.path === '/ws/api/orders/service.py');
  });
});
