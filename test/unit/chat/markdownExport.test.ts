/** The Markdown a user gets from *Export Chat*: questions, answers, folded reasoning, errors, figures. */
import * as assert from 'node:assert/strict';
import { chatToMarkdown, exportFileName } from '../../../src/core/chat/markdownExport';
import { createChat, createMessage } from '../../../src/core/chat/chat';

describe('markdown export', () => {
  const chat = createChat(1_000);
  chat.title = 'Adding numbers';
  chat.messages.push(
    createMessage('user', 'Write a function that adds two numbers.', {}, 1_000),
    createMessage(
      'assistant',
      'Here it is:\n\n```ts\nexport function add(a: number, b: number): number {\n  return a + b;\n}\n```',
      {
        status: 'done',
        reasoning: 'The user wants addition. A one-liner </details> is enough.',
        stats: { model: 'openai/gpt-oss-120b', provider: 'Cerebras', promptTokens: 1200, completionTokens: 80, reasoningTokens: 20, costUsd: 0.000034, ttftMs: 420, tokensPerSecond: 151.6 },
      },
      1_001,
    ),
    createMessage('user', 'And in Python?', { label: 'Explain src/a.ts:3-9' }, 1_002),
    createMessage('assistant', '', { status: 'error', error: { kind: 'rateLimited', message: 'Too many requests.\nTry again later.', actions: ['retry'] } }, 1_003),
  );
  const markdown = chatToMarkdown(chat);

  it('writes the title, then each question and answer under its own heading, in order', () => {
    assert.ok(markdown.startsWith('# Adding numbers\n\n## You\n\nWrite a function that adds two numbers.\n\n## Assistant\n\n'));
    const headings = [...markdown.matchAll(/^## .*$/gm)].map((m) => m[0]);
    assert.deepEqual(headings, ['## You', '## Assistant', '## You: Explain src/a.ts:3-9', '## Assistant']);
  });

  it('keeps code blocks as fenced code, untouched', () => {
    assert.ok(markdown.includes('```ts\nexport function add(a: number, b: number): number {\n  return a + b;\n}\n```'));
  });

  it('folds the reasoning into a collapsed <details> before the answer, with a stray closing tag escaped', () => {
    const fold = '<details>\n<summary>Reasoning</summary>\n\nThe user wants addition. A one-liner &lt;/details&gt; is enough.\n\n</details>';
    assert.ok(markdown.includes(fold), markdown);
    assert.ok(markdown.indexOf(fold) < markdown.indexOf('Here it is:'));
    assert.ok(!/<details open/.test(markdown), 'the reasoning starts collapsed');
  });

  it('writes the figures of each answer as the chat view shows them', () => {
    assert.ok(markdown.includes('_openai/gpt-oss-120b (Cerebras) · 1,200 prompt / 80 completion tokens (20 reasoning) · $0.000034 · first token 0.42 s · 152 tokens/s_'), markdown);
  });

  it('writes the error an answer ended with on one quoted line', () => {
    assert.ok(markdown.endsWith('## Assistant\n\n> **Error:** Too many requests. Try again later.\n'), markdown);
  });

  it('names the file after the title, without characters a file system refuses', () => {
    assert.equal(exportFileName('Adding numbers'), 'Adding numbers.md');
    assert.equal(exportFileName('a/b: c*d?'), 'a b c d.md');
    assert.equal(exportFileName('  '), 'chat.md');
    assert.equal(exportFileName('Count for both views.'), 'Count for both views.md');
  });
});
