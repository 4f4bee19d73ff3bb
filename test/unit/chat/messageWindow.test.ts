/**
 * A long chat is sent to the view a page at a time (messageWindow.ts): the newest page when it
 * opens, the pages before when the view scrolls back or searches (`showEarlier`). Run through a
 * real session over a real store, with answers from the local OpenRouter-compatible server.
 */
import * as assert from 'node:assert/strict';
import { createChat, createMessage, type Chat } from '../../../src/core/chat/chat';
import { MESSAGES_PER_PAGE } from '../../../src/core/chat/messageWindow';
import type { HostMessage, MessageView, ViewState } from '../../../src/shared/protocol';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { harness } from './sessionHarness';

type Earlier = Extract<HostMessage, { type: 'earlierMessages' }>;
const lastState = (posted: HostMessage[]): ViewState | undefined => posted.filter((m): m is Extract<HostMessage, { type: 'state' }> => m.type === 'state').pop()?.state;
const lastEarlier = (posted: HostMessage[]): Earlier | undefined => posted.filter((m): m is Earlier => m.type === 'earlierMessages').pop();

/** A saved chat of `turns` questions and answers; every answer cost $0.001. */
function longChat(turns: number): Chat {
  const chat = createChat(1_000);
  chat.title = 'long';
  for (let turn = 0; turn < turns; turn++) {
    chat.messages.push(
      createMessage('user', `question ${turn}`),
      createMessage('assistant', `answer ${turn}`, { status: 'done', stats: { model: 'openai/gpt-oss-120b', costUsd: 0.001 } }),
    );
  }
  return chat;
}

const contents = (messages: readonly MessageView[]): string[] => messages.map((message) => message.content);

describe('chat session: a long chat sent a page at a time', function () {
  this.timeout(20_000);
  let server: MockOpenRouter;
  before(async () => {
    server = await startOpenRouterServer();
  });
  after(async () => server.close());

  async function openedLongChat(turns: number) {
    const run = await harness(server);
    const chat = longChat(turns);
    await run.store.save(chat);
    await run.store.flush();
    await run.session.openChat(chat.id);
    return { ...run, chat };
  }

  it('opens on the newest page, says what is before it, and sends the pages before on request, down to the first message', async () => {
    const { session, posted, chat } = await openedLongChat(250);
    const state = lastState(posted);
    assert.equal(state?.chat.messages.length, MESSAGES_PER_PAGE);
    assert.equal(state?.chat.messages[0]?.content, 'question 200');
    assert.equal(state?.chat.earlier?.count, 400);
    assert.ok(Math.abs((state?.chat.earlier?.costUsd ?? 0) - 0.2) < 1e-9, `the earlier answers' cost: ${state?.chat.earlier?.costUsd}`);

    session.showEarlier(chat.id, 400);
    const page = lastEarlier(posted);
    assert.equal(page?.before, 400);
    assert.deepEqual(contents(page?.messages ?? []).slice(0, 2), ['question 150', 'answer 150']);
    assert.equal(page?.messages.length, MESSAGES_PER_PAGE);
    assert.equal(page?.earlier?.count, 300);

    // All at once (the find bar), from where the view is.
    session.showEarlier(chat.id, 300, true);
    const rest = lastEarlier(posted);
    assert.equal(rest?.messages.length, 300);
    assert.equal(rest?.messages[0]?.content, 'question 0');
    assert.equal(rest?.earlier, undefined, 'nothing is left before');
    // A new state (a rename, a reload) keeps what the view was sent: the whole chat now.
    assert.equal(session.viewState().chat.messages.length, 500);
    assert.equal(session.viewState().chat.earlier, undefined);
  });

  it('a chat of one page arrives whole, with nothing before it', async () => {
    const { posted } = await openedLongChat(MESSAGES_PER_PAGE / 2);
    const state = lastState(posted);
    assert.equal(state?.chat.messages.length, MESSAGES_PER_PAGE);
    assert.equal(state?.chat.earlier, undefined);
  });

  it('two views asking at once: the second is covered by the answer both get; a view ahead of the window gets the whole state; another chat is dropped', async () => {
    const { session, posted, chat } = await openedLongChat(150);
    posted.length = 0;
    // The side bar and the editor tab both reach their top before either has its page.
    session.showEarlier(chat.id, 200);
    session.showEarlier(chat.id, 200);
    const pages = posted.filter((m): m is Earlier => m.type === 'earlierMessages');
    assert.deepEqual(pages.map((page) => [page.before, page.messages.length, page.earlier?.count]), [[200, 100, 100]], 'one page, posted to both views');
    assert.equal(lastState(posted), undefined, 'no view is sent back to the bottom');
    // A view that thinks fewer come before than the host sent it missed a state: the state puts it right.
    session.showEarlier(chat.id, 50);
    assert.equal(lastState(posted)?.chat.messages.length, 200);
    // Find in a view still behind asks for all: it goes on from where the window starts.
    session.showEarlier(chat.id, 200, true);
    const rest = lastEarlier(posted);
    assert.deepEqual([rest?.before, rest?.messages.length, rest?.earlier], [100, 100, undefined]);
    posted.length = 0;
    session.showEarlier('another-chat', 200);
    assert.deepEqual(posted, []);
  });

  it('a chat another window shortened below the window starts again on its newest page', async () => {
    const { session, chat } = await openedLongChat(150);
    session.showEarlier(chat.id, 200);
    assert.equal(session.viewState().chat.earlier?.count, 100);
    session.activeChat.messages.splice(60);
    const shortened = session.viewState().chat;
    assert.equal(shortened.earlier, undefined);
    assert.equal(shortened.messages.length, 60);
  });

  it('keeps the pages the view has while an answer is added, and a chat opened again starts on its newest page', async () => {
    const { session, posted, chat } = await openedLongChat(150);
    session.showEarlier(chat.id, 200);
    assert.equal(lastEarlier(posted)?.earlier?.count, 100);
    await session.send('[[mock:echo]] one more');
    const after = session.viewState().chat;
    assert.equal(after.earlier?.count, 100, 'the window did not move');
    assert.equal(after.messages.length, 202);
    assert.equal(after.messages.at(-2)?.content, '[[mock:echo]] one more');
    session.newChat();
    await session.openChat(chat.id);
    const reopened = lastState(posted)?.chat;
    assert.equal(reopened?.earlier?.count, 302 - MESSAGES_PER_PAGE);
    assert.equal(reopened?.messages.length, MESSAGES_PER_PAGE);
  });
});
