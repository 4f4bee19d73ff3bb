/**
 * A session lists the history from the index and holds in full only the chats it opens: search,
 * rename, export (loadChat) and another window's changes still reach the chats it only lists.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createChat, createMessage, type Chat } from '../../../src/core/chat/chat';
import { ChatSearchIndex } from '../../../src/core/chat/chatSearch';
import { ChatSession, type ChatSessionHost } from '../../../src/core/chat/chatSession';
import { ChatStore } from '../../../src/core/chat/chatStore';

const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'];

function storedChat(i: number): Chat {
  const chat = createChat(1000 + i);
  chat.title = `Chat ${i} ${WORDS[i % WORDS.length]}`;
  chat.messages.push(
    createMessage('user', `Question ${i} about ${WORDS[(i * 3) % WORDS.length]}`, {}, 1000 + i),
    createMessage('assistant', `Answer ${i}: ${WORDS[(i * 5) % WORDS.length]} and ${WORDS[(i * 7) % WORDS.length]}`, { status: 'done' }, 1000 + i),
  );
  chat.updatedAt = 1000 + i;
  return chat;
}

async function session(dir: string): Promise<ChatSession> {
  const host: ChatSessionHost = {
    post: () => undefined,
    prepare: async () => ({ kind: 'cancelled' }),
    viewBasics: () => ({ keySource: 'stored', settings: { reasoningDisplay: 'collapsed', model: 'openai/gpt-oss-120b' }, strings: {} }),
    log: () => undefined,
  };
  const made = new ChatSession(new ChatStore(dir), host);
  await made.init();
  return made;
}

describe('history listed from the index', () => {
  it('opens with the newest chat held, lists them all, and searches exactly as the full search does', async () => {
    const dir = await fs.mkdtemp(join(tmpdir(), 'orc-listed-'));
    const store = new ChatStore(dir);
    const chats = Array.from({ length: 60 }, (_, i) => storedChat(i));
    for (const chat of chats) await store.save(chat);
    const window = await session(dir);
    assert.equal(window.activeChat.id, chats[59]!.id);
    assert.equal(window.chatById(chats[10]!.id), undefined, 'a chat not opened is not read at start');
    assert.deepEqual(window.viewState().chats.map((c) => c.id), chats.map((c) => c.id).reverse());

    const full = new ChatSearchIndex();
    const newestFirst = [...chats].reverse();
    for (const query of ['alpha', 'BRAVO echo', 'question 1', 'answer 42:', 'chat', 'zulu', '']) {
      assert.deepEqual(await window.searchChats(query), full.search(newestFirst, query), `query "${query}"`);
    }
  });

  it('sees another window\'s changes to chats it only lists: search, rename and delete', async () => {
    const dir = await fs.mkdtemp(join(tmpdir(), 'orc-listed-'));
    const store = new ChatStore(dir);
    const chats = Array.from({ length: 5 }, (_, i) => storedChat(i));
    for (const chat of chats) await store.save(chat);
    const windowA = await session(dir);
    assert.deepEqual(await windowA.searchChats('quokka'), []);

    // Window B adds an answer to a chat A only lists, and deletes another.
    const windowB = await session(dir);
    const inB = (await windowB.loadChat(chats[1]!.id))!;
    inB.messages.push(createMessage('user', 'What is a quokka?', {}, 5000), createMessage('assistant', 'A marsupial.', { status: 'done' }, 5001));
    inB.updatedAt = 5001;
    await new ChatStore(dir).save(inB);
    await windowB.deleteChat(chats[2]!.id);

    await windowA.refreshList();
    assert.deepEqual(await windowA.searchChats('quokka'), [chats[1]!.id]);
    assert.deepEqual(windowA.viewState().chats.map((c) => c.id), [chats[1]!.id, chats[4]!.id, chats[3]!.id, chats[0]!.id]);

    // A renames a chat it never opened: read, renamed, saved; B sees the new name.
    await windowA.renameChat(chats[0]!.id, 'Renamed in A');
    await windowB.chatChangedOnDisk(chats[0]!.id);
    assert.equal(windowB.viewState().chats.find((c) => c.id === chats[0]!.id)?.title, 'Renamed in A');
    assert.deepEqual(await windowB.searchChats('renamed'), [chats[0]!.id]);
    assert.equal((await windowA.loadChat(chats[0]!.id))?.messages.length, 2, 'the renamed chat keeps its messages');
  });
});
