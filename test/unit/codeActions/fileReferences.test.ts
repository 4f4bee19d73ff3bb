import * as assert from 'node:assert/strict';
import { clampReference, findFileReferences, parseFileReference, pathInsideRoot } from '../../../src/core/codeActions/fileReferences';

describe('file references', () => {
  it('parses path:line, path:line-end, path:line:col and GitHub-style anchors', () => {
    assert.deepEqual(parseFileReference('src/a.ts:12'), { path: 'src/a.ts', line: 12 });
    assert.deepEqual(parseFileReference('src/a.ts:12-20'), { path: 'src/a.ts', line: 12, endLine: 20 });
    assert.deepEqual(parseFileReference('src/a.ts:12:5'), { path: 'src/a.ts', line: 12 });
    assert.deepEqual(parseFileReference('`src/a.ts#L3-L9`'), { path: 'src/a.ts', line: 3, endLine: 9 });
    assert.deepEqual(parseFileReference('lib\\win.py:4'), { path: 'lib/win.py', line: 4 });
    assert.deepEqual(parseFileReference('./x/y.test.js:1'), { path: './x/y.test.js', line: 1 });
  });

  it('parses bare line references as the current file', () => {
    assert.deepEqual(parseFileReference('L12'), { path: '', line: 12 });
    assert.deepEqual(parseFileReference('L12-L20'), { path: '', line: 12, endLine: 20 });
    assert.deepEqual(parseFileReference('lines 3-9'), { path: '', line: 3, endLine: 9 });
    assert.deepEqual(parseFileReference('line 4'), { path: '', line: 4 });
  });

  it('rejects what is not a reference', () => {
    for (const text of ['src/a.ts', 'a.ts:0', 'hello', 'http://x.com:80', 'L0', '12:30', 'src/a.ts:abc']) {
      assert.equal(parseFileReference(text), undefined, text);
    }
  });

  it('drops an end line that is not after the start', () => {
    assert.deepEqual(parseFileReference('a.ts:9-3'), { path: 'a.ts', line: 9 });
  });

  it('finds references in prose with their positions', () => {
    const text = 'See src/math.ts:14 and L3-L5, not v1.2 or 10:30.';
    const found = findFileReferences(text);
    assert.deepEqual(
      found.map((f) => [text.slice(f.start, f.end), f.reference]),
      [
        ['src/math.ts:14', { path: 'src/math.ts', line: 14 }],
        ['L3-L5', { path: '', line: 3, endLine: 5 }],
      ],
    );
  });

  it('resolves only inside the workspace root', () => {
    assert.equal(pathInsideRoot('src/a.ts', '/work/ws'), 'src/a.ts');
    assert.equal(pathInsideRoot('./src/../lib/b.ts', '/work/ws/'), 'lib/b.ts');
    assert.equal(pathInsideRoot('/work/ws/src/a.ts', '/work/ws'), 'src/a.ts');
    assert.equal(pathInsideRoot('../secret.txt', '/work/ws'), undefined);
    assert.equal(pathInsideRoot('src/../../etc/passwd', '/work/ws'), undefined);
    assert.equal(pathInsideRoot('/etc/passwd', '/work/ws'), undefined);
    assert.equal(pathInsideRoot('/work/ws-other/a.ts', '/work/ws'), undefined);
    assert.equal(pathInsideRoot('C:\\proj\\src\\a.ts', '/c:/proj'), 'src/a.ts');
    assert.equal(pathInsideRoot('..foo/a.ts', '/work/ws'), '..foo/a.ts');
  });

  it('clamps to the document', () => {
    assert.deepEqual(clampReference({ path: '', line: 3, endLine: 5 }, 10), { startLine: 2, endLine: 4 });
    assert.deepEqual(clampReference({ path: '', line: 30, endLine: 50 }, 10), { startLine: 9, endLine: 9 });
    assert.deepEqual(clampReference({ path: '', line: 4 }, 10), { startLine: 3, endLine: 3 });
  });
});
