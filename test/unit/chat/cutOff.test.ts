/**
 * An answer the token limit or the content filter cut off is saved and shown as cut off, with the
 * reason; Continue asks the model to go on, from the latest answer only.
 */
import * as assert from 'node:assert/strict';
import { CONTINUE_LABEL, CONTINUE_PROMPT, NOT_LATEST_NOTICE } from '../../../src/core/chat/chatSession';
import { ChatStore } from '../../../src/core/chat/chatStore';
import type { HostMessage } from '../../../src/shared/protocol';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { harness } from './sessionHarness';

describe('chat session: cut-off answers', function () {
  this.timeout(20_000);
  let server: MockOpenRouter;
  before(async () => {
    server = await startOpenRouterServer();
  });
  after(async () => server.close());

  it('marks an answer ended by the token limit as cut off, on screen and on disk, and continues it', async () => {
    const { session, posted, dir } = await harness(server);
    const cut = await session.send('[[mock:truncated]] write add');
    assert.equal(cut?.message.cutOff, 'length');
    assert.match(cut?.message.content ?? '', /return a \+ b;\n$/, 'the text that arrived is kept');
    const end = posted.filter((m): m is Extract<HostMessage, { type: 'streamEnd' }> => m.type === 'streamEnd').pop();
    assert.equal(end?.message.cutOff, 'length', 'the view is told');
    await session.dispose();
    assert.equal((await new ChatStore(dir).load(session.activeChat.id))?.messages[1]?.cutOff, 'length');

    server.enqueue('echo');
    const continued = await session.continueAnswer(cut?.message.id ?? '');
    assert.equal(continued?.message.status, 'done');
    assert.equal(continued?.message.cutOff, undefined);
    const question = session.activeChat.messages[2];
    assert.equal(question?.content, CONTINUE_PROMPT);
    assert.equal(question?.label, CONTINUE_LABEL);
    const sent = (server.lastChatRequest()?.body as { messages: { role: string; content: string }[] }).messages;
    assert.deepEqual(sent.map((m) => m.role), ['user', 'assistant', 'user'], 'the cut-off answer goes with the request');
    assert.match(sent[1]?.content ?? '', /return a \+ b;/);
  });

  it('continues the latest answer only', async () => {
    const { session, posted } = await harness(server);
    const cut = await session.send('[[mock:truncated]] write add');
    await session.send('[[mock:echo]] something else');
    assert.equal(await session.continueAnswer(cut?.message.id ?? ''), undefined);
    assert.ok(posted.some((m) => m.type === 'notice' && m.text === NOT_LATEST_NOTICE));
    assert.equal(session.activeChat.messages.length, 4);
  });

  it('marks an answer ended by the content filter', async () => {
    const { session } = await harness(server);
    const cut = await session.send('[[mock:truncated reason=content_filter]] write add');
    assert.equal(cut?.message.status, 'done');
    assert.equal(cut?.message.cutOff, 'contentFilter');
  });

  it('leaves a complete answer unmarked', async () => {
    const { session } = await harness(server);
    assert.equal((await session.send('[[mock:echo]] hi'))?.message.cutOff, undefined);
  });
});
