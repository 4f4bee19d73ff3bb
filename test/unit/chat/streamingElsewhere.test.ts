/**
 * An answer keeps streaming while the user opens another chat or a new one: the view state always
 * names it (so Stop stays reachable), Stop still ends it, and reopening its chat shows it live
 * instead of marking it stopped.
 */
import * as assert from 'node:assert/strict';
import type { HostMessage, ViewState } from '../../../src/shared/protocol';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { waitFor } from '../../support';
import { harness } from './sessionHarness';

const lastState = (posted: HostMessage[]): ViewState | undefined => posted.filter((m): m is Extract<HostMessage, { type: 'state' }> => m.type === 'state').pop()?.state;

describe('chat session: an answer streaming while another chat is open', function () {
  this.timeout(20_000);
  let server: MockOpenRouter;
  before(async () => {
    server = await startOpenRouterServer();
  });
  after(async () => server.close());

  it('names the running answer in the state of a new chat, and Stop ends it', async () => {
    const { session, posted } = await harness(server);
    const running = session.send('[[mock:slow-drip count=300 delayMs=20]] long story');
    await waitFor(() => posted.some((m) => m.type === 'streamDelta' && m.content));
    const streamingChatId = session.activeChat.id;
    const messageId = session.activeChat.messages[1]?.id;
    session.newChat();
    assert.deepEqual(lastState(posted)?.streaming, { chatId: streamingChatId, messageId });
    session.stop();
    assert.equal((await running)?.message.status, 'stopped');
    session.newChat();
    assert.equal(lastState(posted)?.streaming, undefined);
  });

  it('reopens the streaming chat with its answer still live, not stopped', async () => {
    const { session, posted } = await harness(server);
    await session.send('[[mock:echo]] older chat');
    session.newChat();
    const running = session.send('[[mock:slow-drip count=300 delayMs=20]] long story');
    await waitFor(() => posted.some((m) => m.type === 'streamDelta' && m.content));
    const streamingChatId = session.activeChat.id;
    const olderChatId = session.viewState().chats.find((chat) => chat.id !== streamingChatId)?.id;
    assert.ok(olderChatId);
    await session.openChat(olderChatId);
    await session.openChat(streamingChatId);
    const state = lastState(posted);
    const answer = state?.chat.messages[1];
    assert.equal(answer?.status, 'streaming', 'the live answer is not marked stopped');
    assert.deepEqual(state?.streaming, { chatId: streamingChatId, messageId: answer?.id });
    const before = session.activeChat.messages[1]?.content.length ?? 0;
    await waitFor(() => (session.activeChat.messages[1]?.content.length ?? 0) > before);
    session.stop();
    const outcome = await running;
    assert.equal(outcome?.message.status, 'stopped');
    assert.equal(session.activeChat.messages[1]?.status, 'stopped');
  });
});
