/**
 * Compact against the local server: the chat's turns go out with a summarizing prompt, the summary
 * is kept as one message that later requests send in place of the turns before it, and a Compact
 * that is stopped or fails leaves the chat exactly as it was, on screen and on disk.
 */
import * as assert from 'node:assert/strict';
import { ChatSession } from '../../../src/core/chat/chatSession';
import { ChatStore } from '../../../src/core/chat/chatStore';
import { COMPACT_PROMPT } from '../../../src/core/chat/compaction';
import { SUMMARY_HEADING } from '../../../src/core/chat/summary';
import { toChatView } from '../../../src/core/chat/chat';
import { chatToMarkdown } from '../../../src/core/chat/markdownExport';
import type { HostMessage } from '../../../src/shared/protocol';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { harness, hostFor } from './sessionHarness';

interface WireBody {
  messages: Array<{ role: string; content: string }>;
  tools?: unknown[];
}

describe('chat session: Compact', function () {
  this.timeout(20_000);
  let server: MockOpenRouter;
  before(async () => {
    server = await startOpenRouterServer();
  });
  after(async () => server.close());

  const chatBodies = (): WireBody[] => server.requests.filter((r) => r.path.endsWith('/chat/completions')).map((r) => r.body as WireBody);
  const notices = (posted: HostMessage[]) => posted.filter((m): m is Extract<HostMessage, { type: 'notice' }> => m.type === 'notice');

  it('sends the turns with a summarizing prompt, keeps the summary as one message, and sends it in their place afterwards', async () => {
    const { session, posted, dir } = await harness(server);
    await session.send('[[mock:echo]] the parser lives in src/core/parse.ts');
    await session.send('[[mock:echo]] we chose recursive descent');
    const before = session.activeChat.messages.map((m) => m.id);

    server.enqueue('echo');
    const outcome = await session.compact();

    const compactBody = chatBodies().at(-1);
    assert.equal(compactBody?.messages.at(-1)?.content, COMPACT_PROMPT, 'the last turn asks for the summary');
    assert.match(JSON.stringify(compactBody?.messages), /src\/core\/parse\.ts/, 'the turns to summarize are sent');
    assert.equal(compactBody?.tools, undefined, 'no workspace tools: the answer must be the summary');
    assert.equal(outcome?.message.status, 'done');
    const messages = session.activeChat.messages;
    assert.deepEqual(messages.slice(0, 4).map((m) => m.id), before, 'nothing the user wrote is removed');
    assert.equal(messages.length, 5);
    assert.equal(messages[4]?.summaryOf, 4);
    assert.match(messages[4]?.content ?? '', /^You said: Summarize our conversation/);

    const state = posted.filter((m): m is Extract<HostMessage, { type: 'state' }> => m.type === 'state').at(-1);
    assert.deepEqual(state?.state.chat.messages.map((m) => m.summarized === true), [true, true, true, true, false], 'the view marks what the summary stands in for');
    assert.equal(state?.state.chat.messages[4]?.summaryOf, 4);
    assert.equal(state?.state.streaming, undefined, 'nothing streams any more');

    const next = await session.send('[[mock:echo]] and now?');
    assert.equal(next?.message.status, 'done');
    const nextBody = chatBodies().at(-1);
    assert.deepEqual(nextBody?.messages.map((m) => m.role), ['user', 'user']);
    assert.equal(nextBody?.messages[0]?.content, `${SUMMARY_HEADING}\n\n${messages[4]?.content}`);
    assert.doesNotMatch(JSON.stringify(nextBody?.messages), /recursive descent/, 'the summarized turns are not sent');

    // Kept with the chat: read back, the summary still stands in for the turns before it.
    await session.dispose();
    const reloaded = new ChatSession(new ChatStore(dir), hostFor(server).host);
    await reloaded.init();
    assert.equal(reloaded.activeChat.messages[4]?.summaryOf, 4);
    assert.deepEqual(toChatView(reloaded.activeChat).messages.map((m) => m.summarized === true), [true, true, true, true, false, false, false]);
    const markdown = chatToMarkdown(reloaded.activeChat);
    assert.match(markdown, /## Summary of 4 earlier messages\n\nYou said: Summarize/);
    assert.match(markdown, /recursive descent/, 'the export keeps the summarized messages');
  });

  it('a second Compact summarizes from the first summary on, and counts every message it stands in for', async () => {
    const { session } = await harness(server);
    await session.send('[[mock:echo]] one');
    server.enqueue('echo');
    await session.compact();
    await session.send('[[mock:echo]] two');
    server.enqueue('echo');
    const second = await session.compact();
    const body = chatBodies().at(-1);
    assert.equal(body?.messages[0]?.content.startsWith(SUMMARY_HEADING), true, 'the first summary opens the request');
    assert.doesNotMatch(body?.messages[0]?.content ?? '', /^one$/m);
    assert.equal(second?.message.summaryOf, 4);
    assert.deepEqual(toChatView(session.activeChat).messages.map((m) => m.summarized === true), [true, true, true, true, true, false]);
  });

  it('a Compact stopped while it streams removes the partial summary: the chat is as it was, on disk too', async () => {
    const { session, posted, dir } = await harness(server);
    await session.send('[[mock:echo]] keep me');
    const before = JSON.parse(JSON.stringify(session.activeChat.messages)) as unknown;
    server.enqueue('stall');
    const arrived = new Promise<void>((resolve) => server.onRequest((request) => request.script === 'stall' && resolve()));
    const compacting = session.compact();
    await arrived;
    session.stop();
    const outcome = await compacting;
    assert.equal(outcome?.message.status, 'stopped');
    assert.deepEqual(session.activeChat.messages, before);
    assert.ok(notices(posted).some((n) => n.text === 'Compact was stopped. The chat is unchanged.'));
    const state = posted.filter((m): m is Extract<HostMessage, { type: 'state' }> => m.type === 'state').at(-1);
    assert.equal(state?.state.chat.messages.length, 2, 'the view drops the partial summary');

    await session.dispose();
    const stored = await new ChatStore(dir).load(session.activeChat.id);
    assert.deepEqual(stored?.messages, before);
    assert.ok(stored?.removedMessageIds?.includes(outcome?.message.id ?? ''), 'another window that saw the summary does not write it back');
  });

  it('a failed Compact keeps the chat and says why, offering what helps and Compact again, not Retry', async () => {
    const { session, posted } = await harness(server);
    await session.send('[[mock:echo]] keep me');
    const before = session.activeChat.messages.map((m) => m.id);
    server.enqueue('http-402');
    const outcome = await session.compact();
    assert.equal(outcome?.message.status, 'error');
    assert.deepEqual(session.activeChat.messages.map((m) => m.id), before);
    const notice = notices(posted).at(-1);
    assert.equal(notice?.level, 'error');
    assert.match(notice?.text ?? '', /^Compact failed: Your OpenRouter account is out of credits.* The chat is unchanged\.$/);
    assert.deepEqual(notice?.actions, ['addCredits', 'compact']);

    // A later question goes out with every turn: nothing stands in for them.
    await session.send('[[mock:echo]] still here?');
    assert.deepEqual(chatBodies().at(-1)?.messages.map((m) => m.content.replace(/^You said: /, '')), ['[[mock:echo]] keep me', 'keep me', '[[mock:echo]] still here?']);
  });

  it('Regenerate does not act on a summary: it answers no question, and the answer before it stays', async () => {
    const { session } = await harness(server);
    await session.send('[[mock:echo]] one');
    server.enqueue('echo');
    const summary = await session.compact();
    const ids = session.activeChat.messages.map((m) => m.id);
    const requests = chatBodies().length;
    assert.equal(await session.regenerate(summary?.message.id), undefined);
    assert.equal(await session.regenerate(), undefined);
    assert.deepEqual(session.activeChat.messages.map((m) => m.id), ids);
    assert.equal(chatBodies().length, requests);
  });

  it('a chat deleted while it is compacted stays deleted: the stopped summary is not written back', async () => {
    const { session, dir } = await harness(server);
    await session.send('[[mock:echo]] doomed');
    const chatId = session.activeChat.id;
    server.enqueue('stall');
    const arrived = new Promise<void>((resolve) => server.onRequest((request) => request.script === 'stall' && resolve()));
    const compacting = session.compact();
    await arrived;
    await session.deleteChat(chatId);
    await compacting;
    await session.dispose();
    assert.equal(await new ChatStore(dir).load(chatId), undefined);
  });

  it('refuses while an answer streams, and with nothing asked yet', async () => {
    const { session, posted } = await harness(server);
    assert.equal(await session.compact(), undefined);
    assert.match(notices(posted).at(-1)?.text ?? '', /nothing to compact/);
    assert.equal(session.activeChat.messages.length, 0);

    server.enqueue('stall');
    const arrived = new Promise<void>((resolve) => server.onRequest((request) => request.script === 'stall' && resolve()));
    const answering = session.send('[[mock:echo]] a question');
    await arrived;
    const requests = chatBodies().length;
    assert.equal(await session.compact(), undefined);
    assert.equal(chatBodies().length, requests, 'nothing was sent');
    session.stop();
    await answering;
  });
});
