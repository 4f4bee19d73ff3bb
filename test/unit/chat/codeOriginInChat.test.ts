/**
 * Issue 14, bug 3: a code action's origin is stored with its question, on disk too, so Apply finds
 * it for the answer after a window reload (a new session over the same store), and for the answer
 * that replaces it after Regenerate or Edit-and-resend.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { ChatStore } from '../../../src/core/chat/chatStore';
import { originOfAnswer, type CodeOrigin } from '../../../src/core/codeActions/codeOrigin';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { harness } from './sessionHarness';

const ORIGIN: CodeOrigin = { uri: 'file:///w/src/shapes.ts', start: 21, end: 78, startLine: 2, endLine: 4, version: 7, text: '  area(r: number): number {\n    return 3.14 * r * r;\n  }' };

describe('chat session: where a code action\'s answer goes', function () {
  this.timeout(20_000);
  let server: MockOpenRouter;
  before(async () => {
    server = await startOpenRouterServer();
  });
  after(async () => server.close());

  it('stores the origin with the question and finds it after a reload, a regenerate and an edit-and-resend', async () => {
    const first = await harness(server);
    const answer = await first.session.send('[[mock:echo]] Refactor shapes.ts:2-4', { label: 'Refactor shapes.ts:2-4', origin: ORIGIN });
    assert.equal(answer?.message.status, 'done');
    await first.session.dispose();

    // A window reload: a new session reads the chat back from the same store.
    const reloaded = await harness(server, first.dir);
    const messages = () => reloaded.session.activeChat.messages;
    assert.equal(reloaded.session.activeChat.id, answer?.chatId);
    assert.deepEqual(originOfAnswer(messages(), answer?.message.id ?? ''), ORIGIN);

    const regenerated = await reloaded.session.regenerate(answer?.message.id);
    assert.ok(regenerated && regenerated.message.id !== answer?.message.id);
    assert.deepEqual(originOfAnswer(messages(), regenerated.message.id), ORIGIN);

    const question = messages()[0];
    assert.ok(question);
    const edited = await reloaded.session.editAndResend(question.id, '[[mock:echo]] Refactor it, but keep the name');
    assert.ok(edited);
    assert.deepEqual(originOfAnswer(messages(), edited.message.id), ORIGIN);

    const typed = await reloaded.session.send('[[mock:echo]] and something else');
    assert.equal(originOfAnswer(messages(), typed?.message.id ?? ''), undefined, 'a typed question has no origin');
    await reloaded.session.dispose();
  });

  it('reads a chat whose stored origin is malformed, without the origin', async () => {
    const { session, dir } = await harness(server);
    const answer = await session.send('[[mock:echo]] Fix it', { origin: ORIGIN });
    await session.dispose();
    const file = join(dir, 'chats', `${answer?.chatId}.json`);
    const onDisk = JSON.parse(await fs.readFile(file, 'utf8')) as { chat: { messages: { origin?: unknown }[] } };
    assert.deepEqual(onDisk.chat.messages[0]?.origin, ORIGIN, 'the origin is on disk with the question');
    onDisk.chat.messages[0]!.origin = { uri: 42 };
    await fs.writeFile(file, JSON.stringify(onDisk));

    const read = await new ChatStore(dir).load(answer?.chatId ?? '');
    assert.equal(read?.messages.length, 2, 'the chat is kept');
    assert.equal(read?.messages[0]?.origin, undefined);
  });
});
