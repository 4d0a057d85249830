import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listFolder } from '../../../src/editor/folderListing';
import { DEFAULT_IGNORED_DIRECTORIES } from '../../../src/source/fileIndex';
import { excludeRules } from '../../../src/source/excludeGlobs';

describe('editor/folderListing', () => {
  let root: string;
  let outside: string;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'sentry-listing-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'sentry-listing-outside-'));
    const files = [
      'src/app.ts',
      'src/app.js',
      'src/lone.js',
      'src/deep/a/b/c.ts',
      'node_modules/react/index.js',
      'packages/ui/Dist/index.js',
      'generated/types.ts',
      'packages/ui/generated/api.ts',
      '.git/HEAD',
      '.cache/x.js',
      'docs/readme.md',
    ];
    for (const file of files) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), '');
    }
    fs.writeFileSync(path.join(outside, 'linked.ts'), '');
    fs.mkdirSync(path.join(outside, 'folder'));
    fs.writeFileSync(path.join(outside, 'folder', 'inner.ts'), '');
    fs.symlinkSync(path.join(outside, 'linked.ts'), path.join(root, 'src', 'linked.ts'));
    fs.symlinkSync(path.join(outside, 'folder'), path.join(root, 'src', 'linkedFolder'));
  });

  after(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('lists every file the rules keep, never entering excluded folders; links to files kept, to folders not followed', async () => {
    const rules = excludeRules([{ '**/.git': true, '**/*.js': { when: '$(basename).ts' } }, { '**/generated': true, '.cache': true }], DEFAULT_IGNORED_DIRECTORIES);
    const found = (await listFolder(root, '', rules)).map((file) => path.relative(root, file).split(path.sep).join('/')).sort();
    assert.deepEqual(found, ['docs/readme.md', 'src/app.ts', 'src/deep/a/b/c.ts', 'src/linked.ts', 'src/lone.js']);
  });

  it('lists one folder below the workspace with paths relative to the workspace for the rules, and stops when cancelled', async () => {
    const rules = excludeRules([{ 'packages/ui/generated': true }], DEFAULT_IGNORED_DIRECTORIES);
    const found = (await listFolder(path.join(root, 'packages'), 'packages', rules)).map((file) => path.relative(root, file));
    assert.deepEqual(found, []);
    const all = await listFolder(path.join(root, 'packages'), 'packages', excludeRules([], []));
    assert.deepEqual(all.map((file) => path.relative(root, file).split(path.sep).join('/')).sort(), ['packages/ui/Dist/index.js', 'packages/ui/generated/api.ts']);
    assert.deepEqual(await listFolder(root, '', rules, { isCancellationRequested: true, onCancellationRequested: () => ({ dispose: () => undefined }) }), []);
    assert.deepEqual(await listFolder(path.join(root, 'missing'), 'missing', rules), []);
  });
});
