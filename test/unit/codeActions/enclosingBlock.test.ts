import * as assert from 'node:assert/strict';
import { bracePairs, findEnclosingBlock } from '../../../src/core/codeActions/enclosingBlock';

const TS = [
  '/** Helpers. */', // 0
  'export function add(a: number, b: number): number {', // 1
  '  return a + b;', // 2
  '}', // 3
  '', // 4
  'export function average(values: readonly number[]): number {', // 5
  '  if (values.length === 0) {', // 6
  '    return 0;', // 7
  '  }', // 8
  "  const text = '}'; // a } in a comment", // 9
  '  return values.reduce((s, v) => s + v, 0) / values.length;', // 10
  '}', // 11
].join('\n');

describe('enclosing block finder', () => {
  it('finds the function around a body line', () => {
    assert.deepEqual(findEnclosingBlock(TS, 2, 'typescript'), { startLine: 1, endLine: 3 });
  });

  it('finds the innermost block, ignoring braces in strings and comments', () => {
    assert.deepEqual(findEnclosingBlock(TS, 7, 'typescript'), { startLine: 6, endLine: 8 });
    assert.deepEqual(findEnclosingBlock(TS, 9, 'typescript'), { startLine: 5, endLine: 11 });
    assert.deepEqual(findEnclosingBlock(TS, 10, 'typescript'), { startLine: 5, endLine: 11 });
  });

  it('counts the header line itself as inside its block', () => {
    assert.deepEqual(findEnclosingBlock(TS, 5, 'typescript'), { startLine: 5, endLine: 11 });
  });

  it('gives nothing for top-level lines outside any block', () => {
    assert.equal(findEnclosingBlock(TS, 4, 'typescript'), undefined);
    assert.equal(findEnclosingBlock(TS, 0, 'typescript'), undefined);
    assert.equal(findEnclosingBlock('', 0, 'typescript'), undefined);
    assert.equal(findEnclosingBlock(TS, 99, 'typescript'), undefined);
  });

  it('includes a multi-line header and a brace on its own line', () => {
    const text = ['function f(', '  a: number,', '  b: number,', ')', '{', '  return a;', '}'].join('\n');
    assert.deepEqual(findEnclosingBlock(text, 5, 'typescript'), { startLine: 0, endLine: 6 });
  });

  it('counts lines the same with CRLF and lone CR line ends', () => {
    const crlf = TS.replace(/\n/g, '\r\n');
    assert.deepEqual(findEnclosingBlock(crlf, 7, 'typescript'), { startLine: 6, endLine: 8 });
    const cr = TS.replace(/\n/g, '\r');
    assert.deepEqual(findEnclosingBlock(cr, 2, 'typescript'), { startLine: 1, endLine: 3 });
  });

  it('keeps line numbers right across multi-line template strings and block comments', () => {
    const text = ['const s = `a', 'b {', '`;', '/* {', ' */', 'if (x) {', '  y();', '}'].join('\n');
    assert.deepEqual(findEnclosingBlock(text, 6, 'javascript'), { startLine: 5, endLine: 7 });
    assert.deepEqual(bracePairs(text), [{ open: 5, close: 7 }]);
  });

  it('uses indentation for Python', () => {
    const py = ['import os', '', 'def mean(xs):', '    if not xs:', '        return 0', '', '    return sum(xs) / len(xs)', '', 'print(1)'].join('\n');
    assert.deepEqual(findEnclosingBlock(py, 6, 'python'), { startLine: 2, endLine: 6 });
    assert.deepEqual(findEnclosingBlock(py, 4, 'python'), { startLine: 3, endLine: 4 });
    assert.deepEqual(findEnclosingBlock(py, 2, 'python'), { startLine: 2, endLine: 6 });
    assert.equal(findEnclosingBlock(py, 8, 'python'), undefined);
  });

  it('falls back to indentation for brace-less languages (Ruby end)', () => {
    const rb = ['def greet(name)', '  puts name', 'end', '', 'greet(1)'].join('\n');
    assert.deepEqual(findEnclosingBlock(rb, 1, 'ruby'), { startLine: 0, endLine: 2 });
  });

  // Speed belongs in the bench (timed assertions fail on a busy shared machine); mocha's timeout
  // still catches a scan that no longer ends.
  it('finds the block in a 5 MB file', () => {
    const chunk = 'function f(a) {\n  if (a) {\n    return "}";\n  }\n  return 0;\n}\n';
    const text = chunk.repeat(Math.ceil((5 * 1024 * 1024) / chunk.length));
    const block = findEnclosingBlock(text, 6 * 5000 + 2, 'javascript');
    assert.deepEqual(block, { startLine: 6 * 5000 + 1, endLine: 6 * 5000 + 3 });
  });
});
