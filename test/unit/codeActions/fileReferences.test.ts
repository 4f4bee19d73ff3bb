import * as assert from 'node:assert/strict';
import { clampReference, pathInsideRoot } from '../../../src/core/codeActions/fileReferences';

describe('file references, host side', () => {
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
