import * as assert from 'node:assert/strict';
import { capContent, createAttachment, toAttachmentView, TRUNCATION_MARK, withContent } from '../../../src/core/context/attachment';
import { CONTEXT_HEADING, QUESTION_HEADING, renderAttachment, userContentWithContext } from '../../../src/core/context/renderContext';
import { buildChatRequest } from '../../../src/core/openrouter/requestBuilder';

const mathFile = createAttachment({ kind: 'file', name: 'math.ts', path: 'src/math.ts', language: 'typescript', content: 'export const add = (a: number, b: number) => a + b;\n' });

describe('context attachments in the prompt', () => {
  it('leaves a question without attachments exactly as typed', () => {
    assert.equal(userContentWithContext('Hi', undefined), 'Hi');
    assert.equal(userContentWithContext('Hi', []), 'Hi');
  });

  it('marks the context, states each path and range, and puts the question last', () => {
    const selection = createAttachment({ kind: 'selection', name: 'math.ts', path: 'src/math.ts', range: { startLine: 3, endLine: 9 }, content: 'line three' });
    const text = userContentWithContext('What does add do?', [mathFile, selection]);
    assert.equal(
      text,
      `${CONTEXT_HEADING}\n\n` +
        'File: src/math.ts\n```typescript\nexport const add = (a: number, b: number) => a + b;\n```\n\n' +
        'Selection: src/math.ts (lines 3-9)\n```\nline three\n```\n\n' +
        `${QUESTION_HEADING}\nWhat does add do?`,
    );
  });

  it('names one line as a line, problems and git changes by kind, a diff as diff', () => {
    const line = createAttachment({ kind: 'selection', name: 'a.ts', path: 'a.ts', range: { startLine: 4, endLine: 4 }, content: 'x' });
    assert.match(renderAttachment(line), /^Selection: a\.ts \(line 4\)\n/);
    const problems = createAttachment({ kind: 'problems', name: 'Problems', content: 'error src/a.ts:3 boom' });
    assert.match(renderAttachment(problems), /^Problems\n```\nerror src\/a\.ts:3 boom\n```$/);
    const git = createAttachment({ kind: 'gitChanges', name: 'Git changes', content: '-a\n+b\n' });
    assert.match(renderAttachment(git), /^Git changes\n```diff\n-a\n\+b\n```$/);
  });

  it('fences content that itself holds a fence with a longer fence, so it cannot break out', () => {
    const readme = createAttachment({ kind: 'file', name: 'README.md', path: 'README.md', content: 'text\n```js\ncode\n```\nmore ````` here\n' });
    const rendered = renderAttachment(readme);
    assert.ok(rendered.startsWith('File: README.md\n``````\n'));
    assert.ok(rendered.endsWith('\n``````'));
  });

  it('cuts an oversize file on a line boundary with a visible mark, and the chip says so', () => {
    const big = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n');
    const capped = capContent(big, 200);
    assert.equal(capped.truncated, true);
    assert.ok(capped.content.length <= 200 && capped.content.endsWith('\n'));
    const attachment = createAttachment({ kind: 'file', name: 'big.txt', path: 'big.txt', content: big }, 200);
    assert.ok(renderAttachment(attachment).includes(`${TRUNCATION_MARK}\n\`\`\``));
    assert.equal(toAttachmentView(attachment).truncated, true);
    const refreshed = withContent(attachment, 'short now');
    assert.equal(refreshed.truncated, undefined, 'a file read again below the limit is no longer marked cut');
    assert.equal(refreshed.id, attachment.id);
  });

  it('the request builder renders attachments on user turns only, and the view gets no content', () => {
    const request = buildChatRequest(
      [{ role: 'user', content: 'Explain', attachments: [mathFile] }, { role: 'assistant', content: 'It adds.' }, { role: 'user', content: 'Thanks' }],
      { model: 'openai/gpt-oss-120b', reasoningEffort: 'low' },
    );
    assert.equal(request.messages[0]?.content, userContentWithContext('Explain', [mathFile]));
    assert.equal(request.messages[1]?.content, 'It adds.');
    assert.equal(request.messages[2]?.content, 'Thanks');
    const view = toAttachmentView(mathFile);
    assert.deepEqual(Object.keys(view).sort(), ['id', 'kind', 'name', 'path', 'tokens']);
    assert.ok(view.tokens > 0);
  });
});
