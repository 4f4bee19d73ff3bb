/**
 * Compact in the view: the summary is one message named as such, the messages it stands in for stay
 * readable (marked), it streams like an answer, and Compact is offered where it helps: `/compact`,
 * a context-length error (instead of Retry) and the notice that earlier messages were left out.
 */
import * as assert from 'node:assert/strict';
import { assistantMessage, CHAT_ID, stateMessage, userMessage } from './fixtures';
import { usePageSession } from './pageSession';

const EARLIER = [
  { ...userMessage('u1', 'Where does the parser live?'), summarized: true },
  { ...assistantMessage('a1', 'In src/core/parse.ts.'), summarized: true },
  { ...userMessage('u2', 'Which algorithm?'), summarized: true },
  { ...assistantMessage('a2', 'Recursive descent.'), summarized: true },
];

describe('webview: Compact', () => {
  const session = usePageSession();

  it('shows the summary as one labelled message below the summarized ones, which stay readable and marked', async () => {
    const { view } = session;
    const summary = assistantMessage('s1', '- Parser: `src/core/parse.ts`, recursive descent', { summaryOf: 4 });
    await view.sendAndSettle(stateMessage({ messages: [...EARLIER, summary] }));
    const page = view.page;
    const article = page.getByRole('article', { name: 'Summary' });
    assert.match(await article.innerText(), /^Summary of 4 earlier messages\n[\s\S]*src\/core\/parse\.ts, recursive descent/);
    assert.equal(await article.getByRole('button', { name: 'Regenerate' }).count(), 0, 'a summary answers no question');
    assert.equal(await article.getByRole('button', { name: 'Copy' }).count(), 1);
    for (const id of ['u1', 'a1', 'u2', 'a2']) {
      const message = page.locator(`[data-message-id="${id}"]`);
      assert.equal(await message.isVisible(), true, `${id} is still shown`);
      assert.match((await message.getAttribute('class')) ?? '', /\bis-summarized\b/);
      assert.equal(await message.getAttribute('title'), 'Summarized below: no longer sent to the model');
    }
    assert.match(await page.locator('[data-message-id="a2"]').innerText(), /Recursive descent/);
    // Answers after the summary are not marked.
    await view.sendAndSettle(stateMessage({ messages: [...EARLIER, summary, userMessage('u3', 'next'), assistantMessage('a3', 'ok')] }));
    assert.doesNotMatch((await page.locator('[data-message-id="a3"]').getAttribute('class')) ?? '', /is-summarized/);
  });

  it('streams the summary like an answer, with Stop, into the labelled message', async () => {
    const { view } = session;
    const streaming = assistantMessage('s1', '', { summaryOf: 4, status: 'streaming' });
    await view.sendAndSettle(stateMessage({ messages: [...EARLIER.map((m) => ({ ...m, summarized: false })), streaming], streamingMessageId: 's1' }));
    const page = view.page;
    const article = page.getByRole('article', { name: 'Summary' });
    assert.equal(await article.getAttribute('aria-busy'), 'true');
    await view.sendAndSettle(
      { type: 'streamDelta', chatId: CHAT_ID, messageId: 's1', content: '- Parser in ' },
      { type: 'streamDelta', chatId: CHAT_ID, messageId: 's1', content: '`src/core/parse.ts`' },
    );
    assert.match(await article.innerText(), /Parser in src\/core\/parse\.ts/);
    await page.getByRole('button', { name: 'Stop' }).click();
    assert.deepEqual(await view.postedOfType('stop'), [{ type: 'stop' }]);
  });

  it('a context-length error offers Compact instead of Retry, and Compact posts its action', async () => {
    const { view } = session;
    const error = { kind: 'contextTooLong', message: 'The conversation is too long for this model.', actions: ['compact'] as const };
    await view.sendAndSettle(stateMessage({ messages: [userMessage('u1', 'long'), assistantMessage('a1', '', { status: 'error', error })] }));
    const alert = view.page.getByRole('alert');
    assert.equal(await alert.getByRole('button', { name: 'Retry' }).count(), 0);
    await alert.getByRole('button', { name: 'Compact' }).click();
    assert.deepEqual(await view.postedOfType('action'), [{ type: 'action', action: 'compact', messageId: 'a1' }]);
  });

  it('the notice that earlier messages were left out offers Compact, and /compact posts compact', async () => {
    const { view } = session;
    await view.sendAndSettle(stateMessage({ messages: [userMessage('u1', 'q'), assistantMessage('a1', 'a')] }));
    const page = view.page;
    await view.sendAndSettle({ type: 'notice', level: 'info', text: '6 earlier messages were left out so the chat fits the context window of m (8192 tokens).', actions: ['compact'] });
    await page.getByRole('status').getByRole('button', { name: 'Compact' }).click();
    assert.deepEqual(await view.postedOfType('action'), [{ type: 'action', action: 'compact' }]);

    const input = page.getByRole('textbox', { name: 'Message' });
    await input.pressSequentially('/comp');
    const option = page.getByRole('listbox', { name: 'Commands' }).getByRole('option');
    assert.deepEqual((await option.allInnerTexts()).map((text) => text.split(/\s/)[0]), ['/compact']);
    await input.press('Enter');
    assert.deepEqual(await view.postedOfType('compact'), [{ type: 'compact' }]);
    assert.equal((await view.postedOfType('send')).length, 0);
  });
});
