import * as assert from 'node:assert/strict';
import { buildCodeActionPrompt, buildInlineEditPrompt, lineReference } from '../../../src/core/codeActions/promptTemplates';
import { codeBlocks, fenceFor, fenced } from '../../../src/core/codeActions/codeFence';

const CODE = 'export function add(a: number, b: number): number {\n  return a + b;\n}';

describe('code action prompts', () => {
  it('names the file, language and 1-based line range, and labels the turn shortly', () => {
    const { prompt, label } = buildCodeActionPrompt({ kind: 'explain', path: 'src/math.ts', languageId: 'typescript', startLine: 3, endLine: 5, code: CODE });
    assert.equal(label, 'Explain src/math.ts:3-5');
    assert.match(prompt, /File: src\/math\.ts \(lines 3-5, language: typescript\)/);
    assert.match(prompt, /```typescript\nexport function add/);
    assert.match(prompt, /Cite lines as `src\/math\.ts:<line>`/);
    assert.ok(prompt.includes(CODE), 'the code is in the prompt verbatim');
  });

  it('labels a single line without a range', () => {
    assert.equal(lineReference('a.py', 7, 7), 'a.py:7');
    const { label, prompt } = buildCodeActionPrompt({ kind: 'document', path: 'a.py', languageId: 'python', startLine: 7, endLine: 7, code: 'x = 1' });
    assert.equal(label, 'Document a.py:7');
    assert.match(prompt, /\(line 7, language: python\)/);
    assert.match(prompt, /documentation comments in the idiomatic style for python/);
  });

  it('Fix lists the diagnostics with severity, line, message and source', () => {
    const { prompt, label } = buildCodeActionPrompt({
      kind: 'fix',
      path: 'src/math.ts',
      languageId: 'typescript',
      startLine: 12,
      endLine: 20,
      code: CODE,
      diagnostics: [
        { severity: 'error', line: 14, message: "Cannot find name 'sum'.", source: 'ts 2304' },
        { severity: 'warning', line: 17, message: 'Unexpected any.' },
      ],
    });
    assert.equal(label, 'Fix src/math.ts:12-20');
    assert.match(prompt, /- error at line 14: Cannot find name 'sum'\. \(ts 2304\)/);
    assert.match(prompt, /- warning at line 17: Unexpected any\.$/m);
  });

  it('Fix says so when VS Code reports nothing', () => {
    const { prompt } = buildCodeActionPrompt({ kind: 'fix', path: 'a.ts', languageId: 'typescript', startLine: 1, endLine: 3, code: CODE, diagnostics: [] });
    assert.match(prompt, /reports no problems in these lines/);
  });

  it('Tests names the framework, or says none was found', () => {
    const withMocha = buildCodeActionPrompt({ kind: 'test', path: 'a.ts', languageId: 'typescript', startLine: 1, endLine: 3, code: CODE, testFramework: 'mocha' });
    assert.match(withMocha.prompt, /The workspace uses mocha/);
    assert.equal(withMocha.label, 'Write tests for a.ts:1-3');
    const without = buildCodeActionPrompt({ kind: 'test', path: 'a.ts', languageId: 'typescript', startLine: 1, endLine: 3, code: CODE });
    assert.match(without.prompt, /No test framework was found in the workspace \(none\)/);
  });

  it('Refactor asks for a replacement block for exactly these lines', () => {
    const { prompt } = buildCodeActionPrompt({ kind: 'refactor', path: 'a.ts', languageId: 'typescript', startLine: 1, endLine: 3, code: CODE });
    assert.match(prompt, /complete replacement for exactly these lines in one fenced code block/);
  });

  it('fences code that itself contains fences with a longer fence', () => {
    const markdown = 'Intro\n```js\nx()\n```\n';
    assert.equal(fenceFor(markdown), '````');
    assert.equal(fenceFor('no ticks'), '```');
    const block = fenced(markdown, 'markdown');
    assert.ok(block.startsWith('````markdown\n') && block.endsWith('\n````'));
    assert.deepEqual(codeBlocks(block), [{ language: 'markdown', code: markdown.replace(/\n$/, ''), closed: true }]);
  });

  it('inline edit asks for code only, with context, and labels with the instruction', () => {
    const { prompt, label } = buildInlineEditPrompt({
      path: 'src/math.ts',
      languageId: 'typescript',
      startLine: 3,
      endLine: 5,
      code: CODE,
      instruction: 'make it   handle\nbigint',
      before: '// above\n',
      after: '// below\n',
    });
    assert.equal(label, 'Inline edit src/math.ts:3-5: make it handle bigint');
    assert.match(prompt, /Answer with ONLY one fenced code block/);
    assert.match(prompt, /Code just before[\s\S]*\/\/ above[\s\S]*The lines to rewrite[\s\S]*export function add[\s\S]*Code just after[\s\S]*\/\/ below/);
  });

  it('inline edit on a blank line asks for code to insert', () => {
    const { prompt } = buildInlineEditPrompt({ path: 'a.ts', languageId: 'typescript', startLine: 9, endLine: 9, code: '   ', instruction: 'add a sum helper' });
    assert.match(prompt, /Write code to insert at a\.ts:9/);
    assert.doesNotMatch(prompt, /The lines to rewrite/);
  });
});
