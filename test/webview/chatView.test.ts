/** The chat view's shell, composer, message actions, errors, history and empty state. */
import * as assert from 'node:assert/strict';
import { assistantMessage, CHAT_ID, deltas, stateMessage, streamEnd, streamStart, userMessage, viewState } from './fixtures';
import { usePageSession } from './pageSession';

describe('webview: chat view', () => {
  const session = usePageSession();

  it('posts ready once its listener is installed, before anything else', async () => {
    const posted = await session.view.posted();
    assert.deepEqual(posted, [{ type: 'ready' }]);
  });

  it('shows the welcome with Set API key and the keys link when no key is set', async () => {
    const { view } = session;
    await view.sendAndSettle(stateMessage({ keySource: 'none' }));
    const page = view.page;
    assert.match(await page.locator('.empty-state').innerText(), /right-click for Explain, Refactor, Fix, Document or Generate tests/);
    await page.getByRole('button', { name: 'Set API key' }).click();
    await page.getByRole('link', { name: 'Get a key at openrouter.ai/keys' }).click();
    assert.deepEqual(await view.postedOfType('action'), [{ type: 'action', action: 'setApiKey' }]);
    assert.deepEqual(await view.postedOfType('openLink'), [{ type: 'openLink', href: 'https://openrouter.ai/keys' }]);
    assert.equal(page.url(), `${view.origin}/`, 'the webview itself never navigates');
  });

  it('says where the key comes from when it is in the environment', async () => {
    const { view } = session;
    await view.sendAndSettle(stateMessage({ keySource: 'env' }));
    assert.match(await view.page.locator('.empty-state').innerText(), /OPENROUTER_API_KEY environment variable/);
    assert.equal(await view.page.getByRole('button', { name: 'Set API key' }).count(), 0);
  });

  it('sends with Enter, keeps Shift+Enter as a newline, and disables Send for empty text', async () => {
    const { view } = session;
    await view.sendAndSettle(stateMessage());
    const input = view.page.getByRole('textbox', { name: 'Message' });
    const send = view.page.getByRole('button', { name: 'Send' });
    assert.equal(await send.isDisabled(), true);
    await input.fill('first line');
    await input.press('Shift+Enter');
    await input.pressSequentially('second line');
    assert.equal(await input.inputValue(), 'first line\nsecond line');
    assert.equal(await send.isDisabled(), false);
    await input.press('Enter');
    assert.deepEqual(await view.postedOfType('send'), [{ type: 'send', text: 'first line\nsecond line' }]);
    assert.equal(await input.inputValue(), '');
  });

  it('while streaming: Send queues the message (never sent after Stop), Stop and Esc post stop', async () => {
    const { view } = session;
    const plan = { messageId: 'a1', user: userMessage('u1', 'question'), content: 'Partial answer' };
    await view.sendAndSettle(stateMessage(), streamStart(plan), ...deltas(plan, 'content', plan.content));
    const page = view.page;
    const input = page.getByRole('textbox', { name: 'Message' });
    await input.fill('another question');
    assert.equal(await page.getByRole('button', { name: 'Send' }).isDisabled(), false, 'Send queues while an answer streams');
    await input.press('Enter');
    assert.equal((await view.postedOfType('send')).length, 0, 'never interleaves two requests');
    const queued = page.getByRole('listitem').filter({ hasText: 'Queued' });
    assert.match(await queued.innerText(), /Queued[\s\S]*another question/);
    assert.equal(await input.inputValue(), '', 'the queued text left the box');
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.locator('body').press('Escape');
    assert.deepEqual(await view.postedOfType('stop'), [{ type: 'stop' }, { type: 'stop' }]);
    await view.sendAndSettle(streamEnd({ ...plan, final: { status: 'stopped' } }));
    assert.equal((await view.postedOfType('send')).length, 0, 'a stopped answer does not send the queued message');
    assert.equal(await queued.count(), 1, 'it stays queued after Stop');
    assert.equal(await page.getByRole('button', { name: 'Stop' }).isVisible(), false);
    assert.match(await page.getByRole('article', { name: 'Assistant' }).innerText(), /Partial answer[\s\S]*Stopped/);
  });

  it('keeps Stop and Esc for an answer streaming in another chat, says where it runs, and leads back to it', async () => {
    const { view } = session;
    const plan = { messageId: 'a1', user: userMessage('u1', 'question'), content: 'Partial answer' };
    const chats = [
      { id: CHAT_ID, title: 'Long story', updatedAt: Date.now(), messageCount: 2 },
      { id: 'other', title: 'Other chat', updatedAt: Date.now() - 60_000, messageCount: 0 },
    ];
    await view.sendAndSettle(stateMessage({ chats }), streamStart(plan), ...deltas(plan, 'content', plan.content));
    // New chat while the answer streams: the host sends the empty chat, naming the running answer.
    await view.sendAndSettle(stateMessage({ chatId: 'other', chats, streamingMessageId: 'a1', streamingChatId: CHAT_ID }));
    const page = view.page;
    const stop = page.getByRole('button', { name: 'Stop' });
    assert.equal(await stop.isVisible(), true, 'Stop stays reachable from another chat');
    assert.equal(await page.getByRole('button', { name: 'Send' }).isDisabled(), true);
    const banner = page.locator('.running-banner');
    assert.equal(await banner.innerText().then((text) => text.includes('An answer is being written in “Long story”.')), true);
    await stop.click();
    await page.locator('body').press('Escape');
    assert.deepEqual(await view.postedOfType('stop'), [{ type: 'stop' }, { type: 'stop' }]);
    await banner.getByRole('button', { name: 'Show' }).click();
    assert.deepEqual(await view.postedOfType('openChat'), [{ type: 'openChat', chatId: CHAT_ID }]);
    await view.sendAndSettle(streamEnd({ ...plan, final: { status: 'stopped' } }));
    assert.equal(await stop.isVisible(), false);
    assert.equal(await banner.isVisible(), false);
  });

  it('offers Regenerate on the last answer only and posts regenerate', async () => {
    const { view } = session;
    const messages = [userMessage('u1', 'one'), assistantMessage('a1', 'First'), userMessage('u2', 'two'), assistantMessage('a2', 'Second')];
    await view.sendAndSettle(stateMessage({ messages }));
    const regenerate = view.page.getByRole('button', { name: 'Regenerate' });
    assert.equal(await regenerate.count(), 1);
    assert.equal(await view.page.locator('[data-message-id="a2"]').getByRole('button', { name: 'Regenerate' }).count(), 1);
    await regenerate.click();
    assert.deepEqual(await view.postedOfType('regenerate'), [{ type: 'regenerate', messageId: 'a2' }]);
  });

  it('edits a user message inline and posts editAndResend with the new text', async () => {
    const { view } = session;
    await view.sendAndSettle(stateMessage({ messages: [userMessage('u1', 'old question'), assistantMessage('a1', 'Answer')] }));
    const user = view.page.getByRole('article', { name: 'You' });
    await user.getByRole('button', { name: 'Edit' }).click();
    const editor = user.getByRole('textbox', { name: 'Edit message' });
    assert.equal(await editor.inputValue(), 'old question');
    await editor.fill('new question');
    await user.getByRole('button', { name: 'Resend' }).click();
    assert.deepEqual(await view.postedOfType('editAndResend'), [{ type: 'editAndResend', messageId: 'u1', text: 'new question' }]);
  });

  it('shows an error with role=alert, keeps the partial text, and posts each action', async () => {
    const { view } = session;
    const failed = assistantMessage('a1', 'Half an ans', {
      status: 'error',
      error: { kind: 'noCredits', message: 'Your OpenRouter credits ran out.', actions: ['addCredits', 'setApiKey', 'retry', 'openSettings', 'selectModel'] },
    });
    await view.sendAndSettle(stateMessage({ messages: [userMessage('u1', 'q'), failed] }));
    const alert = view.page.getByRole('alert');
    assert.equal(await alert.locator('.error-message').innerText(), 'Your OpenRouter credits ran out.');
    assert.match(await view.page.getByRole('article', { name: 'Assistant' }).innerText(), /Half an ans/);
    for (const name of ['Add credits', 'Set API key', 'Retry', 'Open settings', 'Choose model']) await alert.getByRole('button', { name }).click();
    assert.deepEqual(
      (await view.postedOfType('action')).map((message) => [message.action, message.messageId]),
      [['addCredits', 'a1'], ['setApiKey', 'a1'], ['retry', 'a1'], ['openSettings', 'a1'], ['selectModel', 'a1']],
    );
  });

  it('offers Retry under the latest failed answer only, never under an older one', async () => {
    const { view } = session;
    const error = { kind: 'serverError', message: 'OpenRouter had an internal error.', actions: ['retry'] as const };
    const messages = [userMessage('u1', 'one'), assistantMessage('a1', '', { status: 'error', error }), userMessage('u2', 'two'), assistantMessage('a2', '', { status: 'error', error })];
    await view.sendAndSettle(stateMessage({ messages }));
    const older = view.page.locator('[data-message-id="a1"]');
    assert.equal(await older.getByRole('alert').count(), 1, 'the older error is still shown');
    assert.equal(await older.getByRole('button', { name: 'Retry' }).count(), 0);
    await view.page.locator('[data-message-id="a2"]').getByRole('button', { name: 'Retry' }).click();
    assert.deepEqual(await view.postedOfType('action'), [{ type: 'action', action: 'retry', messageId: 'a2' }]);
  });

  it('shows the stats line and copies the whole answer', async () => {
    const { view } = session;
    const answer = assistantMessage('a1', 'The **answer**.', {
      stats: { model: 'openai/gpt-oss-120b', provider: 'Cerebras', promptTokens: 1200, completionTokens: 340, reasoningTokens: 80, costUsd: 0.000034, ttftMs: 420, tokensPerSecond: 1710.4 },
    });
    await view.sendAndSettle(stateMessage({ messages: [userMessage('u1', 'q'), answer] }));
    const stats = await view.page.locator('.stats').innerText();
    assert.equal(stats, 'openai/gpt-oss-120b (Cerebras) · 1,200 prompt / 340 completion tokens (80 reasoning) · $0.000034 · first token 0.42 s · 1710 tokens/s');
    await view.page.locator('.message-footer').getByRole('button', { name: 'Copy' }).click();
    assert.deepEqual(await view.postedOfType('copy'), [{ type: 'copy', text: 'The **answer**.' }]);
  });

  it('lists past chats, reopens one, and deletes only after confirming', async () => {
    const { view } = session;
    const chats = [
      { id: CHAT_ID, title: 'Current chat', updatedAt: Date.now() - 60_000, messageCount: 2 },
      { id: 'old', title: 'Refactor the parser', updatedAt: Date.now() - 3 * 24 * 3600_000, messageCount: 6 },
    ];
    await view.sendAndSettle(stateMessage({ chats }));
    const page = view.page;
    const history = page.getByRole('region', { name: 'Chat history' });
    assert.equal(await history.isVisible(), false);
    // The view's History title action (the host relays it).
    await view.sendAndSettle({ type: 'togglePanel', panel: 'history' });
    assert.equal(await history.isVisible(), true);
    assert.equal(await history.getByRole('searchbox', { name: 'Search chats' }).evaluate((input) => input === document.activeElement), true, 'the opened panel takes the focus');
    assert.match(await history.innerText(), /Refactor the parser\s*3 days ago/);
    await history.getByRole('button', { name: /^Refactor the parser/ }).click();
    assert.deepEqual(await view.postedOfType('openChat'), [{ type: 'openChat', chatId: 'old' }]);
    await history.getByRole('button', { name: 'Delete chat “Refactor the parser”' }).click();
    assert.equal((await view.postedOfType('deleteChat')).length, 0, 'one click never deletes');
    await history.getByRole('button', { name: 'Cancel' }).click();
    await history.getByRole('button', { name: 'Delete chat “Refactor the parser”' }).click();
    await history.getByRole('button', { name: 'Confirm delete' }).click();
    assert.deepEqual(await view.postedOfType('deleteChat'), [{ type: 'deleteChat', chatId: 'old' }]);
    // Esc closes the panel and gives the message box the focus back.
    await history.getByRole('searchbox', { name: 'Search chats' }).press('Escape');
    assert.equal(await history.isVisible(), false);
    assert.equal(await page.getByRole('textbox', { name: 'Message' }).evaluate((box) => box === document.activeElement), true);
  });

  it('keeps the draft and the scroll position across hide and re-show (setState)', async () => {
    const { view } = session;
    const messages = Array.from({ length: 12 }, (_, index) => [userMessage(`u${index}`, `question ${index}`), assistantMessage(`a${index}`, `Answer ${index}\n\n${'Long line of text. '.repeat(30)}`)]).flat();
    await view.sendAndSettle(stateMessage({ messages }));
    await view.page.getByRole('textbox', { name: 'Message' }).fill('unfinished draft');
    await view.page.locator('.conversation').evaluate((element) => {
      element.scrollTop = 300;
      element.dispatchEvent(new Event('scroll'));
    });
    const saved = await view.savedState();
    assert.deepEqual(saved, { draft: 'unfinished draft', scrollTop: 300, following: false });
    assert.doesNotMatch(JSON.stringify(saved), /sk-or/);
    const shownAgain = await session.open({ savedState: saved });
    await shownAgain.sendAndSettle(stateMessage({ messages }));
    assert.equal(await shownAgain.page.getByRole('textbox', { name: 'Message' }).inputValue(), 'unfinished draft');
    assert.equal(await shownAgain.page.locator('.conversation').evaluate((element) => element.scrollTop), 300);
  });

  it('translates its UI through state.strings', async () => {
    const { view } = session;
    await view.sendAndSettle({ type: 'state', state: { ...viewState({ messages: [userMessage('u1', 'q'), assistantMessage('a1', 'A')] }), strings: { Regenerate: 'Neu erzeugen', 'Thought for {0} s': 'Dachte {0} s nach' } } });
    assert.equal(await view.page.getByRole('button', { name: 'Neu erzeugen' }).count(), 1);
  });
});
