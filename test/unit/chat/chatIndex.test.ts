/** The history's index (chatIndex.ts): one file listed at start, kept current, rebuilt when it cannot be trusted. */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createChat, createMessage, type Chat } from '../../../src/core/chat/chat';
import { ChatStore } from '../../../src/core/chat/chatStore';

async function tempDir(): Promise<string> {
  return fs.mkdtemp(join(tmpdir(), 'orc-index-'));
}

function chatWith(title: string, updatedAt: number, answers = 1): Chat {
  const chat = createChat(updatedAt);
  chat.title = title;
  for (let i = 0; i < answers; i++) chat.messages.push(createMessage('user', `question ${title} ${i}`), createMessage('assistant', `answer ${title} ${i}`, { status: 'done' }));
  chat.updatedAt = updatedAt;
  return chat;
}

/** What the history shows of each chat on disk, read from the files themselves. */
async function linesOnDisk(dir: string): Promise<string[]> {
  const { chats } = await new ChatStore(dir).loadAll();
  return chats.map((c) => `${c.id} ${c.title} ${c.updatedAt} ${c.messages.length}`);
}

async function linesInIndex(store: ChatStore): Promise<{ lines: string[]; rebuilt: boolean }> {
  const { chats, rebuilt } = await store.loadIndex();
  return { lines: chats.map((c) => `${c.id} ${c.title} ${c.updatedAt} ${c.messageCount}`), rebuilt };
}

/** A chat file written behind the index's back, as an older version of the extension writes it. */
async function writeBehindItsBack(dir: string, chat: Chat): Promise<void> {
  await fs.writeFile(join(dir, 'chats', `${chat.id}.json`), JSON.stringify({ version: 1, chat }));
}

describe('chat history index', () => {
  it('is built from the files when missing, then read alone (no chat file is read at start)', async () => {
    const dir = await tempDir();
    const store = new ChatStore(dir);
    const saved = Array.from({ length: 30 }, (_, i) => chatWith(`chat ${i}`, 1000 + i));
    for (const chat of saved) await store.save(chat);
    const first = await new ChatStore(dir).loadIndex();
    assert.equal(first.rebuilt, true);
    assert.deepEqual(first.chats.map((c) => c.title), saved.map((c) => c.title).reverse());
    assert.deepEqual((await linesInIndex(new ChatStore(dir))).lines, await linesOnDisk(dir));

    // Overwrite one chat file in place with junk of the same size and time: the folder does not
    // change, so a start that trusts the index never sees it (one that read the files would).
    const victim = join(dir, 'chats', `${saved[3]!.id}.json`);
    const stat = await fs.stat(victim);
    await fs.writeFile(victim, 'x'.repeat(stat.size));
    await fs.utimes(victim, stat.atime, stat.mtime);
    const second = await new ChatStore(dir).loadIndex();
    assert.equal(second.rebuilt, false);
    assert.deepEqual(second.corrupt, []);
    assert.equal(second.chats.find((c) => c.id === saved[3]!.id)?.title, 'chat 3');
  });

  it('is rebuilt when unreadable, and checked against the files when one changed behind its back', async () => {
    const dir = await tempDir();
    const store = new ChatStore(dir);
    const [kept, changed, removed] = [chatWith('kept', 1), chatWith('changed', 2), chatWith('removed', 3)];
    for (const chat of [kept, changed, removed]) await store.save(chat);
    await store.loadIndex();

    await fs.writeFile(join(dir, 'chat-index.json'), '{"version":1,"chats":[{"id":');
    assert.equal((await linesInIndex(new ChatStore(dir))).rebuilt, true);
    assert.deepEqual((await linesInIndex(new ChatStore(dir))).lines, await linesOnDisk(dir));

    // An older version (or a window that crashed before updating the index) changes, adds and removes files.
    changed.title = 'changed elsewhere';
    changed.messages.push(createMessage('user', 'one more'));
    changed.updatedAt = 10;
    await writeBehindItsBack(dir, changed);
    const added = chatWith('added elsewhere', 11);
    await writeBehindItsBack(dir, added);
    await fs.rm(join(dir, 'chats', `${removed.id}.json`));
    const checked = await linesInIndex(new ChatStore(dir));
    assert.equal(checked.rebuilt, true);
    assert.deepEqual(checked.lines, await linesOnDisk(dir));
    assert.deepEqual(checked.lines.map((line) => line.split(' ').slice(1, -2).join(' ')), ['added elsewhere', 'changed elsewhere', 'kept']);
    // Checked once, it is trusted again.
    assert.equal((await linesInIndex(new ChatStore(dir))).rebuilt, false);
  });

  it('follows every save, rename and delete without being rebuilt', async () => {
    const dir = await tempDir();
    const store = new ChatStore(dir);
    const [a, b] = [chatWith('a', 1), chatWith('b', 2)];
    await store.save(a);
    await store.loadIndex();
    await store.save(b);
    a.title = 'a renamed';
    a.updatedAt = 3;
    await store.save(a);
    b.messages.push(createMessage('user', 'more'));
    b.updatedAt = 4;
    await store.save(b);
    let read = await linesInIndex(new ChatStore(dir));
    assert.equal(read.rebuilt, false);
    assert.deepEqual(read.lines, await linesOnDisk(dir));
    assert.deepEqual(read.lines.map((line) => line.split(' ').slice(-1)[0]), ['3', '2']);
    await store.delete(a.id);
    read = await linesInIndex(new ChatStore(dir));
    assert.equal(read.rebuilt, false);
    assert.deepEqual(read.lines, await linesOnDisk(dir));
    assert.equal(read.lines.length, 1);
    const more = [chatWith('c', 5), chatWith('d', 6), chatWith('e', 7)];
    for (const chat of more) await store.save(chat);
    await store.deleteMany([b.id, more[0]!.id, more[2]!.id]);
    read = await linesInIndex(new ChatStore(dir));
    assert.equal(read.rebuilt, false);
    assert.deepEqual(read.lines, await linesOnDisk(dir));
    assert.equal(read.lines.length, 1);
  });

  it('stays the list of the files while two stores on one folder save, add to one chat and delete at once', async () => {
    const dir = await tempDir();
    const [windowA, windowB] = [new ChatStore(dir), new ChatStore(dir)];
    const shared = chatWith('shared', 1);
    await windowA.save(shared);
    await windowA.loadIndex();
    const inB = (await windowB.load(shared.id))!;
    const work: Array<Promise<void>> = [];
    const own: Chat[] = [];
    for (let round = 0; round < 20; round++) {
      const [fromA, fromB] = [chatWith(`A ${round}`, 100 + round), chatWith(`B ${round}`, 200 + round)];
      own.push(fromA, fromB);
      shared.messages.push(createMessage('user', `A ${round}`, {}, 300 + round));
      inB.messages.push(createMessage('user', `B ${round}`, {}, 400 + round));
      shared.updatedAt = 300 + round;
      inB.updatedAt = 400 + round;
      work.push(windowA.save(fromA), windowB.save(fromB), windowA.save(shared), windowB.save(inB));
      if (round % 4 === 3) work.push(windowA.delete(own[round - 1]!.id), windowB.delete(own[round - 2]!.id));
    }
    await Promise.all(work);
    const read = await linesInIndex(new ChatStore(dir));
    assert.deepEqual(read.lines, await linesOnDisk(dir));
    // Both windows' messages are in the shared chat, and its line counts them all.
    assert.equal(read.lines.find((line) => line.startsWith(shared.id))?.split(' ').at(-1), String(2 + 40));
  });

  it('stays the list of the files when two processes (two windows) write to one folder at once', async function () {
    this.timeout(30_000);
    const dir = await tempDir();
    const store = new ChatStore(dir);
    const shared = chatWith('shared', 1);
    await store.save(shared);
    await store.loadIndex();
    const writer = join(__dirname, 'indexWriter.js');
    await Promise.all(['A', 'B'].map((name) => promisify(execFile)(process.execPath, [writer, dir, name, shared.id])));
    const read = await linesInIndex(new ChatStore(dir));
    // Same-time chats of A and B have no order between them: compared as sets.
    assert.deepEqual(new Set(read.lines), new Set(await linesOnDisk(dir)));
    assert.equal(read.lines.length, 1 + 2 * 36);
    assert.equal(read.lines.find((line) => line.startsWith(shared.id))?.split(' ').at(-1), String(2 + 80));
    // Once checked, trusted again at the next start.
    assert.equal((await linesInIndex(new ChatStore(dir))).rebuilt, false);
  });
});
