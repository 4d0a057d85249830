import assert from 'node:assert/strict';
import { FileIndex } from '../../../src/source/fileIndex';

function paths(files: Iterable<{ path: string }>): string[] {
  return [...files].map((file) => file.path).sort();
}

describe('source/fileIndex', () => {
  it('keeps only files under the roots, outside ignored folders', () => {
    const index = new FileIndex(
      ['/w/app'],
      [
        '/w/app/src/a.ts',
        '/w/app/node_modules/x/index.js',
        '/w/app/.git/HEAD',
        '/w/app/dist/a.js',
        '/w/app/out/a.js',
        '/w/app/build/a.js',
        '/w/app/target/A.class',
        '/w/app/bin/Debug/a.dll',
        '/w/app/obj/a.cs',
        '/w/app/.next/server.js',
        '/w/app/pkg/__pycache__/a.pyc',
        '/w/app/.venv/lib/a.py',
        '/w/app/venv/lib/a.py',
        '/w/app/packages/ui/Node_Modules/x.js',
        '/w/application/src/a.ts',
        '/w/app',
        '/elsewhere/a.ts',
        'relative/a.ts',
      ],
    );
    assert.deepEqual(paths(index.files()), ['/w/app/src/a.ts']);
  });

  it('checks ignored names only below the root, and accepts custom ignore lists', () => {
    const underBuild = new FileIndex(['/home/me/build/app'], ['/home/me/build/app/src/a.ts']);
    assert.equal(underBuild.size, 1);
    const custom = new FileIndex(['/w'], ['/w/dist/a.js', '/w/gen/b.js'], { ignoredDirectories: ['gen'] });
    assert.deepEqual(paths(custom.files()), ['/w/dist/a.js']);
  });

  it('assigns files to the deepest of nested roots', () => {
    const index = new FileIndex(['/w', '/w/inner'], ['/w/inner/a.ts', '/w/b.ts']);
    assert.equal(index.get('/w/inner/a.ts')?.root, '/w/inner');
    assert.deepEqual(index.get('/w/inner/a.ts')?.relative, ['a.ts']);
    assert.equal(index.get('/w/b.ts')?.root, '/w');
  });

  it('adds, removes and removes whole folders (watcher events)', () => {
    const index = new FileIndex(['/w'], ['/w/src/a.ts', '/w/src/lib/b.ts', '/w/src/lib/c.ts']);
    assert.equal(index.add('/w/src/d.ts'), true);
    assert.equal(index.add('/w/src/d.ts'), false);
    assert.equal(index.longestSuffix(['src', 'd.ts'], false).length, 2);
    assert.equal(index.remove('/w/src/d.ts'), true);
    assert.equal(index.remove('/w/src/d.ts'), false);
    assert.equal(index.longestSuffix(['src', 'd.ts'], false).length, 0);
    assert.equal(index.removeFolder('/w/src/lib'), 2);
    assert.deepEqual(paths(index.files()), ['/w/src/a.ts']);
    assert.equal(index.longestSuffix(['lib', 'b.ts'], false).length, 0);
  });

  it('keeps the case-insensitive view in step with changes', () => {
    const index = new FileIndex(['/w'], ['/w/Src/Foo.cs']);
    assert.equal(index.longestSuffix(['src', 'foo.cs'], true).length, 2);
    index.add('/w/Lib/Bar.cs');
    assert.equal(index.longestSuffix(['LIB', 'BAR.CS'], true).length, 2);
    index.remove('/w/Src/Foo.cs');
    assert.equal(index.longestSuffix(['src', 'foo.cs'], true).length, 0);
    assert.equal(index.longestSuffix(['src', 'foo.cs'], false).length, 0);
  });

  it('finds the longest shared suffix and every file that has it', () => {
    const index = new FileIndex(['/w'], ['/w/a/src/index.ts', '/w/b/src/index.ts', '/w/b/lib/index.ts']);
    const both = index.longestSuffix(['x', 'src', 'index.ts'], false);
    assert.equal(both.length, 2);
    assert.deepEqual(paths(both.files()), ['/w/a/src/index.ts', '/w/b/src/index.ts']);
    const one = index.longestSuffix(['b', 'src', 'index.ts'], false);
    assert.equal(one.length, 3);
    assert.deepEqual(paths(one.files()), ['/w/b/src/index.ts']);
    assert.equal(index.longestSuffix(['nope.ts'], false).length, 0);
    assert.deepEqual([...index.longestSuffix(['nope.ts'], false).files()], []);
  });

  it('looks up root-relative and absolute paths', () => {
    const index = new FileIndex(['/w/one', '/w/two'], ['/w/one/src/a.ts', '/w/two/src/a.ts']);
    assert.deepEqual(paths(index.findRelative(['src', 'a.ts'], false)), ['/w/one/src/a.ts', '/w/two/src/a.ts']);
    assert.deepEqual(paths(index.findRelative(['src', 'a.ts'], false, '/w/two')), ['/w/two/src/a.ts']);
    assert.deepEqual(paths(index.findAbsolute('/w/one/src/a.ts', false)), ['/w/one/src/a.ts']);
    assert.deepEqual(paths(index.findAbsolute('/W/ONE/SRC/A.TS', true)), ['/w/one/src/a.ts']);
    assert.deepEqual(index.findAbsolute('/W/ONE/SRC/A.TS', false), []);
  });

  it('knows which folders hold files (ignoring case), kept current once asked', () => {
    const index = new FileIndex(['/w'], ['/w/libs/site/src/a.ts']);
    assert.equal(index.hasFolder('/w', ['libs', 'site']), true);
    assert.equal(index.hasFolder('/w', ['LIBS', 'Site', 'src']), true);
    assert.equal(index.hasFolder('/w', ['libs', 'payments']), false);
    index.add('/w/libs/payments/src/b.ts');
    assert.equal(index.hasFolder('/w', ['libs', 'payments']), true);
    index.remove('/w/libs/payments/src/b.ts');
    assert.equal(index.hasFolder('/w', ['libs', 'payments']), false);
    assert.equal(index.hasFolder('/w', ['libs']), true);
    const generation = index.generation;
    index.add('/w/x.ts');
    assert.equal(index.generation, generation + 1);
  });

  it('counts the files a suffix reaches, and the vendored ones, without walking them', () => {
    const index = new FileIndex(['/w'], ['/w/a/util.ts', '/w/b/util.ts', '/w/vendor/c/util.ts', '/w/d/other.ts']);
    const lookup = index.longestSuffix(['util.ts'], false);
    assert.equal(lookup.count, 3);
    assert.equal(lookup.libraryCount, 1);
    assert.equal(lookup.files(2).length, 2);
    index.remove('/w/vendor/c/util.ts');
    assert.equal(index.longestSuffix(['util.ts'], false).libraryCount, 0);
  });

  it('tells a file from a folder of the same name, and keeps a crowded folder right through removals and re-adds', () => {
    const index = new FileIndex(['/w'], ['/w/a/x', '/w/a/x/y.ts', '/w/a/x/x']);
    assert.deepEqual(paths(index.findRelative(['a', 'x'], false)), ['/w/a/x']);
    assert.deepEqual(paths(index.findRelative(['a', 'x', 'x'], false)), ['/w/a/x/x']);
    assert.equal(index.remove('/w/a/x'), true);
    assert.equal(index.has('/w/a/x'), false);
    assert.deepEqual(paths(index.files()), ['/w/a/x/x', '/w/a/x/y.ts']);
    assert.equal(index.hasFolder('/w', ['a', 'x']), true);

    // 3,000 files in one folder, then every other one removed and new ones added into the freed numbers.
    const crowded = Array.from({ length: 3000 }, (_, i) => `/w/flat/f${i}.ts`);
    const flat = new FileIndex(['/w'], crowded);
    crowded.filter((_, i) => i % 2 === 0).forEach((path) => assert.equal(flat.remove(path), true, path));
    const added = Array.from({ length: 1000 }, (_, i) => `/w/flat/g${i}.ts`);
    added.forEach((path) => assert.equal(flat.add(path), true, path));
    assert.equal(flat.size, 2500);
    crowded.forEach((path, i) => assert.equal(flat.has(path), i % 2 === 1, path));
    assert.ok(added.every((path) => flat.has(path)));
    assert.deepEqual(paths(flat.findRelative(['flat', 'g999.ts'], false)), ['/w/flat/g999.ts']);
    assert.equal(flat.longestSuffix(['flat', 'f1.ts'], false).count, 1);
    assert.equal(flat.longestSuffix(['flat', 'f2.ts'], false).length, 0);
  });

  it('accepts Windows paths and returns them as given', () => {
    const index = new FileIndex(['C:\\Users\\me\\proj'], ['C:\\Users\\me\\proj\\src\\App.cs', 'c:/Users/me/proj/src/Other.cs']);
    assert.equal(index.size, 2);
    assert.equal(index.get('c:/Users/me/proj/src/App.cs')?.path, 'C:\\Users\\me\\proj\\src\\App.cs');
    assert.equal(index.has('C:\\Users\\me\\proj\\src\\Other.cs'), true);
    assert.deepEqual(index.roots, ['c:/Users/me/proj']);
  });
});
