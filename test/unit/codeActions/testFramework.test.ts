import * as assert from 'node:assert/strict';
import { detectTestFramework, frameworkFromPackageJson } from '../../../src/core/codeActions/testFramework';

const pkg = (value: unknown): string => JSON.stringify(value);

describe('test framework detection', () => {
  it('reads dependencies and devDependencies', () => {
    assert.equal(frameworkFromPackageJson(pkg({ devDependencies: { mocha: '^11' } })), 'mocha');
    assert.equal(frameworkFromPackageJson(pkg({ devDependencies: { jest: '^29', typescript: '5' } })), 'jest');
    assert.equal(frameworkFromPackageJson(pkg({ dependencies: { vitest: '1' } })), 'vitest');
    assert.equal(frameworkFromPackageJson(pkg({ devDependencies: { ava: '6' } })), 'ava');
  });

  it('prefers vitest over jest when both are listed (vitest projects often keep jest types)', () => {
    assert.equal(frameworkFromPackageJson(pkg({ devDependencies: { jest: '1', vitest: '1' } })), 'vitest');
  });

  it('recognises node:test from the test script', () => {
    assert.equal(frameworkFromPackageJson(pkg({ scripts: { test: 'node --test test/' } })), 'node:test');
    assert.equal(frameworkFromPackageJson(pkg({ scripts: { test: 'tsc && node --experimental-strip-types --test' } })), 'node:test');
  });

  it('finds a framework named only in a script', () => {
    assert.equal(frameworkFromPackageJson(pkg({ scripts: { test: 'npx mocha "out/**/*.test.js"' } })), 'mocha');
  });

  it('says none for no framework and for broken JSON', () => {
    assert.equal(frameworkFromPackageJson(pkg({ dependencies: { lodash: '4' }, scripts: { build: 'tsc' } })), undefined);
    assert.equal(frameworkFromPackageJson('{ not json'), undefined);
    assert.equal(detectTestFramework({}), undefined);
  });

  it('falls back to marker files and Python config', () => {
    assert.equal(detectTestFramework({ files: ['tests/test_math.py'] }), 'pytest');
    assert.equal(detectTestFramework({ files: ['conftest.py'] }), 'pytest');
    assert.equal(detectTestFramework({ pythonConfigText: '[tool.pytest.ini_options]\naddopts = "-q"' }), 'pytest');
    assert.equal(detectTestFramework({ files: ['go.mod'] }), 'Go testing (go test)');
    assert.equal(detectTestFramework({ files: ['Cargo.toml'] }), 'Rust #[test] (cargo test)');
    assert.equal(detectTestFramework({ packageJsonText: pkg({ devDependencies: { jest: '1' } }), files: ['conftest.py'] }), 'jest');
  });

  it('detects mocha in the sample workspace', () => {
    assert.equal(frameworkFromPackageJson(pkg({ name: 'sample-math', scripts: { test: 'mocha' }, devDependencies: { mocha: '^11.0.0' } })), 'mocha');
  });
});
