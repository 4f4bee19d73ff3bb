/**
 * A stopped or failed answer's billed tokens and cost arrive after it ended (`answerStats`, from
 * OpenRouter's /generation record): they appear under it as a finished answer's do, and the
 * chat's running cost in the header takes them.
 */
import * as assert from 'node:assert/strict';
import type { HostMessage } from '../../src/shared/protocol';
import { assistantMessage, CHAT_ID, MODEL, stateMessage, userMessage } from './fixtures';
import { usePageSession } from './pageSession';

describe('webview: billed figures of stopped and failed answers', () => {
  const session = usePageSession();

  it('shows the late tokens and cost under the stopped answer and adds them to the chat cost', async () => {
    const { view } = session;
    const messages = [
      userMessage('u1', 'one'),
      assistantMessage('a1', 'Done.', { stats: { model: MODEL, promptTokens: 10, completionTokens: 4, costUsd: 0.001 } }),
      userMessage('u2', 'two'),
      assistantMessage('a2', 'Half an ans', { status: 'stopped', stats: { model: MODEL, ttftMs: 300 } }),
    ];
    await view.sendAndSettle(stateMessage({ messages }));
    const stopped = view.page.locator('[data-message-id="a2"]');
    assert.doesNotMatch(await stopped.innerText(), /completion tokens/);
    const late: HostMessage = { type: 'answerStats', chatId: CHAT_ID, messageId: 'a2', stats: { model: MODEL, promptTokens: 1234, completionTokens: 56, costUsd: 0.002, ttftMs: 300 } };
    await view.sendAndSettle(late);
    const text = await stopped.innerText();
    assert.match(text, /Stopped/);
    assert.match(text, /1,234 prompt \/ 56 completion tokens/);
    assert.match(text, /\$0\.0020/);
    assert.match(text, /first token 0\.30 s/);
    assert.match(await view.page.locator('.header-cost').innerText(), /\$0\.0030/);
  });

  it('leaves another chat alone', async () => {
    const { view } = session;
    await view.sendAndSettle(stateMessage({ messages: [userMessage('u1', 'one'), assistantMessage('a1', 'Half', { status: 'error', stats: { model: MODEL } })] }));
    await view.sendAndSettle({ type: 'answerStats', chatId: 'another-chat', messageId: 'a1', stats: { model: MODEL, completionTokens: 9, costUsd: 0.5 } });
    assert.doesNotMatch(await view.page.locator('[data-message-id="a1"]').innerText(), /completion tokens/);
  });
});
