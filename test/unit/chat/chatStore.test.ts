import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createChat, createMessage } from '../../../src/core/chat/chat';
import { ChatStore } from '../../../src/core/chat/chatStore';
import { waitFor } from '../../support';

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

  it('keeps what two windows add to the same chat: neither write drops the other window\'s messages', async () => {
    const dir = await tempDir();
    await new ChatStore(dir).save(chatWith('shared', 1));
    const windowA = new ChatStore(dir);
    const windowB = new ChatStore(dir);
    const [inA, inB] = [(await windowA.loadAll()).chats[0], (await windowB.loadAll()).chats[0]];
    assert.ok(inA && inB);
    const later = Date.now() + 1000;
    inA.messages.push(createMessage('user', 'from A', {}, later), createMessage('assistant', 'answer in A', { status: 'done' }, later + 1));
    await windowA.save(inA);
    inB.messages.push(createMessage('user', 'from B', {}, later + 2000), createMessage('assistant', 'answer in B', { status: 'done' }, later + 2001));
    await windowB.save(inB);
    // A writes again (say, a title change) without ever having seen B's messages.
    inA.title = 'renamed in A';
    await windowA.save(inA);
    const stored = await new ChatStore(dir).load(inA.id);
    assert.deepEqual(stored?.messages.map((m) => m.content), ['question shared', 'answer shared', 'from A', 'answer in A', 'from B', 'answer in B']);
    assert.equal(stored?.title, 'renamed in A');
  });

  // Found by the conversation fuzz: B reads the file, A writes its final answer, B writes its
  // merge of the older read over it, and A's answer stays "streaming" on disk for good.
  it('never lets one window\'s merge of an older read overwrite another window\'s newer write of the same chat', async () => {
    const dir = await tempDir();
    const windowA = new ChatStore(dir);
    const windowB = new ChatStore(dir);
    const chat = chatWith('shared', 1);
    await windowA.save(chat);
    const inB = (await windowB.loadAll()).chats[0]!;
    windowB.markSeen(inB);
    for (let round = 0; round < 40; round++) {
      const answer = createMessage('assistant', '', { status: 'streaming' }, 10 + round * 10);
      chat.messages.push(createMessage('user', `A asks ${round}`, {}, 9 + round * 10), answer);
      await windowA.save(chat);
      // A ends its answer while B adds a message of its own: the two writes race.
      answer.content = `A answers ${round}`;
      answer.status = 'done';
      inB.messages.push(createMessage('user', `B notes ${round}`, {}, 15 + round * 10));
      await Promise.all([windowA.save(chat), windowB.save(inB)]);
      const stored = await new ChatStore(dir).load(chat.id);
      const final = stored?.messages.find((m) => m.id === answer.id);
      assert.equal(final?.status, 'done', `round ${round}: A's finished answer was overwritten by B's older read`);
    }
  });

  it('does not bring back messages this window removed (edit and resend, regenerate)', async () => {
    const dir = await tempDir();
    const store = new ChatStore(dir);
    const chat = chatWith('edited', 1);
    await store.save(chat);
    chat.messages.pop();
    chat.messages.push(createMessage('assistant', 'regenerated', { status: 'done' }));
    await store.save(chat);
    assert.deepEqual((await store.load(chat.id))?.messages.map((m) => m.content), ['question edited', 'regenerated']);
  });

  it('backs up an unreadable chat file before writing over it', async () => {
    const dir = await tempDir();
    const store = new ChatStore(dir);
    const chat = chatWith('over corrupt', 1);
    await fs.mkdir(store.directory, { recursive: true });
    await fs.writeFile(join(store.directory, `${chat.id}.json`), '{"version": 1, "chat": {');
    await store.save(chat);
    assert.equal((await store.load(chat.id))?.title, 'over corrupt');
    const backups = await fs.readdir(join(store.directory, 'corrupt'));
    assert.equal(backups.length, 1);
    assert.equal(await fs.readFile(join(store.directory, 'corrupt', backups[0] ?? ''), 'utf8'), '{"version": 1, "chat": {');
  });

  it('deletes a chat', async () => {
    const dir = await tempDir();
    const store = new ChatStore(dir);
    const chat = chatWith('gone', 1);
    await store.save(chat);
    await store.delete(chat.id);
    assert.equal(await store.load(chat.id), undefined);
  });

  it('reports each chat another window saves or deletes, once per write', async () => {
    const dir = await tempDir();
    const windowA = new ChatStore(dir);
    const windowB = new ChatStore(dir);
    const seen: (string | undefined)[] = [];
    const watching = windowA.watch((chatId) => seen.push(chatId), { settleMs: 100 });
    const quiet = () => new Promise((resolve) => setTimeout(resolve, 400));
    try {
      const chat = chatWith('from B', 1);
      await windowB.save(chat);
      await waitFor(() => seen.length >= 1, 5000, 'the report of the save');
      await quiet();
      await windowB.delete(chat.id);
      await waitFor(() => seen.length >= 2, 5000, 'the report of the delete');
      await quiet();
      // The save (temporary file, fsync, rename) and the delete were reported once each.
      assert.deepEqual(seen, [chat.id, chat.id]);
    } finally {
      watching.dispose();
    }
    await windowB.save(chatWith('after dispose', 2));
    await quiet();
    assert.equal(seen.length, 2, 'nothing is reported once disposed');
  });

  it('reads chats (loadAll, peek) without counting their messages as seen until markSeen', async () => {
    const dir = await tempDir();
    const chat = chatWith('peeked', 1);
    await new ChatStore(dir).save(chat);
    const store = new ChatStore(dir);
    const mine = structuredClone(chat);
    mine.messages = [];
    const count = async (): Promise<number | undefined> => {
      const read = await store.peek(chat.id);
      return read.found ? read.chat.messages.length : undefined;
    };
    assert.equal((await store.loadAll()).chats.length, 1);
    assert.equal(await count(), 2);
    // Read but never seen: a write without them keeps them (they came from another window).
    await store.save(mine);
    assert.equal(await count(), 2);
    // Seen: a write without them removed them on purpose.
    store.markSeen(chat);
    await store.save(mine);
    assert.equal(await count(), 0);
    assert.deepEqual(await store.peek('no-such-chat'), { found: false, missing: true });
  });
});

