/** Token probabilities (logprobs): hovering or focusing a token of the answer shows its probability and the alternatives. */
import * as assert from 'node:assert/strict';
import type { TokenLogprob } from '../../src/shared/protocol';
import { mockTokenLogprobs, mockTokens } from '../server/logprobs';
import { assistantMessage, stateMessage, streamAnswer, userMessage } from './fixtures';
import type { WebviewPage } from './harness';
import { usePageSession } from './pageSession';

const ANSWER = 'Here is a small **TypeScript** function:\n\n```ts\nconst total = add(1, 2);\n```\n\n- first item\n- second `item`';

/** The answer's tokens as the local server sends them with `top_logprobs: 3`, in the stored form. */
function logprobsOf(text: string, top = 3): TokenLogprob[] {
  return mockTokens(text).map((token) => {
    const wire = mockTokenLogprobs(token, top);
    return [token, wire.logprob, wire.top_logprobs.map((alternative) => [alternative.token, alternative.logprob] as const)];
  });
}

function percentOf(logprob: number): string {
  return `${(Math.exp(logprob) * 100).toFixed(1)} %`;
}

const answer = (view: WebviewPage) => view.page.locator('[data-message-id="a1"] .markdown-body');
const tokenSpan = (view: WebviewPage, text: string) => answer(view).locator('.token-prob', { hasText: new RegExp(`^${text}$`) }).first();

describe('webview: token probabilities', () => {
  const session = usePageSession();

  it('hovering a token of a reopened answer shows its probability and the top alternatives', async () => {
    const { view } = session;
    await view.sendAndSettle(stateMessage({ messages: [userMessage('u1', 'Show me'), assistantMessage('a1', ANSWER, { logprobs: logprobsOf(ANSWER) })] }));
    const tooltip = view.page.getByRole('tooltip');
    assert.equal(await tooltip.count(), 0, 'no tooltip before a hover');

    await tokenSpan(view, 'TypeScript').hover();
    await tooltip.waitFor({ state: 'visible' });
    const wire = mockTokenLogprobs('TypeScript', 3);
    const text = await tooltip.innerText();
    assert.match(text, /TypeScript/);
    assert.ok(text.includes(`Probability ${percentOf(wire.logprob)}`), text);
    const items = await tooltip.locator('li').allInnerTexts();
    assert.equal(items.length, 3);
    wire.top_logprobs.forEach((alternative, index) => {
      assert.ok(items[index]?.includes(percentOf(alternative.logprob)), `${items[index]} shows ${percentOf(alternative.logprob)}`);
      assert.ok(items[index]?.includes(alternative.token.replace(/ /g, '␣')), `${items[index]} names ${alternative.token}`);
    });

    // Tokens in code blocks and lists are marked too; syntax (`**`, fences, list markers) is not.
    await tokenSpan(view, 'add').hover();
    assert.ok((await tooltip.innerText()).includes(percentOf(mockTokenLogprobs('add', 3).logprob)));
    assert.equal(await answer(view).locator('.code-block pre .token-prob').filter({ hasText: /^total$/ }).count(), 1);
    assert.equal(await answer(view).locator('li .token-prob', { hasText: /^second$/ }).count(), 1);
    assert.equal(await answer(view).locator('.token-prob', { hasText: /\*\*|```|^-$/ }).count(), 0);
    assert.equal(await answer(view).locator('.code-toolbar .token-prob').count(), 0, 'the code toolbar is not answer text');
    assert.equal(await answer(view).innerText().then((shown) => shown.includes('TypeScript function')), true, 'the text reads as before');

    await view.page.mouse.move(5, 690);
    await tooltip.waitFor({ state: 'hidden' });
  });

  it('underlines unlikely tokens only', async () => {
    const { view } = session;
    const logprobs = logprobsOf(ANSWER);
    await view.sendAndSettle(stateMessage({ messages: [assistantMessage('a1', ANSWER, { logprobs })] }));
    const unlikely = logprobs.filter(([, logprob]) => Math.exp(logprob) < 0.1).map(([token]) => token.trim());
    assert.ok(unlikely.length > 0, 'the fixture has some');
    const marked = await answer(view).locator('.token-prob.token-unlikely').allInnerTexts();
    assert.ok(marked.length > 0);
    for (const text of marked) assert.ok(unlikely.includes(text), `${text} is unlikely`);
    const likelyWord = logprobs.find(([token, logprob]) => Math.exp(logprob) > 0.5 && /^\s?\w{4,}$/.test(token))?.[0].trim() ?? '';
    assert.equal(await tokenSpan(view, likelyWord).evaluate((span) => span.classList.contains('token-unlikely') || span.classList.contains('token-unsure')), false);
  });

  it('the keyboard reaches the tokens: one tab stop, arrow keys move, the tooltip is the focused token\'s description', async () => {
    const { view } = session;
    await view.sendAndSettle(stateMessage({ messages: [assistantMessage('a1', ANSWER, { logprobs: logprobsOf(ANSWER) })] }));
    assert.equal(await answer(view).locator('.token-prob[tabindex="0"]').count(), 1, 'one tab stop');
    await answer(view).locator('.token-prob[tabindex="0"]').focus();
    const tooltip = view.page.getByRole('tooltip');
    await tooltip.waitFor({ state: 'visible' });
    assert.match(await tooltip.innerText(), /Here[\s\S]*Probability \d+\.\d %/);

    await view.page.keyboard.press('ArrowRight');
    const focused = view.page.locator(':focus');
    assert.equal(await focused.innerText(), 'is');
    assert.match(await tooltip.innerText(), /␣is[\s\S]*Probability/);
    const described = await focused.getAttribute('aria-describedby');
    assert.ok(described && (await tooltip.getAttribute('id')) === described, 'the focused token is described by the tooltip');
    assert.equal(await answer(view).locator('.token-prob[tabindex="0"]').count(), 1, 'still one tab stop, on the focused token');

    await view.page.keyboard.press('End');
    assert.equal(await view.page.locator(':focus').innerText(), 'item');
    await view.page.keyboard.press('Escape');
    await tooltip.waitFor({ state: 'hidden' });
  });

  it('marks a streamed answer once it ends, and nothing without logprobs', async () => {
    const { view } = session;
    await view.sendAndSettle(stateMessage());
    await streamAnswer(view, { messageId: 'a1', user: userMessage('u1', 'q'), content: ANSWER }, { open: true });
    assert.equal(await answer(view).locator('.token-prob').count(), 0, 'not while streaming');
    await streamAnswer(view, { messageId: 'a2', user: userMessage('u2', 'q'), content: 'Plain answer.' });
    assert.equal(await view.page.locator('.token-prob').count(), 0, 'an answer without logprobs has no token spans');
  });

  it('a long answer gets all its tokens marked, a slice at a time', async () => {
    const { view } = session;
    const long = Array.from({ length: 400 }, (_, i) => `Sentence number ${i} says **something** useful.`).join('\n\n');
    const logprobs = logprobsOf(long, 2);
    await view.sendAndSettle(stateMessage({ messages: [assistantMessage('a1', long, { logprobs })] }));
    await view.page.waitForFunction(() => document.querySelector('.markdown-body')?.lastElementChild?.querySelector(':scope > p:last-child > .token-prob:last-child')?.textContent === '.', undefined, { timeout: 5000 });
    await tokenSpan(view, '399').hover();
    assert.ok((await view.page.getByRole('tooltip').innerText()).includes(percentOf(mockTokenLogprobs(' 399', 2).logprob)));
  });
});
