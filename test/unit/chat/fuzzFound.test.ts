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
});
