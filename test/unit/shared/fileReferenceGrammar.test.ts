import * as assert from 'node:assert/strict';
import { findFileReferences, parseFileReference } from '../../../src/shared/fileReferenceGrammar';

/** The references in `text` as [written, parsed] pairs. */
function found(text: string): [string, unknown][] {
  return findFileReferences(text).map((f) => [text.slice(f.start, f.end), f.reference]);
}

describe('file reference grammar (shared by the chat view and the host)', () => {
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

  it('parses the forms only the chat view linked before: dotfiles with an extension, end ranges without L', () => {
    assert.deepEqual(parseFileReference('L3-5'), { path: '', line: 3, endLine: 5 });
    assert.deepEqual(parseFileReference('@scope/pkg/index.js:2'), { path: '@scope/pkg/index.js', line: 2 });
    assert.deepEqual(parseFileReference('src/.eslintrc.json:2'), { path: 'src/.eslintrc.json', line: 2 });
    assert.deepEqual(parseFileReference('a.component.tsx:8'), { path: 'a.component.tsx', line: 8 });
  });

  it('parses absolute and Windows paths, spelled ranges', () => {
    assert.deepEqual(parseFileReference('/work/ws/src/a.ts:12'), { path: '/work/ws/src/a.ts', line: 12 });
    assert.deepEqual(parseFileReference('C:\\proj\\a.ts:3'), { path: 'C:/proj/a.ts', line: 3 });
    assert.deepEqual(parseFileReference('lines 3 to 9'), { path: '', line: 3, endLine: 9 });
    assert.deepEqual(parseFileReference('lines 3–9'), { path: '', line: 3, endLine: 9 });
  });

  it('rejects versions, addresses and extensions that start with a digit', () => {
    for (const text of ['v1.2:3', '10.0.0.1:80', 'a.7z:3', 'x.1:2']) assert.equal(parseFileReference(text), undefined, text);
  });

  it('links in prose every path form, with a column, an anchor, a backslash or an absolute path', () => {
    const text = 'See src/a.ts:12:5, src/a.ts#L3-L5, lib\\win.py:4, /abs/b.ts:2 and ./c/.eslintrc.json:7.';
    assert.deepEqual(found(text), [
      ['src/a.ts:12:5', { path: 'src/a.ts', line: 12 }],
      ['src/a.ts#L3-L5', { path: 'src/a.ts', line: 3, endLine: 5 }],
      ['lib\\win.py:4', { path: 'lib/win.py', line: 4 }],
      ['/abs/b.ts:2', { path: '/abs/b.ts', line: 2 }],
      ['./c/.eslintrc.json:7', { path: './c/.eslintrc.json', line: 7 }],
    ]);
  });

  it('links nothing inside a longer token in prose', () => {
    const text = [
      'https://example.com/src/a.ts:12', 'https://github.com/o/r/blob/main/a.ts#L3-L5', 'file:///x/a.ts:3',
      'v1.2:3', 'node@1.2.3:4', 'host 10.0.0.1:8080', 'a.ts:12px', 'a.ts:1.5', 'a.ts:3/4', 'x-L3', 'x.L3', 'L3px', 'L3.5',
      'at 10:30', 'line 4',
    ].join(' ');
    assert.deepEqual(found(text), []);
  });

  it('ends a reference before sentence punctuation and brackets', () => {
    assert.deepEqual(found('(see a.ts:3), b.ts:4; "c.ts:5" and L6: done.').map(([written]) => written), ['a.ts:3', 'b.ts:4', 'c.ts:5', 'L6']);
  });

  it('parses whole what it finds in prose, to the same reference', () => {
    const text = 'src/a.ts:12-20 a.ts#L3 L3-L5 L8 C:\\p\\a.ts:3 ./x.y.js:1';
    const references = findFileReferences(text);
    assert.equal(references.length, 6);
    for (const { start, end, reference } of references) assert.deepEqual(parseFileReference(text.slice(start, end)), reference);
  });
});
