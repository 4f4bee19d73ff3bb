/**
 * The host's one code-fence parser (scanFences in codeFence.ts) against the CommonMark spec, and
 * its three readers (codeBlocks, ChatSession.lastCodeBlock, the inline edit's codeFromAnswer)
 * against each other and against marked, which renders the same answer in the chat view. The cases
 * are the ones where the host's three former parsers disagreed.
 */
import * as assert from 'node:assert/strict';
import { tests as specExamples } from 'commonmark-spec';
import type { Token, Tokens } from 'marked' with { 'resolution-mode': 'import' };
import { codeBlocks, markdownLines, scanFences } from '../../../src/core/codeActions/codeFence';
import { codeFromAnswer } from '../../../src/core/codeActions/streamedCode';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { harness } from '../chat/sessionHarness';

/** Fences inside containers are read by the view's marked only: the host reads top-level fences. */
const NOT_TOP_LEVEL: Readonly<Record<number, string>> = {
  128: 'a fence inside a block quote',
  134: 'an indented code block (four spaces), not a fence',
};

function unescapeHtml(html: string): string {
  return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** [language, content] of every `<pre><code>` in the spec's expected HTML. */
function specBlocks(html: string): [string, string][] {
  return [...html.matchAll(/<pre><code(?: class="language-([^"]*)")?>([\s\S]*?)<\/code><\/pre>/g)].map((m) => [unescapeHtml(m[1] ?? ''), unescapeHtml(m[2] ?? '')]);
}

/** Where the former parsers (lastCodeBlock's regex, codeBlocks' regex, streamedCode) disagreed. */
const DIVERGENT: readonly { name: string; markdown: string; language: string; code: string }[] = [
  { name: 'a ```` fence holding ```', markdown: 'Here:\n````md\n```js\nx()\n```\n````\nDone.', language: 'md', code: '```js\nx()\n```' },
  { name: 'a longer closing fence', markdown: 'Here:\n```js\nx()\n`````\nDone.', language: 'js', code: 'x()' },
  { name: 'a ~~~ fence with a backtick in its info string', markdown: 'Here:\n~~~ sh`x\nls\n~~~', language: 'sh`x', code: 'ls' },
  { name: 'an indented fence (its indentation leaves the body)', markdown: 'Here:\n  ```py\n  if a:\n      b()\n  ```', language: 'py', code: 'if a:\n    b()' },
  { name: 'an unclosed fence at the end', markdown: 'Here:\n```ts\nconst a = 1;\nconst b = 2;\n', language: 'ts', code: 'const a = 1;\nconst b = 2;' },
  { name: 'a line of backticks and tildes is not a closing fence', markdown: 'Here:\n```\na\n```~~\nb\n```', language: '', code: 'a\n```~~\nb' },
  { name: 'a ``` line with a backtick after it opens nothing', markdown: 'Here `x`:\n``` a`b\n~~~c\nd\n~~~', language: 'c', code: 'd' },
  { name: 'CRLF line breaks', markdown: 'Here:\r\n```js\r\nx()\r\ny()\r\n```\r\n', language: 'js', code: 'x()\ny()' },
];

describe('code fences', () => {
  describe('scanFences against the CommonMark spec (fenced code blocks)', () => {
    const examples = specExamples.filter((example) => example.section === 'Fenced code blocks');
    it('has the spec examples to compare with', () => assert.ok(examples.length >= 25, String(examples.length)));
    for (const example of examples) {
      const skip = NOT_TOP_LEVEL[example.number];
      if (skip !== undefined) continue;
      it(`example ${example.number}`, () => {
        const read = scanFences(markdownLines(example.markdown)).map((fence): [string, string] => [fence.language, fence.body.map((line) => `${line}\n`).join('')]);
        assert.deepEqual(read, specBlocks(example.html), JSON.stringify(example.markdown));
      });
    }
  });

  describe('every reader agrees, with marked too', function () {
    this.timeout(20_000);
    let server: MockOpenRouter;
    let lex: (markdown: string) => Token[];
    before(async () => {
      server = await startOpenRouterServer();
      // marked ships only as an ES module; the unit tests are CommonJS.
      const { Lexer } = await import('marked');
      lex = (markdown) => new Lexer({ gfm: true }).lex(markdown);
    });
    after(async () => server.close());

    for (const { name, markdown, language, code } of DIVERGENT) {
      it(name, async () => {
        assert.deepEqual(codeBlocks(markdown).map((b) => [b.language, b.code]), [[language, code]], 'codeBlocks');
        assert.equal(codeFromAnswer(markdown, true), code, 'codeFromAnswer, answer ended');

        const marked = lex(markdown).filter((token): token is Tokens.Code => token.type === 'code');
        assert.deepEqual(marked.map((t) => [String(t.lang ?? '').split(/\s+/)[0], t.text]), [[language, code]], 'marked, as the chat view renders it');

        // The echo script answers "You said: <question>": the fence stays on its own line after "Here:".
        const { session } = await harness(server);
        const outcome = await session.send(`[[mock:echo]] ${markdown}`);
        assert.equal(outcome?.message.status, 'done');
        const last = session.lastCodeBlock();
        assert.deepEqual(last && [last.language, last.code], [language, code], 'ChatSession.lastCodeBlock');
      });
    }
  });

  it('marks a block the text ended inside as not closed', () => {
    assert.deepEqual(codeBlocks('```js\na\n```\n~~~\nb').map((b) => b.closed), [true, false]);
  });
});
