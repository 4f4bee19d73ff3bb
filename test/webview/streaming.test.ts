/** Incremental markdown while streaming, code block and link actions, auto-scroll. */
import * as assert from 'node:assert/strict';
import { generateAnswer } from '../../bench/render/answerGenerator';
import { assistantMessage, stateMessage, streamAnswer, streamEnd, streamStart, deltas, userMessage } from './fixtures';
import type { WebviewPage } from './harness';
import { usePageSession } from './pageSession';

const TRICKY_MARKDOWN = [
  'Intro with `src/app.ts:3-9`, **bold** and a [link](https://example.com/a).',
  '',
  '- tight item',
  '- item with `code`',
  '',
  '- loose item after a blank line',
  '',
  '  continued paragraph inside the item',
  '',
  '```ts',
  'function a() {',
  '',
  '',
  '  return 1; // blank lines above stay inside the fence',
  '}',
  '```',
  'Setext heading',
  '---',
  '',
  '| a | b |',
  '|---|:-:|',
  '| 1 | 2 |',
  '',
  '    indented code',
  '',
  '    more indented code',
  '',
  '> quote line one',
  'lazy continuation',
  '',
  '1. one',
  '2. two',
  '',
  'Uses a [reference][ref] defined later.',
  '',
  '[ref]: https://example.com/ref',
  '',
  '~~~',
  'tilde fence, never closed',
].join('\r\n');

async function answerHtml(view: WebviewPage, messageId: string): Promise<string> {
  return view.page.locator(`[data-message-id="${messageId}"] .markdown-body`).evaluate((element) => element.innerHTML);
}

/** The same markdown rendered in one go (a finished message in a state). */
async function oneShotHtml(view: WebviewPage, content: string): Promise<string> {
  await view.sendAndSettle(stateMessage({ messages: [userMessage('u0', 'q'), assistantMessage('one-shot', content)] }));
  return answerHtml(view, 'one-shot');
}

describe('webview: streaming markdown', () => {
  const session = usePageSession();

  it('renders a long streamed answer exactly like the same text rendered at once', async function () {
    this.timeout(60_000);
    const { view } = session;
    const content = generateAnswer(2500, 6);
    await view.sendAndSettle(stateMessage());
    await streamAnswer(view, { messageId: 'a1', user: userMessage('u1', 'q'), content, chunkSize: 12, deltasPerBatch: 10 });
    const streamed = await answerHtml(view, 'a1');
    assert.ok((await view.page.locator('[data-message-id="a1"] .code-block').count()) === 6);
    assert.equal(streamed, await oneShotHtml(view, content));
  });

  it('survives awkward chunking: CRLF split across deltas, fences with blank lines, lists, setext, refs', async function () {
    // Hundreds of settled batches at the 50 ms frame spacing: about 20-30 s on a busy 2-core machine.
    this.timeout(120_000);
    const { view } = session;
    await view.sendAndSettle(stateMessage());
    for (const chunkSize of [1, 3, 7]) {
      const messageId = `tricky-${chunkSize}`;
      await streamAnswer(view, { messageId, content: TRICKY_MARKDOWN, chunkSize, deltasPerBatch: 3 });
      const streamed = await answerHtml(view, messageId);
      assert.match(streamed, /<a href="https:\/\/example.com\/ref">reference<\/a>/, 'a reference defined after its use resolves');
      assert.equal(streamed, await oneShotHtml(view, TRICKY_MARKDOWN), `chunk size ${chunkSize}`);
      await view.sendAndSettle(stateMessage());
    }
  });

  it('never re-renders a finished block, and highlights a code block once its fence closes', async () => {
    const { view } = session;
    const plan = { messageId: 'a1', content: '' };
    await view.sendAndSettle(stateMessage(), streamStart(plan));
    let sent = '';
    const send = (text: string): Promise<void> => {
      sent += text;
      return view.sendAndSettle(...deltas(plan, 'content', text));
    };
    await send('First paragraph.\n\n```ts\nconst a = 1;\n\nconst b = 2;\n');
    const body = view.page.locator('[data-message-id="a1"] .markdown-body');
    assert.equal(await body.locator('code.hljs').count(), 0, 'the growing block is plain text');
    assert.match(await body.locator('pre code').innerText(), /const a = 1;\n\nconst b = 2;/);
    await send('```\n\nSecond paragraph, still growing');
    assert.equal(await body.locator('code.hljs').count(), 1, 'highlighted once finished');
    // Watch the finished blocks from now on: no mutation may touch them again.
    await body.evaluate((element) => {
      // Finished blocks live in groups (.markdown-group) ahead of the live block.
      const blocks = (root: Element): Element[] => Array.from(root.querySelectorAll(':scope > .markdown-group > *, :scope > :not(.markdown-group)'));
      const finished = blocks(element).slice(0, 2);
      const touched: string[] = [];
      new MutationObserver((records) => {
        for (const record of records) {
          if (finished.some((node) => node.contains(record.target))) touched.push(`inside ${record.type}`);
          for (const removed of Array.from(record.removedNodes)) if (finished.includes(removed as Element)) touched.push('removed');
        }
      }).observe(element, { childList: true, subtree: true, characterData: true, attributes: true });
      Object.assign(window, { __finished: finished, __touched: touched });
    });
    for (let index = 0; index < 20; index++) await send(` more ${index}${index % 5 === 4 ? '\n\n- list item\n- another\n\nNext paragraph' : ''}`);
    await view.sendAndSettle(streamEnd({ ...plan, content: sent }));
    const result = await body.evaluate((element) => {
      const { __finished: finished, __touched: touched } = window as unknown as { __finished: Element[]; __touched: string[] };
      const now = Array.from(element.querySelectorAll(':scope > .markdown-group > *, :scope > :not(.markdown-group)'));
      return { touched, stillFirst: now[0] === finished[0] && now[1] === finished[1] };
    });
    assert.deepEqual(result, { touched: [], stillFirst: true });
  });

  it('patches the growing block in place: its nodes survive updates and its finish', async () => {
    const { view } = session;
    const plan = { messageId: 'a1', content: '' };
    await view.sendAndSettle(stateMessage(), streamStart(plan));
    const body = view.page.locator('[data-message-id="a1"] .markdown-body');
    await view.sendAndSettle(...deltas(plan, 'content', 'A paragraph that **grows**'));
    await body.evaluate((element) => {
      const paragraph = element.querySelector('p');
      Object.assign(window, { __paragraph: paragraph, __strong: paragraph?.querySelector('strong') });
    });
    const sameNodes = (): Promise<{ paragraph: boolean; strong: boolean }> =>
      body.evaluate((element) => {
        const { __paragraph: paragraph, __strong: strong } = window as unknown as { __paragraph: Element; __strong: Element };
        return { paragraph: element.querySelector('p') === paragraph, strong: element.querySelector('p strong') === strong };
      });
    await view.sendAndSettle(...deltas(plan, 'content', ' word by word, and on'));
    assert.equal(await body.locator('p').innerText(), 'A paragraph that grows word by word, and on');
    assert.deepEqual(await sameNodes(), { paragraph: true, strong: true }, 'the growing paragraph was patched, not rebuilt');
    await view.sendAndSettle(...deltas(plan, 'content', '.\n\nNext block'));
    assert.deepEqual(await sameNodes(), { paragraph: true, strong: true }, 'finished as shown, it keeps its nodes');
    assert.equal(await body.locator('p').count(), 2);
    await view.sendAndSettle(streamEnd({ ...plan, content: 'A paragraph that **grows** word by word, and on.\n\nNext block' }));
    assert.deepEqual(await sameNodes(), { paragraph: true, strong: true });
    assert.equal(await body.locator('p').nth(1).innerText(), 'Next block');
  });

  it('code block buttons post copy, insertCode and applyCode with code, language and message id', async () => {
    const { view } = session;
    const content = 'Try this:\n\n```python\nprint("hi")\n```\n';
    await view.sendAndSettle(stateMessage({ messages: [userMessage('u1', 'q'), assistantMessage('a7', content)] }));
    const block = view.page.locator('[data-message-id="a7"] .code-block');
    assert.equal(await block.locator('.code-language').innerText(), 'python');
    await block.getByRole('button', { name: 'Copy' }).click();
    await block.getByRole('button', { name: 'Insert at cursor' }).click();
    await block.getByRole('button', { name: 'Apply' }).click();
    const code = 'print("hi")';
    assert.deepEqual(await view.posted(), [
      { type: 'ready' },
      { type: 'copy', text: code },
      { type: 'insertCode', code, language: 'python', messageId: 'a7' },
      { type: 'applyCode', code, language: 'python', messageId: 'a7' },
    ]);
  });

  it('keeps the code toolbar on one line in a narrow view: the language label gives way, not the buttons', async () => {
    const { view } = session;
    const viewport = view.page.viewportSize();
    await view.page.setViewportSize({ width: 210, height: 600 });
    try {
      const content = 'Code:\n\n```typescript\nconst a = 1;\n```\n';
      await view.sendAndSettle(stateMessage({ messages: [userMessage('u1', 'q'), assistantMessage('a8', content)] }));
      const layout = await view.page.locator('[data-message-id="a8"] .code-toolbar').evaluate((toolbar) => {
        const box = toolbar.getBoundingClientRect();
        const label = toolbar.querySelector('.code-language') as HTMLElement;
        const buttons = Array.from(toolbar.querySelectorAll('button')).map((button) => button.getBoundingClientRect());
        return {
          // A label wrapped onto a second line is taller than the buttons beside it.
          labelTaller: label.getBoundingClientRect().height > buttons[0]!.height * 1.5,
          buttonsInside: buttons.every((button) => button.left >= box.left && button.right <= box.right + 0.5),
          oneRow: buttons.every((button) => Math.abs(button.top - buttons[0]!.top) < 1),
        };
      });
      assert.deepEqual(layout, { labelTaller: false, buttonsInside: true, oneRow: true });
    } finally {
      if (viewport) await view.page.setViewportSize(viewport);
    }
  });

  it('posts openLink for links and openFileRef for file references, never navigating', async () => {
    const { view } = session;
    const content = 'Read [the docs](https://example.com/docs), see src/core/a.ts:12-20 and `lib/b.py:7`, then L3-L5 and L8.';
    await view.sendAndSettle(stateMessage({ messages: [userMessage('u1', 'q'), assistantMessage('a1', content)] }));
    const answer = view.page.getByRole('article', { name: 'Assistant' });
    await answer.getByRole('link', { name: 'the docs' }).click();
    for (const name of ['src/core/a.ts:12-20', 'lib/b.py:7', 'L3-L5', 'L8']) await answer.getByRole('link', { name, exact: true }).click();
    assert.deepEqual(await view.postedOfType('openLink'), [{ type: 'openLink', href: 'https://example.com/docs' }]);
    assert.deepEqual(await view.postedOfType('openFileRef'), [
      { type: 'openFileRef', path: 'src/core/a.ts', line: 12, endLine: 20 },
      { type: 'openFileRef', path: 'lib/b.py', line: 7 },
      { type: 'openFileRef', path: '', line: 3, endLine: 5 },
      { type: 'openFileRef', path: '', line: 8 },
    ]);
    assert.equal(view.page.url(), `${view.origin}/`);
  });

  it('links the file reference forms of the shared grammar, and not versions or URL parts', async () => {
    const { view } = session;
    // The view's own grammar linked none of these four as written (of the first, `L3-L5` alone, to the wrong file).
    const content = 'Look at src/a.ts#L3-L5, `src/b.ts:12:5`, `line 4` and `lib\\win.py:9`. Not v1.2:3, 10.0.0.1:80 or <https://x.dev/c.ts:2>.';
    await view.sendAndSettle(stateMessage({ messages: [userMessage('u1', 'q'), assistantMessage('a1', content)] }));
    const answer = view.page.getByRole('article', { name: 'Assistant' });
    const fileLinks = answer.locator('a.file-ref');
    assert.deepEqual(await fileLinks.allTextContents(), ['src/a.ts#L3-L5', 'src/b.ts:12:5', 'line 4', 'lib\\win.py:9']);
    for (const link of await fileLinks.all()) await link.click();
    assert.deepEqual(await view.postedOfType('openFileRef'), [
      { type: 'openFileRef', path: 'src/a.ts', line: 3, endLine: 5 },
      { type: 'openFileRef', path: 'src/b.ts', line: 12 },
      { type: 'openFileRef', path: '', line: 4 },
      { type: 'openFileRef', path: 'lib/win.py', line: 9 },
    ]);
  });

  it('follows the stream at the bottom, yields when scrolled up, and Jump to latest comes back', async () => {
    const { view } = session;
    const plan = { messageId: 'a1', user: userMessage('u1', 'q'), content: '' };
    await view.sendAndSettle(stateMessage(), streamStart(plan));
    const conversation = view.page.locator('.conversation');
    const distanceFromBottom = (): Promise<number> => conversation.evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight);
    const jump = view.page.getByRole('button', { name: 'Jump to latest' });
    const paragraphs = (count: number): string => Array.from({ length: count }, (_, index) => `Paragraph ${index} ${'words '.repeat(20)}\n\n`).join('');
    await view.sendAndSettle(...deltas(plan, 'content', paragraphs(30)));
    assert.ok((await distanceFromBottom()) <= 4, 'pinned to the bottom while following');
    assert.equal(await jump.isVisible(), false);
    await conversation.hover();
    await view.page.mouse.wheel(0, -400);
    await view.page.waitForFunction(() => (document.querySelector('.conversation')?.scrollTop ?? 0) > 0);
    await view.settle();
    const scrolledTo = await conversation.evaluate((element) => element.scrollTop);
    await view.sendAndSettle(...deltas(plan, 'content', paragraphs(10)));
    assert.equal(await conversation.evaluate((element) => element.scrollTop), scrolledTo, 'the reader keeps their place');
    assert.ok((await distanceFromBottom()) > 100);
    assert.equal(await jump.isVisible(), true);
    await jump.click();
    await view.sendAndSettle(...deltas(plan, 'content', paragraphs(5)));
    assert.ok((await distanceFromBottom()) <= 4, 'following again');
    assert.equal(await jump.isVisible(), false);
  });
});
