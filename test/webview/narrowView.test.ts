/**
 * Issue 23: the view looks native in a narrow side bar. Code blocks scroll (or wrap on request)
 * instead of being cut, their language label keeps six characters, actions are icon buttons with
 * their old names, shown on the newest answer and on hover or focus elsewhere; user messages are
 * markdown through the answers' sanitizer; a code action's question is a compact card.
 */
import * as assert from 'node:assert/strict';
import { assistantMessage, stateMessage, userMessage } from './fixtures';
import { usePageSession } from './pageSession';
import { findLayoutProblems } from '../ui/layoutProbe';

const LONG_LINE = `const sum = ${Array.from({ length: 40 }, (_, i) => `value${i}`).join(' + ')};`;
const ANSWER = `Here:\n\n\`\`\`typescript\n${LONG_LINE}\n\`\`\`\n`;

describe('webview: narrow side bar (issue 23)', () => {
  const session = usePageSession({ viewport: { width: 250, height: 700 } });

  it('scrolls a long code line inside its block, wraps it on request, and never cuts the language label below six characters', async () => {
    const { view } = session;
    await view.sendAndSettle(stateMessage({ messages: [userMessage('u1', 'q'), assistantMessage('a1', ANSWER)] }));
    const page = view.page;
    const block = page.locator('.code-block').first();
    const fits = () => block.locator('pre').evaluate((pre) => ({ scroll: pre.scrollWidth, client: pre.clientWidth, right: pre.getBoundingClientRect().right }));
    const before = await fits();
    assert.ok(before.scroll > before.client, 'the long line scrolls inside the block');
    assert.ok(before.right <= 250, `the block stays inside the view (right edge ${before.right})`);
    const toggle = block.getByRole('button', { name: 'Wrap lines' });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    const after = await fits();
    assert.ok(after.scroll <= after.client, 'wrapped, nothing scrolls');

    // Narrower still: the label gives way, but keeps at least six characters.
    await page.setViewportSize({ width: 170, height: 700 });
    const label = await block.locator('.code-language').evaluate((element) => {
      const probe = document.createElement('span');
      probe.textContent = 'typesc';
      probe.style.cssText = 'position:absolute;white-space:nowrap';
      element.append(probe);
      const six = probe.getBoundingClientRect().width;
      probe.remove();
      return { width: element.getBoundingClientRect().width, six };
    });
    assert.ok(label.width >= label.six, `label ${label.width}px, six characters ${label.six}px`);
  });

  it('draws code and message actions as named icon buttons, always on the newest answer, on hover or focus on older ones', async () => {
    const { view } = session;
    const messages = [userMessage('u1', 'one'), assistantMessage('a1', ANSWER), userMessage('u2', 'two'), assistantMessage('a2', ANSWER)];
    await view.sendAndSettle(stateMessage({ messages }));
    const page = view.page;
    const older = page.locator('[data-message-id="a1"]');
    const newest = page.locator('[data-message-id="a2"]');
    for (const name of ['Copy', 'Insert at cursor', 'Apply', 'Wrap lines']) {
      const button = newest.locator('.code-block').getByRole('button', { name, exact: true });
      assert.equal(await button.getAttribute('title'), name, `${name} has a tooltip`);
      assert.equal((await button.innerText()).trim(), '', `${name} shows an icon, not text`);
      assert.equal(await button.locator('.codicon').count(), 1);
    }
    const opacity = (locator: ReturnType<typeof page.locator>) => locator.evaluate((element) => getComputedStyle(element).opacity);
    await page.mouse.move(5, 5);
    assert.equal(await opacity(newest.getByRole('button', { name: 'Regenerate' })), '1');
    assert.equal(await opacity(newest.locator('.code-block').getByRole('button', { name: 'Apply' })), '1');
    const olderCopy = older.locator('.message-footer').getByRole('button', { name: 'Copy', exact: true });
    assert.equal(await opacity(olderCopy), '0', 'an older answer hides its actions until hovered');
    assert.equal(await opacity(page.locator('[data-message-id="u1"]').getByRole('button', { name: 'Edit' })), '0');
    assert.equal(await opacity(page.locator('[data-message-id="u2"]').getByRole('button', { name: 'Edit' })), '1');
    await older.hover();
    assert.equal(await opacity(olderCopy), '1');
    await page.mouse.move(5, 5);
    await olderCopy.focus();
    assert.equal(await opacity(olderCopy), '1', 'keyboard focus shows it');
    await olderCopy.press('Enter');
    assert.deepEqual(await view.postedOfType('copy'), [{ type: 'copy', text: ANSWER }]);
  });

  it('renders the user\'s markdown through the same sanitizer as answers', async () => {
    const { view } = session;
    const text = 'Why does `parse()` fail?\n\n```ts\nparse("x")\n```\n\n<img src=x onerror="window.__hit=1"> <b onclick="window.__hit=1">bold</b>';
    await view.sendAndSettle(stateMessage({ messages: [userMessage('u1', text)] }));
    const question = view.page.locator('[data-message-id="u1"]');
    assert.equal(await question.locator('p code').first().innerText(), 'parse()');
    assert.equal((await question.locator('.code-block pre code').innerText()).trim(), 'parse("x")');
    assert.equal(await question.locator('img, [onerror], [onclick]').count(), 0);
    assert.equal(await view.page.evaluate(() => (window as unknown as { __hit?: number }).__hit), undefined);
  });

  it('shows a code action\'s question as a card: action, file and lines, the code folded, the full prompt one click away', async () => {
    const { view } = session;
    const prompt = 'Refactor this code for readability.\n\nFile: src/math.ts (lines 1-3, language: typescript)\n```typescript\nexport function add(a: number, b: number) {\n  return a + b;\n}\n```';
    const question = { ...userMessage('u1', prompt), label: 'Refactor src/math.ts:1-3' };
    await view.sendAndSettle(stateMessage({ messages: [question] }));
    const card = view.page.locator('[data-message-id="u1"] .code-action-card');
    assert.equal(await card.locator('.message-label').innerText(), 'Refactor src/math.ts:1-3');
    const code = card.locator('details.code-action-code');
    const full = card.locator('details.code-action-prompt');
    assert.equal(await code.getAttribute('open'), null, 'the code is folded');
    assert.equal(await full.getAttribute('open'), null, 'the prompt is folded');
    assert.equal(await card.getByText('File: src/math.ts', { exact: false }).isVisible(), false, 'the raw prompt is not shown by default');
    const height = await card.evaluate((element) => element.getBoundingClientRect().height);
    assert.ok(height < 120, `the card is compact (${height}px)`);
    await code.locator('summary').click();
    assert.match(await code.locator('pre code').innerText(), /return a \+ b;/);
    await full.locator('summary').click();
    assert.equal(await card.getByText('Refactor this code for readability.').isVisible(), true);
  });

  it('shows only the chat\'s title (one line, cut with an ellipsis) and its cost in the header', async () => {
    const { view } = session;
    const state = stateMessage();
    if (state.type !== 'state') throw new Error('unreachable');
    const long = 'A very long chat title that could never fit in a side bar this narrow';
    const chats = state.state.chats.map((chat) => ({ ...chat, title: long }));
    await view.sendAndSettle({ type: 'state', state: { ...state.state, chats, chat: { ...state.state.chat, title: long } } });
    const header = view.page.locator('header.header');
    assert.equal(await header.getByRole('heading', { level: 1 }).getAttribute('title'), long);
    assert.equal(await header.getByRole('button').count(), 0, 'New chat, History and Parameters are title actions now');
    const box = await header.getByRole('heading', { level: 1 }).evaluate((element) => ({ height: element.getBoundingClientRect().height, line: parseFloat(getComputedStyle(element).lineHeight), right: element.getBoundingClientRect().right }));
    assert.ok(box.height <= box.line + 1, `the title is one line (${box.height}px)`);
    assert.ok(box.right <= 250);
    // The first question titles the chat: the host sends the new list, not the chat again.
    await view.sendAndSettle({ type: 'chatList', chats: [{ id: state.state.chat.id, title: 'Add two numbers', updatedAt: Date.now(), messageCount: 2 }] });
    assert.equal(await header.getByRole('heading', { level: 1 }).innerText(), 'Add two numbers');
  });

  it('keeps the header and the composer on one line at 250 px, with no text overflowing its box', async () => {
    const { view } = session;
    const stats = { model: 'openai/gpt-oss-120b', provider: 'DeepInfra', promptTokens: 1234, completionTokens: 567, reasoningTokens: 89, costUsd: 0.00123, ttftMs: 850, tokensPerSecond: 75.5 };
    const messages = [userMessage('u1', 'Show me an add function, please, with a long question that needs to wrap.'), assistantMessage('a1', ANSWER, { stats })];
    await view.sendAndSettle(stateMessage({ messages }));
    assert.deepEqual(await view.page.evaluate(findLayoutProblems), []);
    // The probe does see a line that does not fit (so the empty list above means something).
    await view.page.evaluate(() => {
      const line = document.createElement('p');
      line.style.whiteSpace = 'nowrap';
      line.textContent = 'A line far too long to fit into a side bar of two hundred and fifty pixels';
      document.querySelector('.markdown-body')?.append(line);
    });
    assert.equal((await view.page.evaluate(findLayoutProblems)).length > 0, true);
  });
});
