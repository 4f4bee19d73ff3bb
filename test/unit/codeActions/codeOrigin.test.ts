/**
 * Issue 14, bug 3: where a code action's answer goes. The stored range decides only while it still
 * holds the original text; otherwise the text is searched, and found once or not at all.
 */
import * as assert from 'node:assert/strict';
import { isCodeOrigin, locateOrigin, originOfAnswer, type CodeOrigin } from '../../../src/core/codeActions/codeOrigin';
import { TrackedRange } from '../../../src/core/codeActions/trackedRange';

const FILE = 'export class Shapes {\n  area(r: number): number {\n    return 3.14 * r * r;\n  }\n}\n';
const AREA = '  area(r: number): number {\n    return 3.14 * r * r;\n  }';

function originIn(text: string, code: string): CodeOrigin {
  const start = text.indexOf(code);
  assert.ok(start >= 0);
  return { uri: 'file:///w/shapes.ts', start, end: start + code.length, startLine: 2, endLine: 4, version: 3, text: code };
}

describe('code origin', () => {
  const origin = originIn(FILE, AREA);

  it('is found at its stored range while the file is unchanged', () => {
    assert.deepEqual(locateOrigin(FILE, origin), { kind: 'found', start: origin.start, end: origin.end, relocated: false });
  });

  it('is relocated when lines above it moved it (a stale range after a reload)', () => {
    const edited = `// header\n// more\n${FILE}`;
    const shift = '// header\n// more\n'.length;
    assert.deepEqual(locateOrigin(edited, origin), { kind: 'found', start: origin.start + shift, end: origin.end + shift, relocated: true });
  });

  it('is lost when its text was edited, even though the stored range still exists', () => {
    const edited = FILE.replace('3.14 * r * r', 'Math.PI * r ** 2');
    assert.deepEqual(locateOrigin(edited, origin), { kind: 'lost', reason: 'edited' });
  });

  it('is lost, not guessed, when its text moved and now stands twice', () => {
    const twice = `${AREA}\n// copy\n${FILE}`;
    assert.deepEqual(locateOrigin(twice, origin), { kind: 'lost', reason: 'ambiguous' });
  });

  it('stays at its own range when the same text also stands elsewhere', () => {
    const withCopyBelow = `${FILE}${AREA}\n`;
    assert.deepEqual(locateOrigin(withCopyBelow, origin), { kind: 'found', start: origin.start, end: origin.end, relocated: false });
  });

  it('follows the live range of this window before the stored offsets', () => {
    // The same text twice: only the followed range can tell which one the question was about.
    const twice = `${AREA}\n${FILE}`;
    const followed = new TrackedRange(origin.start, origin.end);
    followed.apply({ offset: 0, length: 0, insertedLength: AREA.length + 1 });
    assert.deepEqual(locateOrigin(twice, origin, followed), { kind: 'found', start: followed.start, end: followed.end, relocated: false });
  });

  it('does not trust a live range an edit reached into: the text is searched instead', () => {
    const followed = new TrackedRange(origin.start, origin.end);
    followed.apply({ offset: origin.start + 4, length: 1, insertedLength: 1 });
    assert.equal(followed.touched, true);
    // The edit put the same character back: the text is intact, found by searching.
    assert.deepEqual(locateOrigin(FILE, origin, followed), { kind: 'found', start: origin.start, end: origin.end, relocated: true });
  });

  it('never relocates blank text (it would match anywhere)', () => {
    const blank: CodeOrigin = { ...origin, start: 0, end: 2, text: '  ' };
    assert.deepEqual(locateOrigin(`x${FILE}`, blank), { kind: 'lost', reason: 'edited' });
  });

  it('is the origin of the question an answer answers, also for a later answer to it', () => {
    const messages = [
      { id: 'q1', role: 'user' as const, origin },
      { id: 'a1', role: 'assistant' as const },
      { id: 'q2', role: 'user' as const },
      { id: 'a2', role: 'assistant' as const },
    ];
    assert.equal(originOfAnswer(messages, 'a1'), origin);
    assert.equal(originOfAnswer(messages, 'a2'), undefined, 'a typed follow-up has no origin');
    assert.equal(originOfAnswer(messages, 'q1'), undefined, 'only answers are applied');
    assert.equal(originOfAnswer(messages, 'gone'), undefined);
  });

  it('accepts only well-formed stored origins', () => {
    assert.equal(isCodeOrigin(origin), true);
    assert.equal(isCodeOrigin(JSON.parse(JSON.stringify(origin))), true);
    assert.equal(isCodeOrigin({ ...origin, start: -1 }), false);
    assert.equal(isCodeOrigin({ ...origin, start: 9, end: 3 }), false);
    assert.equal(isCodeOrigin({ ...origin, uri: '' }), false);
    assert.equal(isCodeOrigin({ ...origin, text: undefined }), false);
    assert.equal(isCodeOrigin('file:///w/shapes.ts'), false);
  });
});
