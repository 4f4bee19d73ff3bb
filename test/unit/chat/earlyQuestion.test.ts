/** A question asked before the history has loaded waits for it, and lands in the chat it opens. */
import * as assert from 'node:assert/strict';
import { ChatSession } from '../../../src/core/chat/chatSession';
import { ChatStore } from '../../../src/core/chat/chatStore';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { harness, hostFor } from './sessionHarness';

describe('chat session: a question before the history has loaded', function () {
  this.timeout(20_000);
  let server: MockOpenRouter;
  before(async () => {
    server = await startOpenRouterServer();
  });
  after(async () => server.close());

  it('is answered in the chat the history opens, and nothing is lost', async () => {
    const earlier = await harness(server);
    await earlier.session.send('[[mock:echo]] from the last session');
    await earlier.session.dispose();

    const { host, posted } = hostFor(server);
    const session = new ChatSession(new ChatStore(earlier.dir), host);
    const loading = session.init();
    const asked = session.send('[[mock:echo]] asked at once');
    await loading;
    const outcome = await asked;

    assert.equal(outcome?.message.status, 'done');
    assert.equal(outcome?.chatId, session.activeChat.id, 'the answer is in the chat on screen');
    assert.deepEqual(
      session.activeChat.messages.map((m) => m.content.replace(/^\[\[mock:echo\]\] /, '').replace(/^You said: /, '')),
      ['from the last session', 'from the last session', 'asked at once', 'asked at once'],
    );
    assert.ok(posted.some((m) => m.type === 'streamStart' && m.chatId === session.activeChat.id));
    await session.dispose();
    const stored = await new ChatStore(earlier.dir).load(session.activeChat.id);
    assert.equal(stored?.messages.length, 4);
  });
});
