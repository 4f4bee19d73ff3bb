import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createChat, createMessage } from '../../../src/core/chat/chat';
import { ChatStore } from '../../../src/core/chat/chatStore';

async function tempDir(): Promise<string> {
  return fs.mkdtemp(join(tmpdir(), 'orc-store-'));
}

function chatWith(title: string, updatedAt: number) {
  const chat = createChat(updatedAt);
  chat.title = title;
  chat.messages.push(createMessage('user', `question ${title}`), createMessage('assistant', `answer ${title}`, { status: 'done' }));
  chat.updatedAt = updatedAt;
  return chat;
}

describe('chat store', () => {
  it('saves 100 chats and loads them all back, newest first, with their messages', async () => {
    const dir = await tempDir();
    const store = new ChatStore(dir);
    const saved = Array.from({ length: 100 }, (_, i) => chatWith(`chat ${i}`, 1000 + i));
    await Promise.all(saved.map((c) => store.save(c)));
    const { chats, corrupt } = await new ChatStore(dir).loadAll();
    assert.equal(corrupt.length, 0);
    assert.equal(chats.length, 100);
    assert.deepEqual(chats.map((c) => c.title), saved.map((c) => c.title).reverse());
    assert.equal(chats[0]?.messages[1]?.content, 'answer chat 99');
  });

  it('sets a corrupted file aside as a backup and still loads the rest', async () => {
    const dir = await tempDir();
    const store = new ChatStore(dir);
    const good = chatWith('good', 5);
    await store.save(good);
    const truncatedText = JSON.stringify({ version: 1, chat: chatWith('bad', 6) }).slice(0, 50);
    await fs.writeFile(join(store.directory, 'truncated.json'), truncatedText);
    await fs.writeFile(join(store.directory, 'wrongtypes.json'), JSON.stringify({ version: 1, chat: { id: 7, title: [], messages: 'x' } }));
    const { chats, corrupt } = await new ChatStore(dir).loadAll();
    assert.deepEqual(chats.map((c) => c.title), ['good']);
    assert.equal(corrupt.length, 2);
    for (const file of corrupt) {
      const backupText = await fs.readFile(file.backup, 'utf8');
      assert.ok(backupText.length > 0, 'the bad file is kept as a backup');
    }
    assert.ok(corrupt.some((c) => c.reason.includes('JSON')));
    // Set aside once: the next start is clean.
    assert.equal((await new ChatStore(dir).loadAll()).corrupt.length, 0);
  });

  it('never leaves a half-written file: concurrent saves of one chat end with the last version', async () => {
    const dir = await tempDir();
    const store = new ChatStore(dir);
    const chat = chatWith('c', 1);
    const writes = [];
    for (let i = 0; i < 20; i++) {
      chat.messages.push(createMessage('user', `m${i}`));
      writes.push(store.save(chat));
    }
    await Promise.all(writes);
    const loaded = await store.load(chat.id);
    assert.equal(loaded?.messages.length, 22);
    const leftovers = (await fs.readdir(store.directory)).filter((n) => n.endsWith('.tmp'));
    assert.deepEqual(leftovers, []);
  });

  it('lets two windows on the same storage add chats without overwriting each other', async () => {
    const dir = await tempDir();
    const windowA = new ChatStore(dir);
    const windowB = new ChatStore(dir);
    await Promise.all([windowA.save(chatWith('from A', 1)), windowB.save(chatWith('from B', 2))]);
    const titles = (await windowA.loadAll()).chats.map((c) => c.title).sort();
    assert.deepEqual(titles, ['from A', 'from B']);
  });

  it('deletes a chat', async () => {
    const dir = await tempDir();
    const store = new ChatStore(dir);
    const chat = chatWith('gone', 1);
    await store.save(chat);
    await store.delete(chat.id);
    assert.equal(await store.load(chat.id), undefined);
  });
});
