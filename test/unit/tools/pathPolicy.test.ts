import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { confinePath, globToRegExp, isExcluded, looksSecret } from '../../../src/core/tools/pathPolicy';
import { readToolSettings } from '../../../src/core/tools/toolSettings';

describe('tool path policy', () => {
  const root = { name: 'app', path: path.resolve('/work/app') };
  const other = { name: 'lib', path: path.resolve('/work/lib') };

  it('resolves relative paths inside the first workspace folder', () => {
    const confined = confinePath('src/math.ts', [root]);
    assert.ok(confined.ok);
    assert.equal(confined.absolute, path.join(root.path, 'src', 'math.ts'));
    assert.equal(confined.relative, 'src/math.ts');
    const dotted = confinePath('./src/../src/math.ts', [root]);
    assert.ok(dotted.ok && dotted.relative === 'src/math.ts');
  });

  it('refuses paths that leave the workspace: .., absolute elsewhere, NUL, no folder open', () => {
    for (const requested of ['../secret.txt', 'src/../../etc/passwd', path.resolve('/etc/passwd'), 'a\0b']) {
      const confined = confinePath(requested, [root]);
      assert.equal(confined.ok, false, requested);
    }
    assert.equal(confinePath('src/a.ts', []).ok, false);
  });

  it('accepts an absolute path inside a folder, and picks a named folder in a multi-root workspace', () => {
    const absolute = confinePath(path.join(other.path, 'x.ts'), [root, other]);
    assert.ok(absolute.ok && absolute.root.name === 'lib' && absolute.relative === 'x.ts');
    const named = confinePath('lib/src/y.ts', [root, other]);
    assert.ok(named.ok && named.root.name === 'lib' && named.relative === 'src/y.ts');
    const unnamed = confinePath('src/y.ts', [root, other]);
    assert.ok(unnamed.ok && unnamed.root.name === 'app');
  });

  it('sees secret-looking files by name, folder or user pattern, whatever the case', () => {
    for (const secret of ['.env', '.env.local', 'config/.ENV.production', 'certs/server.pem', 'home/.ssh/id_rsa', 'id_rsa.pub']) {
      assert.equal(looksSecret(secret), true, secret);
    }
    for (const plain of ['src/env.ts', 'README.md', 'pem.txt', 'src/environment/.gitkeep.ts']) {
      assert.equal(looksSecret(plain), false, plain);
    }
    assert.equal(looksSecret('deploy/credentials.json', ['credentials.*']), true);
    assert.equal(looksSecret('deploy/keys/a.txt', ['deploy/keys/**']), true);
    assert.equal(looksSecret('other/keys/a.txt', ['deploy/keys/**']), false);
  });

  it('turns globs into anchored regular expressions', () => {
    assert.ok(globToRegExp('**/*.ts').test('src/a/b.ts'));
    assert.ok(globToRegExp('**/*.ts').test('b.ts'));
    assert.ok(!globToRegExp('*.ts').test('src/b.ts'));
    assert.ok(globToRegExp('*.{pem,key}').test('a.key'));
    assert.ok(globToRegExp('file?.[ch]').test('file1.c'));
    assert.ok(!globToRegExp('a.b').test('axb'), 'dots are literal');
  });
});

describe('files.exclude for tools', () => {
  it('hides a file when a true pattern matches it or a folder on its way', () => {
    const exclude = { '**/.git': true, '**/node_modules': true, '**/*.log': true, 'dist': false, '**/*.js': { when: '$(basename).ts' } };
    assert.equal(isExcluded('node_modules/x/index.js', exclude), true);
    assert.equal(isExcluded('packages/a/node_modules/b.js', exclude), true);
    assert.equal(isExcluded('logs/today.log', exclude), true);
    assert.equal(isExcluded('dist/a.js', exclude), false, 'false patterns do not exclude');
    assert.equal(isExcluded('src/a.js', exclude), false, 'when-conditions are left to VS Code');
    assert.equal(isExcluded('src/math.ts', exclude), false);
  });
});

describe('tool settings', () => {
  it('reads valid values and falls back, naming the setting, on bad ones', () => {
    const from = (values: Record<string, unknown>) => (key: string): unknown => values[key];
    const good = readToolSettings(from({ 'tools.autoApproveReadOnly': true, 'tools.maxRounds': 3, 'tools.secretFilePatterns': ['*.key'] }));
    assert.deepEqual(good, { settings: { autoApproveReadOnly: true, maxRounds: 3, secretPatterns: ['*.key'] }, problems: [] });
    const bad = readToolSettings(from({ 'tools.autoApproveReadOnly': 'yes', 'tools.maxRounds': 0, 'tools.secretFilePatterns': 'x' }));
    assert.deepEqual(bad.settings, { autoApproveReadOnly: false, maxRounds: 15, secretPatterns: [] });
    assert.equal(bad.problems.length, 3);
    assert.match(bad.problems[1] ?? '', /openrouterChat\.tools\.maxRounds/);
  });
});
