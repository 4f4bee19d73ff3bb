/**
 * Bugs the conversation fuzz (test/unit/fuzz) found, each kept as its shrunk case: a plain test
 * that failed before its fix.
 */
import * as assert from 'node:assert/strict';
import { ChatStore } from '../../../src/core/chat/chatStore';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { waitFor } from '../../support';
import { harness } from './sessionHarness';

describe('chat session: cases the conversation fuzz found', function () {
  this.timeout(20_000);
  let server: MockOpenRouter;
  before(async () => {
    server = await startOpenRouterServer();
  });
  after(async () => server.close());

  // Shrunk: send; a code action queued behind it; Delete that chat; reload.
  it('sends a question queued behind an answer into the chat left open when that chat is deleted, and the deleted chat stays deleted', async () => {
    const { session, posted, dir } = await harness(server);
    const first = session.send('[[mock:slow-drip count=300 delayMs=20]] long story');
    await waitFor(() => posted.some((m) => m.type === 'streamDelta' && m.content));
    const deleted = session.activeChat.id;
    const queued = session.send('[[mock:echo]] Refactor src/math.ts:1-3', { label: 'Refactor src/math.ts:1-3', queueIfBusy: true });
    await session.deleteChat(deleted);
    await first;
    const outcome = await queued;
    assert.ok(outcome, 'the queued question was dropped');
    assert.notEqual(outcome.chatId, deleted, 'the queued question went into the deleted chat');
    assert.equal(outcome.chatId, session.activeChat.id, 'the queued question is not in the chat on screen');
    await session.dispose();
    const { chats } = await new ChatStore(dir).loadAll();
    assert.deepEqual(chats.map((chat) => chat.id), [outcome.chatId], 'the deleted chat came back on disk');
  });

  // Shrunk: window B asks; window A (reloaded) edits that question and resends; B asks again in
  // the same chat before it has seen A's edit.
  it('keeps an edit made in one window when another window that has not seen it writes the chat', async () => {
    const b = await harness(server);
    await b.session.send('[[mock:echo]] question 1');
    const chatId = b.session.activeChat.id;
    const question = b.session.activeChat.messages[0]!;
    const oldAnswer = b.session.activeChat.messages[1]!;
    const a = await harness(server, b.dir);
    await a.session.openChat(chatId);
    await a.session.editAndResend(question.id, '[[mock:echo]] question 1, edited');
    await b.session.send('[[mock:echo]] question 3');
    await Promise.all([a.session.dispose(), b.session.dispose()]);
    const saved = await new ChatStore(b.dir).load(chatId);
    const contents = saved?.messages.map((m) => m.content) ?? [];
    assert.equal(saved?.messages[0]?.content, '[[mock:echo]] question 1, edited', `the edit was lost: ${JSON.stringify(contents)}`);
    assert.ok(!saved?.messages.some((m) => m.id === oldAnswer.id), 'the answer the edit removed came back');
    assert.ok(contents.includes('[[mock:echo]] question 3'), 'the other window\'s question was lost');
  });

  it('keeps an answer that ended in one window when another window that holds its interrupted copy writes the chat', async () => {
    const a = await harness(server);
    await a.session.send('[[mock:echo]] first');
    const running = a.session.send('[[mock:slow-drip count=40 delayMs=10]] long story');
    await waitFor(() => a.posted.some((m) => m.type === 'streamDelta' && m.content));
    const chatId = a.session.activeChat.id;
    await a.store.flush();
    const b = await harness(server, a.dir);
    await b.session.openChat(chatId); // B shows A's running answer as stopped, with what it had so far.
    const outcome = await running;
    assert.equal(outcome?.message.status, 'done');
    await b.session.send('[[mock:echo]] from B');
    await Promise.all([a.session.dispose(), b.session.dispose()]);
    const saved = await new ChatStore(a.dir).load(chatId);
    const answer = saved?.messages.find((m) => m.id === outcome?.message.id);
    assert.equal(answer?.status, 'done', 'the finished answer was overwritten by the other window\'s interrupted copy');
    assert.equal(answer?.content, outcome?.message.content);
  });

  // Shrunk (deep run): window B asks; window A, reloaded, asks a follow-up in that chat; B, not
  // having seen it, regenerates its answer. The new answer was created after A's turn, and a
  // merge in time order put it there: two answers after A's question, none after B's.
  it('keeps an answer regenerated in another window right after its question', async () => {
    const b = await harness(server);
    await b.session.send('[[mock:echo]] first question');
    const chatId = b.session.activeChat.id;
    const a = await harness(server, b.dir);
    await a.session.openChat(chatId);
    await a.session.send('[[mock:echo]] follow-up from A');
    const regenerated = await b.session.regenerate(b.session.activeChat.messages[1]!.id);
    assert.equal(regenerated?.message.status, 'done');
    await Promise.all([a.session.dispose(), b.session.dispose()]);
    const saved = await new ChatStore(b.dir).load(chatId);
    assert.deepEqual(
      saved?.messages.map((m) => `${m.role}: ${m.content}`),
      ['user: [[mock:echo]] first question', 'assistant: You said: first question', 'user: [[mock:echo]] follow-up from A', 'assistant: You said: follow-up from A'],
    );
    assert.equal(saved?.messages[1]?.id, regenerated?.message.id, 'the regenerated answer is not the one after its question');
  });
});
