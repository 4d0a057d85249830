import assert from 'node:assert/strict';
import { excludeRules, globRegExp, withoutBraces } from '../../../src/source/excludeGlobs';

const FILES_EXCLUDE = { '**/.git': true, '**/.DS_Store': true, '**/*.js': { when: '$(basename).ts' } };
const SEARCH_EXCLUDE = { '**/node_modules': true, '**/generated': true, 'legacy/**': true, '**/*.min.{js,css}': true, '**/cache[0-9]': true, '**/keep': false, 'apps/?eb/tmp': true };

const none = (): boolean => false;

describe('source/excludeGlobs', () => {
  const rules = excludeRules([FILES_EXCLUDE, SEARCH_EXCLUDE], ['node_modules', 'dist', '.git']);

  it('leaves out what files.exclude and search.exclude set to true, and dependency / build folders by name', () => {
    assert.equal(rules.excludesEntry('packages/a/generated', true, none), true);
    assert.equal(rules.excludesEntry('packages/a/generatedx', true, none), false);
    assert.equal(rules.excludesEntry('legacy', true, none), true);
    assert.equal(rules.excludesEntry('src/legacy', true, none), false);
    assert.equal(rules.excludesEntry('web/vendor.min.js', false, none), true);
    assert.equal(rules.excludesEntry('web/vendor.min.css', false, none), true);
    assert.equal(rules.excludesEntry('apps/web/tmp', true, none), true);
    assert.equal(rules.excludesEntry('apps/mweb/tmp', true, none), false);
    assert.equal(rules.excludesEntry('a/cache7', true, none), true);
    assert.equal(rules.excludesEntry('a/keep', true, none), false, 'an entry set to false excludes nothing');
    assert.equal(rules.excludesEntry('packages/a/Dist', true, none), true, 'folder names compare ignoring case');
    assert.equal(rules.excludesEntry('packages/a/dist', false, none), false, 'a file named like an ignored folder stays');
    assert.equal(rules.excludesEntry('.git', true, none), true);
    assert.equal(rules.excludesEntry('src/index.ts', false, none), false);
  });

  it('applies a when clause with the entry\'s siblings: x.js goes only where x.ts lies beside it', () => {
    assert.equal(rules.readsSiblings, true);
    assert.equal(rules.excludesEntry('src/app.js', false, (name) => name === 'app.ts'), true);
    assert.equal(rules.excludesEntry('src/app.js', false, (name) => name === 'other.ts'), false);
    assert.equal(excludeRules([SEARCH_EXCLUDE], []).readsSiblings, false);
  });

  it('tests a watcher path with its folders', () => {
    assert.equal(rules.excludes('packages/a/generated/types.ts'), true);
    assert.equal(rules.excludes('packages/a/node_modules/x/index.js'), true);
    assert.equal(rules.excludes('legacy/old/a.ts'), true);
    assert.equal(rules.excludes('packages/a/src/dist.ts'), false);
    assert.equal(rules.excludes('src/index.ts'), false);
  });

  it('reads any shape of setting, and writes out brace groups', () => {
    const odd = excludeRules([undefined, null, ['**/x'], 'text', { '': true, '{a,{b}}': true, '**/y': 'yes' }], []);
    assert.equal(odd.excludesEntry('x', true, none), false);
    assert.equal(odd.excludesEntry('b', true, none), false);
    assert.equal(odd.excludesEntry('y', true, none), false);
    assert.deepEqual(withoutBraces('**/*.{js,map}'), ['**/*.js', '**/*.map']);
    assert.deepEqual(withoutBraces('{a,b}/{c,d}'), ['a/c', 'a/d', 'b/c', 'b/d']);
    assert.deepEqual(withoutBraces('{a,{b,c}}'), []);
    assert.deepEqual(withoutBraces('{a,b,c,d,e,f,g,h,i}/{a,b,c,d,e,f,g,h,i}'), [], 'more than 64 spellings');
  });

  it('turns globs into anchored expressions', () => {
    assert.equal(globRegExp('**/a/*.ts').test('x/y/a/b.ts'), true);
    assert.equal(globRegExp('**/a/*.ts').test('a/b.ts'), true);
    assert.equal(globRegExp('**/a/*.ts').test('a/b/c.ts'), false);
    assert.equal(globRegExp('src/**').test('src'), true);
    assert.equal(globRegExp('src/**').test('src/a/b'), true);
    assert.equal(globRegExp('[!a]b').test('ab'), false);
    assert.equal(globRegExp('[!a]b').test('cb'), true);
    assert.equal(globRegExp('a.b(c)').test('a.b(c)'), true);
    assert.equal(globRegExp('a.b(c)').test('axb(c)'), false);
  });
});
