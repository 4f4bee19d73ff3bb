/** The chat workflow's popups: queued messages, slash commands, the Model button, history search, rename, Undo. */
import * as assert from 'node:assert/strict';
import type { ChatSummary } from '../../src/shared/protocol';
import { assistantMessage, CHAT_ID, deltas, stateMessage, streamEnd, streamStart, userMessage, viewState } from './fixtures';
import { usePageSession } from './pageSession';

const DAY = 24 * 3600_000;

describe('webview: chat workflow', () => {
  const session = usePageSession();

  it('sends a queued message when the answer ends, and removes one on request', async () => {
    const { view } = session;
    const plan = { messageId: 'a1', user: userMessage('u1', 'question'), content: 'Answer' };
    await view.sendAndSettle(stateMessage(), streamStart(plan), ...deltas(plan, 'content', plan.content));
    const page = view.page;
    const input = page.getByRole('textbox', { name: 'Message' });
    await input.fill('first follow-up');
    await input.press('Enter');
    await input.fill('second follow-up');
    await page.getByRole('button', { name: 'Send' }).click();
    const queued = page.getByRole('listitem').filter({ hasText: 'Queued' });
    assert.equal(await queued.count(), 2);
    await queued.nth(1).getByRole('button', { name: 'Remove queued message' }).click();
    assert.equal(await queued.count(), 1);
    assert.equal((await view.postedOfType('send')).length, 0);

    await view.sendAndSettle(streamEnd(plan));
    assert.deepEqual(await view.postedOfType('send'), [{ type: 'send', text: 'first follow-up' }]);
    assert.equal(await queued.count(), 0);
  });

  it('takes a queued message back into the Message box to edit it', async () => {
    const { view } = session;
    const plan = { messageId: 'a1', user: userMessage('u1', 'question'), content: 'Answer' };
    await view.sendAndSettle(stateMessage(), streamStart(plan));
    const page = view.page;
    const input = page.getByRole('textbox', { name: 'Message' });
    await input.fill('typo questoin');
    await input.press('Enter');
    await page.getByRole('button', { name: 'Edit queued message' }).click();
    assert.equal(await input.inputValue(), 'typo questoin');
    assert.equal(await page.getByRole('listitem').filter({ hasText: 'Queued' }).count(), 0);
  });

  it('offers the slash commands in a listbox "Commands" while / is typed, and runs the chosen one', async () => {
    const { view } = session;
    await view.sendAndSettle(stateMessage());
    const page = view.page;
    const input = page.getByRole('textbox', { name: 'Message' });
    const list = page.getByRole('listbox', { name: 'Commands' });
    assert.equal(await list.isVisible(), false);
    await input.pressSequentially('/');
    await list.waitFor();
    const names = (await list.getByRole('option').allInnerTexts()).map((text) => text.split(/\s/)[0]);
    assert.deepEqual(names, ['/explain', '/fix', '/tests', '/doc', '/new', '/model', '/compact']);
    await input.pressSequentially('t');
    assert.deepEqual((await list.getByRole('option').allInnerTexts()).map((text) => text.split(/\s/)[0]), ['/tests']);
    await input.press('Enter');
    assert.deepEqual(await view.postedOfType('selectionCommand'), [{ type: 'selectionCommand', command: 'tests' }]);
    assert.equal((await view.postedOfType('send')).length, 0, 'Enter ran the command, it did not send "/t"');
    assert.equal(await input.inputValue(), '');
    assert.equal(await list.isVisible(), false);

    await input.pressSequentially('/');
    await input.press('ArrowDown');
    await input.press('Escape');
    assert.equal(await list.isVisible(), false);
    await input.fill('');
    await input.pressSequentially('/mo');
    await list.getByRole('option', { name: /\/model/ }).click();
    assert.deepEqual(await view.postedOfType('pickChatModel'), [{ type: 'pickChatModel' }]);
    await input.pressSequentially('/new');
    await input.press('Tab');
    assert.deepEqual(await view.postedOfType('newChat'), [{ type: 'newChat' }]);
  });

  it('shows the chat\'s own model on the Model button, the default otherwise, and opens the picker', async () => {
    const { view } = session;
    await view.sendAndSettle(stateMessage());
    const page = view.page;
    const model = page.getByRole('button', { name: 'Model', exact: true });
    assert.equal(await model.innerText(), 'openai/gpt-oss-120b');
    const state = viewState();
    await view.sendAndSettle({ type: 'state', state: { ...state, chat: { ...state.chat, model: 'anthropic/claude-sonnet-4.5', reasoningEffort: 'high' } } });
    assert.equal(await model.innerText(), 'anthropic/claude-sonnet-4.5');
    assert.equal(await page.getByRole('button', { name: 'Reasoning effort' }).innerText(), 'Effort: high');
    await model.click();
    await page.getByRole('button', { name: 'Reasoning effort' }).click();
    assert.deepEqual((await view.posted()).filter((m) => m.type.startsWith('pickChat')), [{ type: 'pickChatModel' }, { type: 'pickChatEffort' }]);
  });

  it('groups the history by Today / Yesterday / Last 7 days / Older and filters it by the host\'s search results', async () => {
    const { view } = session;
    const now = Date.now();
    const midnight = new Date(now).setHours(0, 0, 0, 0);
    const chats: ChatSummary[] = [
      { id: CHAT_ID, title: 'Current chat', updatedAt: now, messageCount: 2 },
      { id: 'y', title: 'Yesterday chat', updatedAt: midnight - 3600_000, messageCount: 2 },
      { id: 'w', title: 'Week chat', updatedAt: midnight - 4 * DAY, messageCount: 2 },
      { id: 'o', title: 'Old chat', updatedAt: midnight - 40 * DAY, messageCount: 2 },
    ];
    await view.sendAndSettle(stateMessage({ chats }));
    const page = view.page;
    await view.sendAndSettle({ type: 'togglePanel', panel: 'history' });
    const history = page.getByRole('region', { name: 'Chat history' });
    assert.deepEqual(await history.getByRole('heading', { level: 3 }).allInnerTexts(), ['Today', 'Yesterday', 'Last 7 days', 'Older']);
    assert.match(await history.getByRole('list', { name: 'Older' }).innerText(), /Old chat/);

    const search = history.getByRole('searchbox', { name: 'Search chats' });
    await search.fill('zebra');
    assert.deepEqual(await view.postedOfType('searchChats'), [{ type: 'searchChats', query: 'zebra' }]);
    // An answer to an older query is ignored.
    await view.sendAndSettle({ type: 'searchResults', query: 'zeb', chatIds: ['o', 'w'] });
    await view.sendAndSettle({ type: 'searchResults', query: 'zebra', chatIds: ['w'] });
    assert.deepEqual(await history.getByRole('listitem').allInnerTexts().then((texts) => texts.map((t) => t.split('\n')[0])), ['Week chat']);
    await view.sendAndSettle({ type: 'searchResults', query: 'zebra', chatIds: [] });
    assert.match(await history.innerText(), /No chats match your search\./);
    await search.fill('');
    assert.equal(await history.getByRole('listitem').count(), 4);
  });

  it('renames a chat, and puts a deleted one back with Undo', async () => {
    const { view } = session;
    const chats: ChatSummary[] = [{ id: 'old', title: 'Refactor the parser', updatedAt: Date.now(), messageCount: 2 }];
    await view.sendAndSettle(stateMessage({ chats }));
    const page = view.page;
    await view.sendAndSettle({ type: 'togglePanel', panel: 'history' });
    const history = page.getByRole('region', { name: 'Chat history' });
    await history.getByRole('button', { name: 'Rename chat “Refactor the parser”' }).click();
    const name = history.getByRole('textbox', { name: 'Chat name' });
    await name.fill('Parser notes');
    await name.press('Enter');
    assert.deepEqual(await view.postedOfType('renameChat'), [{ type: 'renameChat', chatId: 'old', title: 'Parser notes' }]);

    await history.getByRole('button', { name: 'Delete chat “Parser notes”' }).click();
    await history.getByRole('button', { name: 'Confirm delete' }).click();
    assert.deepEqual(await view.postedOfType('deleteChat'), [{ type: 'deleteChat', chatId: 'old' }]);
    await history.getByRole('button', { name: 'Undo' }).click();
    assert.deepEqual(await view.postedOfType('undoDeleteChat'), [{ type: 'undoDeleteChat', chatId: 'old' }]);

    await history.getByRole('button', { name: 'Delete all chats' }).click();
    assert.deepEqual(await view.postedOfType('deleteAllChats'), [{ type: 'deleteAllChats' }]);
  });

  it('quotes a selection from an answer into the Message box', async () => {
    const { view } = session;
    const messages = [userMessage('u1', 'question'), assistantMessage('a1', 'First line of the answer.\n\nSecond paragraph here.')];
    await view.sendAndSettle(stateMessage({ messages }));
    const page = view.page;
    const input = page.getByRole('textbox', { name: 'Message' });
    await input.fill('About this:');
    const quote = page.getByRole('button', { name: 'Quote' });
    assert.equal(await quote.isVisible(), false);
    await page.evaluate(() => {
      const body = document.querySelector('.message-assistant .markdown-body');
      if (!body) throw new Error('no answer');
      const range = document.createRange();
      range.selectNodeContents(body);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    });
    await quote.click();
    assert.equal(await input.inputValue(), 'About this:\n\n> First line of the answer.\n>\n> Second paragraph here.\n\n');
    assert.equal(await quote.isVisible(), false);
  });

  it('keeps the question in sight (sticky) while its long answer scrolls under it', async () => {
    const { view } = session;
    const long = Array.from({ length: 80 }, (_, i) => `Paragraph ${i + 1} of a long answer.`).join('\n\n');
    await view.sendAndSettle(stateMessage({ messages: [userMessage('u1', 'Explain it at length'), assistantMessage('a1', long)] }));
    const page = view.page;
    const placed = await page.evaluate(() => {
      const question = document.querySelector('.message-user');
      const answer = document.querySelector('.message-assistant');
      if (!question || !answer) throw new Error('messages missing');
      // The nearest scrolling ancestor: the conversation's scroller.
      let scroller: HTMLElement | null = question.parentElement;
      while (scroller && !(scroller.scrollHeight > scroller.clientHeight && /auto|scroll/.test(getComputedStyle(scroller).overflowY))) scroller = scroller.parentElement;
      if (!scroller) throw new Error('nothing scrolls');
      scroller.scrollTop = 0;
      scroller.scrollTop = (answer as HTMLElement).offsetHeight / 2;
      const top = scroller.getBoundingClientRect().top;
      const box = question.getBoundingClientRect();
      // What is drawn at the question's middle: the question, not answer text scrolled over it.
      const hit = document.elementFromPoint(box.left + 10, box.top + box.height / 2);
      return { scrolled: scroller.scrollTop, offset: Math.round(box.top - top), covered: !question.contains(hit) };
    });
    assert.ok(placed.scrolled > 200, `the answer did not scroll (${placed.scrolled} px)`);
    assert.ok(Math.abs(placed.offset) <= 1, `the question left the top of the view (${placed.offset} px from it)`);
    assert.equal(placed.covered, false, 'the answer is drawn over the question');
  });
});
