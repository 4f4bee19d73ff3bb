/**
 * The history and per-chat workflow of the session against the real local server: a model chosen
 * for one chat is asked by that chat only, rename, delete and Undo, delete all, search.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChatSession, type ChatSessionHost } from '../../../src/core/chat/chatSession';
import { ChatStore } from '../../../src/core/chat/chatStore';
import { OpenRouterClient } from '../../../src/core/openrouter/client';
import { buildChatRequest } from '../../../src/core/openrouter/requestBuilder';
import type { HostMessage } from '../../../src/shared/protocol';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { TEST_API_KEY } from '../../support';

const DEFAULT_MODEL = 'openai/gpt-oss-120b';

async function harness(server: MockOpenRouter, storageDir?: string) {
  const dir = storageDir ?? (await fs.mkdtemp(join(tmpdir(), 'orc-workflow-')));
  const store = new ChatStore(dir);
  const posted: HostMessage[] = [];
  const client = new OpenRouterClient({ baseUrl: server.baseUrl, getApiKey: () => TEST_API_KEY, stallTimeoutMs: 5000 });
  const host: ChatSessionHost = {
    post: (m) => posted.push(m),
    // As the editor layer does: the chat's choice over the settings' defaults.
    prepare: async (turns, _signal, options) => ({
      kind: 'ready',
      client,
      request: buildChatRequest(turns, { model: options?.choice?.model ?? DEFAULT_MODEL, reasoningEffort: options?.choice?.reasoningEffort ?? 'medium' }),
    }),
    viewBasics: () => ({ keySource: 'stored', settings: { reasoningDisplay: 'collapsed', model: DEFAULT_MODEL }, strings: {} }),
    log: () => undefined,
  };
  const session = new ChatSession(store, host);
  await session.init();
  return { session, posted, store, dir };
}

function lastRequestModel(server: MockOpenRouter): unknown {
  const chats = server.requests.filter((r) => r.path.endsWith('/chat/completions'));
  return (chats[chats.length - 1]?.body as { model?: unknown } | undefined)?.model;
}

describe('chat workflow', function () {
  this.timeout(20_000);
  let server: MockOpenRouter;
  before(async () => {
    server = await startOpenRouterServer();
  });
  after(async () => server.close());

  it('asks the model chosen for a chat, keeps it after a reload, and starts new chats on the default', async () => {
    const { session, dir } = await harness(server);
    await session.send('first question');
    const chatId = session.activeChat.id;
    await session.setChatModel(chatId, { model: 'anthropic/claude-sonnet-4.5', reasoningEffort: 'high' });
    await session.send('second question');
    assert.equal(lastRequestModel(server), 'anthropic/claude-sonnet-4.5');
    assert.equal(session.viewState().chat.model, 'anthropic/claude-sonnet-4.5');

    session.newChat();
    assert.equal(session.viewState().chat.model, undefined);
    await session.send('in a new chat');
    assert.equal(lastRequestModel(server), DEFAULT_MODEL);

    await session.dispose();
    const reloaded = await harness(server, dir);
    await reloaded.session.openChat(chatId);
    assert.equal(reloaded.session.activeChat.model, 'anthropic/claude-sonnet-4.5');
    assert.equal(reloaded.session.activeChat.reasoningEffort, 'high');
    await reloaded.session.send('third question');
    assert.equal(lastRequestModel(server), 'anthropic/claude-sonnet-4.5');
  });

  it('a model chosen on an empty new chat is dropped by New chat', async () => {
    const { session } = await harness(server);
    await session.setChatModel(session.activeChat.id, { model: 'openai/gpt-oss-20b:free' });
    assert.equal(session.viewState().chat.model, 'openai/gpt-oss-20b:free');
    session.newChat();
    assert.equal(session.viewState().chat.model, undefined);
  });

  it('renames a chat on screen, in the history and on disk', async () => {
    const { session, store } = await harness(server);
    await session.send('a question about sorting');
    const chatId = session.activeChat.id;
    await session.renameChat(chatId, '  Sorting   notes ');
    assert.equal(session.viewState().chat.title, 'Sorting notes');
    assert.equal(session.viewState().chats.find((c) => c.id === chatId)?.title, 'Sorting notes');
    assert.equal((await store.load(chatId))?.title, 'Sorting notes');
    await session.renameChat(chatId, '   ');
    assert.equal(session.activeChat.title, 'Sorting notes', 'an empty name is refused');
  });

  it('puts a deleted chat back, messages and all, on Undo', async () => {
    const { session, store } = await harness(server);
    await session.send('keep me');
    const chatId = session.activeChat.id;
    const copy = structuredClone(session.chatById(chatId)!);
    await session.deleteChat(chatId);
    assert.equal(await store.load(chatId), undefined);
    await session.restoreChat(copy);
    assert.deepEqual(session.viewState().chats.map((c) => c.id), [chatId]);
    const restored = await store.load(chatId);
    assert.equal(restored?.messages.length, 2);
    assert.equal(restored?.messages[0]?.content, 'keep me');
  });

  it('deletes every chat and opens a new one', async () => {
    const { session, store } = await harness(server);
    await session.send('one');
    session.newChat();
    await session.send('two');
    await session.deleteAllChats();
    assert.deepEqual(session.viewState().chats, []);
    assert.equal(session.viewState().chat.messages.length, 0);
    assert.deepEqual((await store.loadAll()).chats, []);
  });

  it('searches the history by a word from an answer', async () => {
    const { session } = await harness(server);
    await session.send('What is 2 + 2?');
    const first = session.activeChat.id;
    session.newChat();
    await session.send('[[mock:echo]] Another question');
    const answer = session.chatById(first)!.messages[1]!.content;
    assert.match(answer, /TypeScript/);
    assert.deepEqual(await session.searchChats('typescript'), [first]);
    assert.deepEqual(await session.searchChats('another QUESTION'), [session.activeChat.id]);
  });
});
