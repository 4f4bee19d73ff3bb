/**
 * The chat session against a real local OpenRouter-compatible server: streaming into the view,
 * stop, regenerate, edit-and-resend, refusal while busy, queueing, persistence, other windows.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { BUSY_NOTICE } from '../../../src/core/chat/chatSession';
import { ChatStore } from '../../../src/core/chat/chatStore';
import type { HostMessage } from '../../../src/shared/protocol';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { waitFor } from '../../support';
import { harness, streamedText } from './sessionHarness';

describe('chat session', function () {
  this.timeout(20_000);
  let server: MockOpenRouter;
  before(async () => {
    server = await startOpenRouterServer();
  });
  after(async () => server.close());

  it('streams reasoning and content to the view, then a final message with stats, and saves the chat', async () => {
    const { session, posted, store } = await harness(server);
    const outcome = await session.send('What is 2 + 2?');
    assert.ok(outcome);
    const { message } = outcome;
    assert.equal(message.status, 'done');
    assert.ok(message.content.length > 0);
    assert.ok((message.reasoning ?? '').length > 0);
    assert.equal(streamedText(posted, message.id, 'content'), message.content, 'the deltas add up to the answer');
    assert.equal(streamedText(posted, message.id, 'reasoning'), message.reasoning);
    const end = posted.find((m) => m.type === 'streamEnd');
    assert.ok(end && end.type === 'streamEnd');
    assert.ok(end.message.stats?.completionTokens !== undefined);
    assert.ok(end.message.stats?.costUsd !== undefined);
    assert.ok(end.message.stats?.ttftMs !== undefined);
    const saved = await store.load(session.activeChat.id);
    assert.equal(saved?.title, 'What is 2 + 2?');
    assert.deepEqual(saved?.messages.map((m) => m.role), ['user', 'assistant']);
  });

  it('refuses a second question while one streams, and stop keeps the partial answer', async () => {
    const { session, posted } = await harness(server);
    const first = session.send('[[mock:slow-drip count=200 delayMs=20]] tell me a long story');
    await waitFor(() => posted.some((m) => m.type === 'streamDelta' && m.content));
    assert.equal(await session.send('and another thing'), undefined);
    assert.ok(posted.some((m) => m.type === 'notice' && m.text === BUSY_NOTICE));
    session.stop();
    const outcome = await first;
    assert.equal(outcome?.message.status, 'stopped');
    assert.ok((outcome?.message.content.length ?? 0) > 0, 'the partial answer is kept');
    assert.equal(session.activeChat.messages.length, 2, 'the refused question was not added');
  });

  it('queues a code action behind a running answer without mixing their outputs', async () => {
    const { session } = await harness(server);
    const chat = session.send('[[mock:slow-drip count=30 delayMs=10]] first');
    const queued = session.send('[[mock:echo]] second', { queueIfBusy: true });
    const [a, b] = await Promise.all([chat, queued]);
    assert.equal(a?.message.status, 'done');
    assert.equal(b?.message.status, 'done');
    assert.ok(!a?.message.content.includes('You said'), 'the first answer holds none of the second');
    assert.match(b?.message.content ?? '', /You said/);
    assert.deepEqual(session.activeChat.messages.map((m) => m.role), ['user', 'assistant', 'user', 'assistant']);
  });

  it('regenerates the last answer and edits a question, replacing later turns', async () => {
    const { session } = await harness(server);
    await session.send('[[mock:echo]] one');
    await session.send('[[mock:echo]] two');
    const regenerated = await session.regenerate();
    assert.equal(session.activeChat.messages.length, 4);
    assert.match(regenerated?.message.content ?? '', /two/);
    const firstQuestion = session.activeChat.messages[0]!;
    const edited = await session.editAndResend(firstQuestion.id, '[[mock:echo]] uno');
    assert.equal(session.activeChat.messages.length, 2, 'later turns were replaced');
    assert.match(edited?.message.content ?? '', /uno/);
    const lastBody = server.lastChatRequest()?.body as { messages: { role: string; content: string }[] };
    assert.deepEqual(lastBody.messages.map((m) => m.role), ['user']);
  });

  it('keeps many chats, reopens and deletes them, and sees chats written by another window', async () => {
    const windowA = await harness(server);
    await windowA.session.send('[[mock:echo]] chat one');
    windowA.session.newChat();
    await windowA.session.send('[[mock:echo]] chat two');
    const windowB = await harness(server, windowA.dir);
    assert.equal(windowB.session.activeChat.title, 'chat two', 'a new window reopens the latest chat');
    windowB.session.newChat();
    await windowB.session.send('[[mock:echo]] from the other window');
    await windowA.session.refreshList();
    const titles = windowA.session.viewState().chats.map((c) => c.title);
    assert.deepEqual([...titles].sort(), ['chat one', 'chat two', 'from the other window']);

    const one = windowA.session.viewState().chats.find((c) => c.title === 'chat one')!;
    await windowA.session.openChat(one.id);
    assert.equal(windowA.session.activeChat.id, one.id);
    await windowA.session.deleteChat(one.id);
    assert.ok(!windowA.session.viewState().chats.some((c) => c.id === one.id));
    const reloaded = await harness(server, windowA.dir);
    assert.equal(reloaded.session.viewState().chats.length, 2);
  });

  it('shows an answer that was streaming when the window closed as stopped after a restart', async () => {
    const { session, dir } = await harness(server);
    const running = session.send('[[mock:slow-drip count=100 delayMs=20]] long');
    await waitFor(() => session.activeChat.messages.length === 2);
    // The next window starts while this one is still mid-answer (as after a crash).
    const next = await harness(server, dir);
    session.stop();
    await running;
    const chat = next.session.activeChat;
    assert.ok(chat.messages.every((m) => m.status !== 'streaming'));
  });

  describe('a chat changed by another window', () => {
    const contents = (messages: { content: string }[]): string[] => messages.map((m) => m.content);
    const lastState = (posted: HostMessage[]) => posted.filter((m) => m.type === 'state').pop();
    const lastList = (posted: HostMessage[]) => posted.filter((m): m is Extract<HostMessage, { type: 'chatList' }> => m.type === 'chatList').pop();

    it('shows the other window\'s new turn in the open chat, and ignores its own writes', async () => {
      const windowA = await harness(server);
      await windowA.session.send('[[mock:echo]] first');
      const windowB = await harness(server, windowA.dir);
      const chatId = windowA.session.activeChat.id;
      assert.equal(windowB.session.activeChat.id, chatId, 'both windows have the chat open');

      // A copy it already holds changes nothing on screen.
      windowB.posted.length = 0;
      await windowB.session.chatChangedOnDisk(chatId);
      assert.equal(windowB.posted.length, 0, 'nothing to redraw');

      await windowA.session.send('[[mock:echo]] second');
      // Nor does a window's own write.
      windowA.posted.length = 0;
      await windowA.session.chatChangedOnDisk(chatId);
      assert.equal(windowA.posted.length, 0, 'its own write redraws nothing');
      await windowB.session.chatChangedOnDisk(chatId);
      const state = lastState(windowB.posted);
      assert.ok(state?.type === 'state');
      assert.equal(state.state.chat.messages.length, 4);
      assert.match(state.state.chat.messages[2]?.content ?? '', /second/);
      assert.equal(windowB.session.activeChat.messages.length, 4);

      // B continues the chat: the file keeps A's turns and adds B's.
      await windowB.session.send('[[mock:echo]] third');
      const stored = await new ChatStore(windowA.dir).load(chatId);
      assert.equal(stored?.messages.length, 6);
      assert.match(contents(stored?.messages ?? []).join('|'), /first.*second.*third/);
    });

    it('adds a chat saved elsewhere to the history, and drops one deleted elsewhere', async () => {
      const windowA = await harness(server);
      const windowB = await harness(server, windowA.dir);
      await windowA.session.send('[[mock:echo]] made in A');
      const chatId = windowA.session.activeChat.id;
      windowB.posted.length = 0;
      await windowB.session.chatChangedOnDisk(chatId);
      assert.deepEqual(lastList(windowB.posted)?.chats.map((c) => c.title), ['made in A']);
      assert.notEqual(windowB.session.activeChat.id, chatId, 'B keeps its own open chat');

      await windowA.session.deleteChat(chatId);
      windowB.posted.length = 0;
      await windowB.session.chatChangedOnDisk(chatId);
      assert.deepEqual(lastList(windowB.posted)?.chats, []);
    });

    it('waits for an answer still streaming in the other window, and leaves its own streaming chat alone', async () => {
      const windowA = await harness(server);
      await windowA.session.send('[[mock:echo]] shared');
      const chatId = windowA.session.activeChat.id;
      const windowB = await harness(server, windowA.dir);

      // A is mid-answer: its file holds a streaming message, which B does not show yet.
      const inA = windowA.session.send('[[mock:slow-drip count=30 delayMs=20]] in A');
      await waitFor(() => windowA.session.activeChat.messages.length === 4);
      await windowA.store.flush();
      windowB.posted.length = 0;
      await windowB.session.chatChangedOnDisk(chatId);
      assert.equal(windowB.posted.length, 0, 'nothing to redraw');
      // Nor when the view opens meanwhile: the answer is not "stopped", it runs elsewhere.
      await windowB.session.refreshList();
      assert.ok(!windowB.posted.some((m) => m.type === 'state'), 'the open chat is not redrawn mid-answer');
      assert.equal(windowB.session.activeChat.messages.length, 2);
      await inA;
      await windowB.session.chatChangedOnDisk(chatId);
      assert.equal(windowB.session.activeChat.messages.length, 4, 'the finished turn shows');

      // B streams in the chat while A adds a turn: B's screen is left alone, and B's final write
      // keeps A's turn even though B re-read the history meanwhile.
      const inB = windowB.session.send('[[mock:slow-drip count=500 delayMs=20]] in B');
      await waitFor(() => windowB.session.busy);
      await windowA.session.send('[[mock:echo]] from A meanwhile');
      windowB.posted.length = 0;
      await windowB.session.chatChangedOnDisk(chatId);
      await windowB.session.refreshList();
      assert.ok(windowB.session.busy, 'B is still answering');
      assert.ok(!windowB.posted.some((m) => m.type === 'state'), 'the streaming chat is not redrawn');
      windowB.session.stop();
      await inB;
      const stored = await new ChatStore(windowA.dir).load(chatId);
      assert.match(contents(stored?.messages ?? []).join('|'), /from A meanwhile/);
      assert.match(contents(stored?.messages ?? []).join('|'), /in B/);
    });

    it('keeps the other window\'s turns when an answer starts while the history is being re-read', async () => {
      const windowA = await harness(server);
      await windowA.session.send('[[mock:echo]] shared');
      const chatId = windowA.session.activeChat.id;
      const windowB = await harness(server, windowA.dir);
      await windowA.session.send('[[mock:echo]] added in A');
      // B re-reads the history (the view opened) and, in the same moment, a code action starts
      // an answer in the open chat: the read sees A's turn, which B's copy lacks.
      const refreshing = windowB.session.refreshList();
      const answering = windowB.session.send('[[mock:echo]] asked in B');
      await Promise.all([refreshing, answering]);
      const stored = await new ChatStore(windowA.dir).load(chatId);
      assert.deepEqual(
        stored?.messages.filter((m) => m.role === 'user').map((m) => m.content.replace('[[mock:echo]] ', '')),
        ['shared', 'added in A', 'asked in B'],
      );
    });

    it('does not take an unreadable file for a deleted chat', async () => {
      const windowA = await harness(server);
      await windowA.session.send('[[mock:echo]] keep me');
      const chatId = windowA.session.activeChat.id;
      windowA.session.newChat();
      await fs.writeFile(join(windowA.dir, 'chats', `${chatId}.json`), '{"version": 1, "chat": {');
      windowA.posted.length = 0;
      await windowA.session.chatChangedOnDisk(chatId);
      assert.equal(windowA.posted.length, 0, 'the history is left as it was');
      assert.deepEqual(windowA.session.viewState().chats.map((c) => c.id), [chatId]);
    });
  });
});
