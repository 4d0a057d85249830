import assert from 'node:assert/strict';
import { excludeRules, globRegExp, withoutBraces } from '../../../src/source/excludeGlobs';

describe('source/excludeGlobs', () => {
  it('lists the ignored folders and every search.exclude pattern set to true in one brace glob', () => {
    const rules = excludeRules({ '**/node_modules': true, '**/*.code-search': true, '**/generated': false, '**/*.js': { when: '$(basename).ts' }, 'docs/**': true }, ['dist', '.git']);
    assert.equal(rules.glob, '{**/dist/**,**/.git/**,**/node_modules,**/node_modules/**,**/*.code-search,**/*.code-search/**,docs/**}');
  });

  it('reads any shape of setting, writes out brace groups, and leaves out what one glob cannot hold', () => {
    assert.equal(excludeRules(undefined, ['out']).glob, '**/out/**');
    assert.equal(excludeRules(['**/x'], []).glob, undefined, 'nothing to add: findFiles applies files.exclude alone');
    assert.deepEqual(withoutBraces('**/*.{js,map}'), ['**/*.js', '**/*.map']);
    assert.deepEqual(withoutBraces('{a,b}/{c,d}'), ['a/c', 'a/d', 'b/c', 'b/d']);
    assert.deepEqual(withoutBraces('{a,{b,c}}'), []);
    assert.deepEqual(withoutBraces('{a,b,c,d,e,f,g,h,i}/{a,b,c,d,e,f,g,h,i}'), [], 'more than 64 spellings');
    const rules = excludeRules({ 'a,b/**': true, '**/*.{snap,map}': true }, []);
    assert.equal(rules.glob, '{**/*.snap,**/*.snap/**,**/*.map,**/*.map/**}');
    assert.equal(rules.excludes('a,b/y.ts'), true, 'the watcher still honours it');
  });

  it('tests watcher paths the way the listing excludes them: the path or one of its folders matches', () => {
    const rules = excludeRules({ '**/generated': true, 'legacy/**': true, '**/*.min.js': true, 'apps/?eb/tmp': true, '**/cache[0-9]': true }, ['node_modules']);
    assert.equal(rules.excludes('packages/a/generated/types.ts'), true);
    assert.equal(rules.excludes('generated'), true);
    assert.equal(rules.excludes('packages/generatedx/types.ts'), false);
    assert.equal(rules.excludes('legacy/old/a.ts'), true);
    assert.equal(rules.excludes('src/legacy/a.ts'), false);
    assert.equal(rules.excludes('web/vendor.min.js'), true);
    assert.equal(rules.excludes('apps/web/tmp/x.ts'), true);
    assert.equal(rules.excludes('apps/mweb/tmp/x.ts'), false);
    assert.equal(rules.excludes('a/cache7/b.ts'), true);
    assert.equal(rules.excludes('src/index.ts'), false);
    assert.equal(excludeRules({}, ['node_modules']).excludes('node_modules/x.js'), false, 'ignored folders are the index\'s own business');
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
