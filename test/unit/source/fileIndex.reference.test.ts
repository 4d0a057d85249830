import assert from 'node:assert/strict';
import { FileIndex, SuffixLookup } from '../../../src/source/fileIndex';
import { largeMonorepo, seededRandom } from '../../fixtures/largeMonorepo';
import { ReferenceFileIndex, ReferenceSuffix } from './referenceFileIndex';

/**
 * The compact index against the obvious one (`ReferenceFileIndex`) on a generated 100,000-file monorepo with
 * case variants, decomposed (NFD) names, vendored and ignored folders and a second root: exact, suffix,
 * case-insensitive and NFC lookups give the same files, before and after a branch switch's worth of changes.
 */

const ROOT = '/home/dev/mono';
const SECOND_ROOT = '/home/dev/tools';
const FILE_COUNT = 100_000;
const QUERIES = 100;

/** Spellings the workspace itself has: a folder in other letter case, files differing only in case, NFD names. */
function variants(files: readonly string[]): string[] {
  const packages = [...new Set(files.filter((path) => path.startsWith('packages/')).map((path) => path.split('/').slice(0, 2).join('/')))];
  const out: string[] = [];
  packages.slice(0, 40).forEach((pkg, i) => {
    out.push(`${pkg}/src/Components/Legacy${i}/index.ts`, `${pkg}/src/Components/Legacy${i}/Legacy${i}.tsx`);
    out.push(`${pkg}/README.MD`, `${pkg}/src/utils/Format.ts`);
    out.push(`${pkg}/src/i18n/cafe\u0301-${i % 5}.ts`, `${pkg}/src/i18n/Cafe\u0301-${i % 5}.ts`, `${pkg}/src/nai\u0308ve/strings.ts`);
    out.push(`${pkg}/vendor/left-pad/index.js`, `${pkg}/third_party/lib/${i % 3}/utils.ts`);
    out.push(`${pkg}/node_modules/react/index.js`, `${pkg}/dist/index.js`, `${pkg}/.git/HEAD`);
  });
  return out;
}

function sortedKeys(lookup: SuffixLookup): string[] {
  return lookup.files().map((file) => file.key).sort();
}

function assertSameSuffix(actual: SuffixLookup, expected: ReferenceSuffix, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  assert.equal(actual.count, expected.count, `${what}: count`);
  assert.equal(actual.libraryCount, expected.libraryCount, `${what}: vendored count`);
  const keys = sortedKeys(actual);
  assert.deepEqual(keys, expected.keys, `${what}: files`);
  const limited = actual.files(3).map((file) => file.key);
  assert.equal(limited.length, Math.min(3, expected.count), `${what}: limited listing`);
  assert.ok(limited.every((key) => expected.keys.includes(key)), `${what}: limited listing is a subset`);
}

function mixCase(text: string, next: () => number): string {
  return [...text].map((char) => (next() < 0.5 ? char.toUpperCase() : char.toLowerCase())).join('');
}

/** Frame-like segment lists: a trailing part of a real path, sometimes under foreign folders, respelled or missing. */
function suffixQueries(keys: readonly string[], next: () => number, respell: boolean): string[][] {
  const queries: string[][] = [];
  while (queries.length < QUERIES) {
    const key = keys[Math.floor(next() * keys.length)];
    const relative = key.slice(key.indexOf('/', ROOT.length) + 1).split('/');
    let segments = relative.slice(-1 - Math.floor(next() * relative.length));
    const roll = next();
    if (roll < 0.25) {
      segments = ['usr', 'src', 'app', ...segments];
    } else if (roll < 0.45) {
      segments = ['packages', `absent-${Math.floor(next() * 9)}`, ...segments.slice(-2)];
    } else if (roll < 0.5) {
      segments = [...segments.slice(0, -1), `missing-${queries.length}.ts`];
    }
    if (respell) {
      segments = segments.map((segment) => (next() < 0.5 ? mixCase(segment, next) : segment));
    }
    if (next() < 0.15) {
      segments = segments.map((segment) => segment.normalize(next() < 0.5 ? 'NFD' : 'NFC'));
    }
    queries.push(segments);
  }
  return queries;
}

function compareAll(index: FileIndex, reference: ReferenceFileIndex, seed: number): void {
  const next = seededRandom(seed);
  const keys = reference.keys();
  assert.equal(index.size, reference.size, 'file count');

  for (let i = 0; i < 3000; i++) {
    const key = keys[Math.floor(next() * keys.length)];
    const file = index.get(key);
    assert.ok(file, `get(${key})`);
    assert.equal(file.key, key);
    assert.equal(file.path, reference.pathOf(key));
  }
  assert.equal(index.get(`${ROOT}/packages/nowhere/index.ts`), undefined);

  for (const caseInsensitive of [false, true]) {
    for (const segments of suffixQueries(keys, next, caseInsensitive)) {
      assertSameSuffix(index.longestSuffix(segments, caseInsensitive), reference.longestSuffix(segments, caseInsensitive), `longestSuffix(${segments.join('/')}, ${caseInsensitive})`);
    }
  }

  for (let i = 0; i < QUERIES; i++) {
    const key = keys[Math.floor(next() * keys.length)];
    const root = key.startsWith(`${SECOND_ROOT}/`) ? SECOND_ROOT : ROOT;
    const relative = key.slice(root.length + 1).split('/');
    const caseInsensitive = next() < 0.5;
    const asked = caseInsensitive ? relative.map((segment) => mixCase(segment, next)) : relative;
    const partial = next() < 0.2 ? asked.slice(1) : asked;
    const inRoot = next() < 0.3 ? root : undefined;
    assert.deepEqual(
      index.findRelative(partial, caseInsensitive, inRoot).map((file) => file.key).sort(),
      reference.findRelative(partial, caseInsensitive, inRoot),
      `findRelative(${partial.join('/')}, ${caseInsensitive}, ${inRoot})`,
    );
    const absolute = `${root}/${asked.join('/')}`;
    assert.deepEqual(index.findAbsolute(absolute, caseInsensitive).map((file) => file.key).sort(), reference.findAbsolute(absolute, caseInsensitive), `findAbsolute(${absolute})`);
    const folders = relative.slice(0, Math.floor(next() * relative.length));
    const probe = next() < 0.3 ? [...folders.slice(0, -1), 'nowhere'] : folders.map((segment) => (next() < 0.5 ? mixCase(segment, next) : segment));
    assert.equal(index.hasFolder(root, probe), reference.hasFolder(root, probe), `hasFolder(${probe.join('/')})`);
  }
}

describe('source/fileIndex against a reference implementation', function () {
  this.timeout(120_000);

  const generated = largeMonorepo(FILE_COUNT);
  const paths = [
    ...generated.files.map((file) => `${ROOT}/${file}`),
    ...variants(generated.files).map((file) => `${ROOT}/${file}`),
    ...['scripts/release.ts', 'src/index.ts', 'src/utils/index.ts', 'vendor/x/index.ts'].map((file) => `${SECOND_ROOT}/${file}`),
  ];

  it('answers like the reference on a 100,000-file tree: exact, suffix, case-insensitive and NFC lookups', () => {
    const index = new FileIndex([ROOT, SECOND_ROOT], paths);
    const reference = new ReferenceFileIndex([ROOT, SECOND_ROOT], paths);
    assert.ok(reference.size > FILE_COUNT, `${reference.size} files indexed`);
    compareAll(index, reference, 1);
  });

  it('still answers like the reference after a branch switch: files and folders gone, new files, one at a time or in a batch', () => {
    const batched = new FileIndex([ROOT, SECOND_ROOT], paths);
    const single = new FileIndex([ROOT, SECOND_ROOT], paths);
    const reference = new ReferenceFileIndex([ROOT, SECOND_ROOT], paths);
    const next = seededRandom(7);
    const keys = reference.keys();
    const changes: Array<{ path: string; deleted: boolean }> = [];
    for (let i = 0; i < 2000; i++) {
      changes.push({ path: keys[Math.floor(next() * keys.length)], deleted: true });
    }
    const folders = [...new Set(keys.filter((key) => key.includes('/packages/')).map((key) => key.split('/').slice(0, 6).join('/')))];
    for (let i = 0; i < 20; i++) {
      changes.push({ path: folders[Math.floor(next() * folders.length)], deleted: true });
    }
    for (let i = 0; i < 2000; i++) {
      const key = keys[Math.floor(next() * keys.length)];
      const slash = key.lastIndexOf('/');
      const name = next() < 0.3 ? mixCase(key.slice(slash + 1), next) : `Added${i}.ts`;
      changes.push({ path: `${key.slice(0, slash)}${next() < 0.2 ? '/NewFolder' : ''}/${name}`, deleted: false });
    }
    changes.push({ path: `${ROOT}/packages/x/node_modules/y/index.js`, deleted: false }, { path: `${ROOT}/packages/does/not/exist`, deleted: true });

    const applied = batched.applyChanges(changes);
    let added = 0;
    let removed = 0;
    for (const change of changes) {
      if (change.deleted) {
        const gone = single.remove(change.path) ? 1 : single.removeFolder(change.path);
        removed += gone;
        if (!reference.remove(change.path)) {
          reference.removeFolder(change.path);
        }
      } else {
        added += single.add(change.path) ? 1 : 0;
        reference.add(change.path);
      }
    }
    assert.deepEqual(applied, { added, removed });
    compareAll(batched, reference, 2);
    compareAll(single, reference, 3);
  });
});
