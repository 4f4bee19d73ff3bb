import * as assert from 'node:assert/strict';
import { codeStandsInAnswer, type StoredAnswer } from '../../../src/core/codeActions/codeProvenance';

const answer = (content: string, id = 'a1'): StoredAnswer => ({ id, role: 'assistant', content });

describe('code provenance: Insert and Apply take only code from a shown answer', () => {
  const messages: StoredAnswer[] = [
    { id: 'u1', role: 'user', content: '```js\nrm -rf /\n```' },
    answer(
      [
        'Here you go:',
        '```ts',
        'export function add(a: number, b: number): number {',
        '  return a + b;',
        '}',
        '```',
        '1. In a list:',
        '   ```py',
        '   def f():',
        '       return 1',
        '   ```',
        '> quoted:',
        '> ```sh',
        '> echo hi',
        '> ```',
      ].join('\r\n'),
    ),
  ];

  it('accepts a fenced block of the answer, also with a trailing newline', () => {
    assert.equal(codeStandsInAnswer(messages, 'a1', 'export function add(a: number, b: number): number {\n  return a + b;\n}'), true);
    assert.equal(codeStandsInAnswer(messages, 'a1', 'export function add(a: number, b: number): number {\n  return a + b;\n}\n'), true);
  });

  it('accepts blocks whose indentation or quote markers the renderer removed', () => {
    assert.equal(codeStandsInAnswer(messages, 'a1', 'def f():\n    return 1'), true);
    assert.equal(codeStandsInAnswer(messages, 'a1', 'echo hi'), true);
  });

  it('refuses code that is not in the answer, or lines out of order', () => {
    assert.equal(codeStandsInAnswer(messages, 'a1', 'process.exit(1)'), false);
    assert.equal(codeStandsInAnswer(messages, 'a1', '}\n  return a + b;'), false);
    assert.equal(codeStandsInAnswer(messages, 'a1', 'return a +'), false);
  });

  it('refuses empty code, a user message, and an unknown message id', () => {
    assert.equal(codeStandsInAnswer(messages, 'a1', '\n\n'), false);
    assert.equal(codeStandsInAnswer(messages, 'u1', 'rm -rf /'), false);
    assert.equal(codeStandsInAnswer(messages, 'nope', 'echo hi'), false);
  });
});
