import assert from 'node:assert/strict';
import { FileChange, FileIndex } from '../../../src/source/fileIndex';
import { largeMonorepo, seededRandom } from '../../fixtures/largeMonorepo';

const ROOT = '/w/mono';

describe('source/fileIndex: watcher changes', function () {
  this.timeout(60_000);

  it('applies a branch switch of 5,000 changes to a 100,000-file index in well under a second, without rebuilding', () => {
    const files = largeMonorepo(100_000).files.map((file) => `${ROOT}/${file}`);
    const index = new FileIndex([ROOT], files);
    const next = seededRandom(11);
    const deleted = new Set<string>();
    const changes: FileChange[] = [];
    while (deleted.size < 2500) {
      const path = files[Math.floor(next() * files.length)];
      if (!deleted.has(path)) {
        deleted.add(path);
        changes.push({ path, deleted: true });
      }
    }
    const created: string[] = [];
    for (let i = 0; i < 2500; i++) {
      const folder = files[Math.floor(next() * files.length)].replace(/\/[^/]*$/, '');
      created.push(`${folder}${i % 4 === 0 ? '/feature' : ''}/Switched${i}.ts`);
    }
    changes.push(...created.map((path) => ({ path, deleted: false })));
    const generation = index.generation;

    const started = process.hrtime.bigint();
    const applied = index.applyChanges(changes);
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;

    assert.deepEqual(applied, { added: 2500, removed: 2500 });
    assert.ok(elapsedMs < 1000, `took ${elapsedMs.toFixed(1)} ms`);
    assert.equal(index.generation, generation + 5000, 'one step per file: nothing was rebuilt');
    assert.equal(index.size, files.length);
    assert.ok([...deleted].every((path) => !index.has(path)));
    assert.ok(created.every((path) => index.has(path)));
    const lookup = index.longestSuffix(['feature', 'Switched8.ts'], false);
    assert.equal(lookup.length, 2);
    assert.deepEqual(lookup.files().map((file) => file.path), [created[8]]);
  });

  it('a deleted folder takes every file below it; a deleted path the index never had changes nothing', () => {
    const index = new FileIndex([ROOT], [`${ROOT}/a/b/c.ts`, `${ROOT}/a/b/d/e.ts`, `${ROOT}/a/x.ts`, `${ROOT}/ab/c.ts`]);
    assert.deepEqual(index.applyChanges([{ path: `${ROOT}/a/b`, deleted: true }]), { added: 0, removed: 2 });
    assert.deepEqual([...index.files()].map((file) => file.path).sort(), [`${ROOT}/a/x.ts`, `${ROOT}/ab/c.ts`]);
    assert.equal(index.hasFolder(ROOT, ['a', 'b']), false);
    assert.equal(index.hasFolder(ROOT, ['a']), true);
    assert.deepEqual(index.applyChanges([{ path: `${ROOT}/node_modules/x`, deleted: true }, { path: '/elsewhere/a.ts', deleted: true }]), { added: 0, removed: 0 });
    assert.deepEqual(index.applyChanges([{ path: ROOT, deleted: true }]), { added: 0, removed: 2 }, 'the workspace folder itself');
    assert.equal(index.size, 0);
  });

  it('applies changes in order: deleted then created again is there, created then deleted is not', () => {
    const index = new FileIndex([ROOT], [`${ROOT}/src/a.ts`]);
    index.applyChanges([
      { path: `${ROOT}/src/a.ts`, deleted: true },
      { path: `${ROOT}/src/a.ts`, deleted: false },
      { path: `${ROOT}/src/b.ts`, deleted: false },
      { path: `${ROOT}/src/b.ts`, deleted: true },
      { path: `${ROOT}/src`, deleted: true },
      { path: `${ROOT}/src/c.ts`, deleted: false },
    ]);
    assert.deepEqual([...index.files()].map((file) => file.path), [`${ROOT}/src/c.ts`]);
  });

  it('keeps case-insensitive and folder lookups current through changes to a large name group', () => {
    const files = Array.from({ length: 500 }, (_, i) => `${ROOT}/packages/p${i}/src/index.ts`);
    const index = new FileIndex([ROOT], files);
    assert.equal(index.longestSuffix(['P7', 'SRC', 'INDEX.TS'], true).count, 1);
    index.applyChanges(files.slice(0, 250).map((path) => ({ path, deleted: true })));
    assert.equal(index.longestSuffix(['index.ts'], false).count, 250);
    assert.equal(index.longestSuffix(['P7', 'SRC', 'INDEX.TS'], true).length, 2, 'p7 is gone: only src/index.ts is shared');
    assert.equal(index.hasFolder(ROOT, ['packages', 'p7']), false);
    assert.equal(index.hasFolder(ROOT, ['PACKAGES', 'P300']), true);
  });
});

describe('source/fileIndex: a listing indexed a slice at a time', () => {
  it('pauses between slices and ends with the same index as one go', async function () {
    this.timeout(60_000);
    const files = largeMonorepo(30_000).files.map((file) => `${ROOT}/${file}`);
    const sliced = new FileIndex([ROOT]);
    let pauses = 0;
    const added = await sliced.addAllInSlices(files, async () => {
      pauses++;
    }, 0);
    const whole = new FileIndex([ROOT], files);
    assert.equal(added, files.length);
    assert.ok(pauses >= Math.floor(files.length / 1024) - 1, `${pauses} pauses`);
    assert.equal(sliced.size, whole.size);
    for (const segments of [['index.ts'], ['src', 'utils', 'format.ts'], ['components', 'index.ts']]) {
      const a = sliced.longestSuffix(segments, false);
      const b = whole.longestSuffix(segments, false);
      assert.deepEqual([a.length, a.count, a.files().map((file) => file.key).sort()], [b.length, b.count, b.files().map((file) => file.key).sort()]);
    }
  });
});
