import * as assert from 'node:assert/strict';
import { codeFromAnswer } from '../../../src/core/codeActions/streamedCode';

const ANSWER = 'Sure, here it is:\n```ts\nexport function add(a: number, b: number) {\n  return a + b;\n}\n```\nDone.';

describe('code from a streamed answer', () => {
  it('shows only what is inside the fence, at every prefix, never a fence character', () => {
    for (let end = 0; end <= ANSWER.length; end++) {
      const code = codeFromAnswer(ANSWER.slice(0, end), false);
      assert.ok(!code.includes('`'), `prefix ${end} leaked a fence: ${JSON.stringify(code)}`);
      assert.ok(!code.includes('Sure') || !ANSWER.slice(0, end).includes('```ts\n'), `prefix ${end} shows prose after the fence opened`);
      assert.ok(!code.includes('Done'), `prefix ${end} shows the prose after the fence`);
    }
  });

  it('returns the whole block once the fence closes', () => {
    const expected = 'export function add(a: number, b: number) {\n  return a + b;\n}';
    assert.equal(codeFromAnswer(ANSWER, false), expected);
    assert.equal(codeFromAnswer(ANSWER, true), expected);
    assert.equal(codeFromAnswer(ANSWER.slice(0, ANSWER.indexOf('```\n') + 2), false), expected);
  });

  it('grows monotonically while the block streams', () => {
    let previous = '';
    const bodyStart = ANSWER.indexOf('export');
    const bodyEnd = ANSWER.lastIndexOf('```');
    for (let end = bodyStart; end <= bodyEnd; end++) {
      const code = codeFromAnswer(ANSWER.slice(0, end), false);
      assert.ok(code.startsWith(previous.replace(/\n$/, '')) || previous.startsWith(code), `prefix ${end}`);
      previous = code;
    }
  });

  it('waits for an opening fence line to be complete', () => {
    assert.equal(codeFromAnswer('``', false), '');
    assert.equal(codeFromAnswer('```type', false), '');
    assert.equal(codeFromAnswer('```typescript\nconst', false), 'const');
  });

  it('tolerates CRLF, tilde fences and longer fences holding ``` inside', () => {
    assert.equal(codeFromAnswer('```py\r\nx = 1\r\ny = 2\r\n```', true), 'x = 1\ny = 2');
    assert.equal(codeFromAnswer('~~~\na\n~~~\n', true), 'a');
    assert.equal(codeFromAnswer('````md\n```js\nx\n```\n````', true), '```js\nx\n```');
  });

  it('keeps a missing closing fence when the answer ended', () => {
    assert.equal(codeFromAnswer('```js\na();\nb();\n', true), 'a();\nb();');
  });

  it('takes an answer without any fence as raw code, holding back a possible fence start', () => {
    assert.equal(codeFromAnswer('const a = 1;\nconst b = 2;', true), 'const a = 1;\nconst b = 2;');
    assert.equal(codeFromAnswer('const a = 1;\n`', false), 'const a = 1;');
    assert.equal(codeFromAnswer('const a', false), 'const a');
    assert.equal(codeFromAnswer('word1 word2 ', false), 'word1 word2 ');
    assert.equal(codeFromAnswer('`', false), '');
  });

  it('keeps blank lines and indentation inside the block', () => {
    assert.equal(codeFromAnswer('```\n  a\n\n    b\n```', true), '  a\n\n    b');
  });
});
