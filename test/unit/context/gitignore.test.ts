import * as assert from 'node:assert/strict';
import { GitignoreRules, IgnoreFilter } from '../../../src/core/context/gitignore';

function filter(...files: Array<[string, string]>): IgnoreFilter {
  return new IgnoreFilter(files.map(([base, text]) => GitignoreRules.parse(text, base)));
}

describe('.gitignore rules', () => {
  it('ignores names at any depth, folders with everything below them, and skips comments', () => {
    const f = filter(['', '# build output\nnode_modules/\n*.log\n\ndist\n']);
    assert.equal(f.ignores('node_modules/x/index.js'), true);
    assert.equal(f.ignores('packages/a/node_modules/y.js'), true);
    assert.equal(f.ignores('debug.log'), true);
    assert.equal(f.ignores('logs/today.log'), true);
    assert.equal(f.ignores('dist/extension.js'), true);
    assert.equal(f.ignores('src/dist.ts'), false);
    assert.equal(f.ignores('src/math.ts'), false);
  });

  it('a trailing slash matches folders only; a leading or middle slash anchors to the file\'s folder', () => {
    const f = filter(['', 'build/\n/root-only.txt\ndocs/generated\n']);
    assert.equal(f.ignores('build'), false, 'a file named build is kept');
    assert.equal(f.ignores('build/a.js'), true);
    assert.equal(f.ignores('root-only.txt'), true);
    assert.equal(f.ignores('sub/root-only.txt'), false);
    assert.equal(f.ignores('docs/generated/a.md'), true);
    assert.equal(f.ignores('x/docs/generated/a.md'), false);
  });

  it('supports negation, ** and character classes', () => {
    const f = filter(['', '*.js\n!keep.js\n**/tmp/**\nfile[0-9].txt\na/**/z.md\n']);
    assert.equal(f.ignores('lib/a.js'), true);
    assert.equal(f.ignores('lib/keep.js'), false);
    assert.equal(f.ignores('x/tmp/y/z.txt'), true);
    assert.equal(f.ignores('file3.txt'), true);
    assert.equal(f.ignores('filex.txt'), false);
    assert.equal(f.ignores('a/z.md'), true);
    assert.equal(f.ignores('a/b/c/z.md'), true);
  });

  it('a file inside an ignored folder cannot be re-included, as in git', () => {
    const f = filter(['', 'out/\n!out/keep.txt\n']);
    assert.equal(f.ignores('out/keep.txt'), true);
  });

  it('a nested .gitignore applies below its folder and overrides the root', () => {
    const f = filter(['', '*.gen.ts\n'], ['packages/a', '!*.gen.ts\nsecret.txt\n']);
    assert.equal(f.ignores('src/x.gen.ts'), true);
    assert.equal(f.ignores('packages/a/x.gen.ts'), false);
    assert.equal(f.ignores('packages/a/secret.txt'), true);
    assert.equal(f.ignores('secret.txt'), false);
  });
});
