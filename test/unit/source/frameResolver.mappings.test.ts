import assert from 'node:assert/strict';
import type { Frame } from '../../../src/sentry/event/eventModel';
import { FileIndex } from '../../../src/source/fileIndex';
import { FrameResolution, FrameResolver, ResolvedFrame } from '../../../src/source/frameResolver';
import { codeMappingSourcePath } from '../../../src/source/codeMappings';
import { PathMapper, substituteWorkspaceFolder } from '../../../src/source/pathMappings';

function frame(fields: Partial<Frame>): Frame {
  return { inApp: true, preContext: [], postContext: [], ...fields };
}

function found(result: FrameResolution): ResolvedFrame {
  assert.ok(result.found && !result.ambiguous, `expected one file, got: ${JSON.stringify(result)}`);
  return result;
}

const FILES = ['/w/api/src/x.js', '/w/api/server/src/x.js', '/w/api/server/v2/src/x.js', '/w/web/src/x.js'];

describe('source/frameResolver mappings', () => {
  const index = new FileIndex(['/w/api', '/w/web'], FILES);
  const container = frame({ absPath: '/usr/src/app/src/x.js' });

  it('uses known prefixes when no mapping is set (a file in two roots is a tie, not a silent pick)', () => {
    const result = new FrameResolver(index).resolve(container);
    assert.ok(result.found && result.ambiguous, JSON.stringify(result));
    assert.equal(result.method, 'prefix');
    assert.deepEqual(result.choices.map((choice) => choice.path), ['/w/api/src/x.js', '/w/web/src/x.js']);
  });

  it('user mappings come first', () => {
    const r = new FrameResolver(index, { mappings: [{ from: '/usr/src/app/', to: '/w/api/server' }] });
    const result = found(r.resolve(container));
    assert.equal(result.method, 'mapping');
    assert.equal(result.path, '/w/api/server/src/x.js');
    assert.equal(result.rule, 'user mapping /usr/src/app/');
  });

  it('the longest matching prefix wins, whatever the order given', () => {
    const mappings = [
      { from: '/usr/src', to: '/w/web' },
      { from: '/usr/src/app', to: '/w/api/server/v2' },
      { from: '/usr', to: '/w/api' },
    ];
    assert.equal(found(new FrameResolver(index, { mappings }).resolve(container)).path, '/w/api/server/v2/src/x.js');
  });

  it('matches a prefix only at a folder boundary', () => {
    const r = new FrameResolver(index, { mappings: [{ from: '/usr/src/ap', to: '/w/api/server' }] });
    const result = r.resolve(container);
    assert.ok(result.found && result.method !== 'mapping', JSON.stringify(result));
  });

  it('falls through to the next mapping, then to other steps, when a mapped file does not exist', () => {
    const mappings = [
      { from: '/usr/src/app/', to: '/w/api/nowhere' },
      { from: '/usr/src/', to: '/w/api/server/v2/../..' },
    ];
    const r = new FrameResolver(index, { mappings });
    // `/w/api/server/v2/../..` is the user's own spelling of /w/api: trusted local text, normalized.
    assert.equal(found(r.resolve(frame({ absPath: '/usr/src/server/src/x.js' }))).path, '/w/api/server/src/x.js');
    const missing = new FrameResolver(index, { mappings: [{ from: '/usr/src/app/', to: '/w/api/nowhere' }] });
    const fallback = missing.resolve(container);
    assert.ok(fallback.found && fallback.method === 'prefix', JSON.stringify(fallback));
  });

  it('maps Windows build paths case-insensitively and webpack/URL prefixes as written', () => {
    const mappings = [
      { from: 'C:\\Build\\Agent\\', to: '/w/api/server' },
      { from: 'webpack://web/./', to: '/w/web' },
      { from: 'https://cdn.example.com/assets/', to: '/w/api/server/v2' },
    ];
    const r = new FrameResolver(index, { mappings });
    assert.equal(found(r.resolve(frame({ absPath: 'c:\\build\\agent\\src\\x.js' }))).path, '/w/api/server/src/x.js');
    assert.equal(found(r.resolve(frame({ absPath: 'webpack://web/./src/x.js' }))).path, '/w/web/src/x.js');
    assert.equal(found(r.resolve(frame({ absPath: 'https://cdn.example.com/assets/src/x.js?v=9' }))).path, '/w/api/server/v2/src/x.js');
  });

  it('never lets the mapped rest climb out of the target, nor returns files outside the roots', () => {
    const outside = new FileIndex(['/w/api'], ['/w/api/src/x.js', '/etc/passwd', '/w/other/secret.txt']);
    assert.equal(outside.size, 1);
    const r = new FrameResolver(outside, {
      mappings: [
        { from: '/usr/src/app/', to: '/w/api/src' },
        { from: '/etc/', to: '/etc' },
        { from: '/x/', to: '/w/other' },
      ],
    });
    assert.equal(r.resolve(frame({ absPath: '/usr/src/app/../../../etc/passwd' })).found, false);
    assert.equal(r.resolve(frame({ absPath: '/etc/passwd' })).found, false);
    assert.equal(r.resolve(frame({ absPath: '/x/secret.txt' })).found, false);
  });

  it('substitutes ${workspaceFolder} variables', () => {
    const folders = [
      { name: 'api', path: '/w/api' },
      { name: 'web', path: '/w/web' },
    ];
    assert.equal(substituteWorkspaceFolder('${workspaceFolder}/server', folders), '/w/api/server');
    assert.equal(substituteWorkspaceFolder('${workspaceFolder:web}/src', folders), '/w/web/src');
    assert.equal(substituteWorkspaceFolder('/mnt/${workspaceFolderBasename}', folders), '/mnt/api');
    assert.equal(substituteWorkspaceFolder('${workspaceFolder:nope}/src', folders), undefined);
    assert.equal(substituteWorkspaceFolder('${workspaceFolder}', []), undefined);
  });

  it('ignores malformed mappings', () => {
    const mapper = new PathMapper([
      { from: '', to: '/w/api' },
      { from: '/a/', to: 'relative/folder' },
      { from: 42, to: '/w/api' } as unknown as { from: string; to: string },
    ]);
    assert.equal(mapper.isEmpty, true);
  });
});

describe('source/frameResolver code mappings', () => {
  const index = new FileIndex(['/w/mono'], ['/w/mono/services/api/src/x.js', '/w/mono/src/x.js']);
  const f = frame({ absPath: '/usr/src/app/src/x.js' });

  it('resolves a repository-relative sourcePath before known prefixes', () => {
    const r = new FrameResolver(index);
    assert.equal(found(r.resolve(f)).path, '/w/mono/src/x.js');
    const result = found(r.resolve(f, { sourcePath: 'services/api/src/x.js' }));
    assert.equal(result.method, 'codeMapping');
    assert.equal(result.path, '/w/mono/services/api/src/x.js');
  });

  it('matches a sourcePath by suffix when the workspace is a subfolder or parent of the repository', () => {
    const r = new FrameResolver(new FileIndex(['/w/api'], ['/w/api/src/x.js']));
    assert.equal(found(r.resolve(f, { sourcePath: 'services/api/src/x.js' })).method, 'codeMapping');
  });

  it('consults the async lookup only after user mappings fail', async () => {
    let calls = 0;
    const lookup = async (): Promise<string | undefined> => {
      calls++;
      return 'services/api/src/x.js';
    };
    const mapped = new FrameResolver(index, { mappings: [{ from: '/usr/src/app/', to: '/w/mono' }] });
    const viaMapping = found(await mapped.resolveAsync(f, { codeMappingLookup: lookup }));
    assert.equal(viaMapping.method, 'mapping');
    assert.equal(calls, 0);

    const plain = new FrameResolver(index);
    const viaLookup = found(await plain.resolveAsync(f, { codeMappingLookup: lookup }));
    assert.equal(viaLookup.method, 'codeMapping');
    assert.equal(viaLookup.path, '/w/mono/services/api/src/x.js');
    assert.equal(calls, 1);
  });

  it("applies the project's code mappings locally, before asking the lookup", async () => {
    const codeMappings = [
      { stackRoot: '/usr/src/', sourceRoot: 'nowhere/' },
      { stackRoot: '/usr/src/app/', sourceRoot: 'services/api/' },
    ];
    let calls = 0;
    const r = new FrameResolver(index, { codeMappings });
    const result = found(
      await r.resolveAsync(f, {
        codeMappingLookup: async () => {
          calls++;
          return undefined;
        },
      }),
    );
    assert.equal(result.method, 'codeMapping');
    assert.equal(result.path, '/w/mono/services/api/src/x.js');
    assert.equal(calls, 0);
    assert.equal(found(r.resolve(f)).method, 'codeMapping');
  });

  it('derives source paths like Sentry: longest stack root, empty roots, no climbing out', () => {
    const mappings = [
      { stackRoot: 'app:///', sourceRoot: 'web/' },
      { stackRoot: '', sourceRoot: 'backend' },
      { stackRoot: 'C:\\build\\', sourceRoot: 'src' },
    ];
    assert.equal(codeMappingSourcePath(frame({ absPath: 'app:///static/x.js?v=1' }), mappings), 'web/static/x.js');
    assert.equal(codeMappingSourcePath(frame({ filename: 'shop/views.py' }), mappings), 'backend/shop/views.py');
    assert.equal(codeMappingSourcePath(frame({ absPath: 'C:\\build\\Foo.cs' }), mappings), 'src/Foo.cs');
    assert.equal(codeMappingSourcePath(frame({ absPath: 'app:///../../etc/passwd' }), mappings), undefined);
    assert.equal(codeMappingSourcePath(frame({ absPath: '/opt/x.py' }), mappings), undefined);
    assert.equal(codeMappingSourcePath(frame({}), mappings), undefined);
  });

  it('falls back when the lookup fails, finds nothing, or returns a hostile path', async () => {
    const r = new FrameResolver(index);
    const failing = found(await r.resolveAsync(f, { codeMappingLookup: () => Promise.reject(new Error('HTTP 404')) }));
    assert.equal(failing.method, 'prefix');
    const empty = found(await r.resolveAsync(f, { codeMappingLookup: async () => undefined }));
    assert.equal(empty.method, 'prefix');
    const hostile = found(await r.resolveAsync(f, { codeMappingLookup: async () => '../../etc/passwd' }));
    assert.equal(hostile.method, 'prefix');
  });
});
