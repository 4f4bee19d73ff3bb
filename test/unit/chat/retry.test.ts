/**
 * Retry and Regenerate name the answer they sit under: an older failed answer is never retried by
 * cutting away the newer turns after it (the good answer to a later question stays, on disk too).
 */
import * as assert from 'node:assert/strict';
import { NOT_LATEST_NOTICE } from '../../../src/core/chat/chatSession';
import { ChatStore } from '../../../src/core/chat/chatStore';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { harness } from './sessionHarness';

describe('chat session: retry and regenerate of a named answer', function () {
  this.timeout(20_000);
  let server: MockOpenRouter;
  before(async () => {
    server = await startOpenRouterServer();
  });
  after(async () => server.close());

  it('refuses to retry an older failed answer and keeps the newer turns, on screen and on disk', async () => {
    const { session, posted, dir } = await harness(server);
    const failed = await session.send('[[mock:http-400]] one');
    assert.equal(failed?.message.status, 'error');
    const good = await session.send('[[mock:echo]] two');
    assert.equal(good?.message.status, 'done');
    const requestsBefore = server.requests.length;

    assert.equal(await session.regenerate(failed?.message.id), undefined);

    assert.ok(posted.some((m) => m.type === 'notice' && m.text === NOT_LATEST_NOTICE), 'the user is told why');
    assert.equal(server.requests.length, requestsBefore, 'nothing was sent');
    const ids = session.activeChat.messages.map((m) => m.id);
    assert.equal(ids.length, 4);
    assert.equal(ids[3], good?.message.id, 'the newest answer is kept');
    await session.dispose();
    const stored = await new ChatStore(dir).load(session.activeChat.id);
    assert.deepEqual(stored?.messages.map((m) => m.id), ids);
  });

  it('retries the latest failed answer in place', async () => {
    const { session } = await harness(server);
    await session.send('[[mock:echo]] one');
    const failed = await session.send('[[mock:http-400]] two');
    server.enqueue('echo');
    const retried = await session.regenerate(failed?.message.id);
    assert.equal(retried?.message.status, 'done');
    assert.match(retried?.message.content ?? '', /two/);
    assert.deepEqual(session.activeChat.messages.map((m) => m.role), ['user', 'assistant', 'user', 'assistant']);
    assert.ok(!session.activeChat.messages.some((m) => m.id === failed?.message.id), 'the failed answer was replaced');
  });
});
