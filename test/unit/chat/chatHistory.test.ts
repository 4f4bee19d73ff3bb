/** The history half of a window's chats (chatHistory.ts), on its own: a real store, and an owner standing in for the session. */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HostMessage } from '../../../src/shared/protocol';
import { createChat, createMessage, type Chat } from '../../../src/core/chat/chat';
import { ChatHistory, type HistoryOwner } from '../../../src/core/chat/chatHistory';
import { ChatStore } from '../../../src/core/chat/chatStore';

function chatWith(title: string, updatedAt: number): Chat {
  const chat = createChat(updatedAt);
  chat.title = title;
  chat.messages.push(createMessage('user', `question ${title}`), createMessage('assistant', `answer ${title}`, { status: 'done' }));
  chat.updatedAt = updatedAt;
  return chat;
}

/** An owner with no answer running: it records what the history posts and which chat it put on screen. */
function ownerOf(first: Chat): HistoryOwner & { posted: HostMessage[]; shown: Chat } {
  const owner = {
    posted: [] as HostMessage[],
    shown: first,
    post: (message: HostMessage) => owner.posted.push(message),
    log: () => undefined,
    now: () => 5_000,
    active: () => owner.shown,
    setActive: (chat: Chat) => {
      owner.shown = chat;
    },
    postState: () => owner.posted.push({ type: 'notice', level: 'info', text: `state: ${owner.shown.title}` }),
    streamingChatId: () => undefined,
    stop: () => undefined,
    idle: () => Promise.resolve(),
  };
  return owner;
}

describe('chat history (the history half, without a session)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(join(tmpdir(), 'orc-history-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  /** Saves `chats` (as another window would), then loads a history over the folder with the newest on screen. */
  async function historyOf(...chats: Chat[]) {
    const store = new ChatStore(dir);
    for (const chat of chats) await store.save(chat);
    await store.flush();
    const owner = ownerOf(createChat(0));
    const history = new ChatHistory(new ChatStore(dir), owner);
    const { newest } = await history.load();
    assert.ok(newest);
    owner.shown = newest;
    return { store, owner, history, newest };
  }

  it('opens the newest chat, lists the rest from the index, and lets a held copy override its line', async () => {
    const older = chatWith('older', 1_000);
    const newer = chatWith('newer', 2_000);
    const { history, newest } = await historyOf(older, newer);
    assert.equal(newest.id, newer.id);
    assert.deepEqual(history.summaries().map((line) => line.title), ['newer', 'older']);

    // A copy held here (renamed here) is what the list shows; an empty chat is not history yet.
    const held = await history.loadChat(older.id);
    assert.ok(held);
    held.title = 'renamed';
    held.updatedAt = 3_000;
    history.hold(createChat(4_000));
    assert.deepEqual(history.summaries().map((line) => line.title), ['renamed', 'newer']);
  });

  it('deleting the open chat puts the next one on screen, read from disk', async () => {
    const older = chatWith('older', 1_000);
    const newer = chatWith('newer', 2_000);
    const { owner, history } = await historyOf(older, newer);
    await history.delete(newer.id);
    assert.equal(owner.shown.id, older.id);
    assert.equal(owner.shown.messages.length, 2);
    assert.deepEqual(history.summaries().map((line) => line.title), ['older']);
    await assert.rejects(fs.access(join(dir, 'chats', `${newer.id}.json`)));
  });

  it('a chat not held here that changed on disk changes only its line', async () => {
    const other = chatWith('other', 1_000);
    const { store, owner, history } = await historyOf(chatWith('open', 2_000), other);
    // Another window renames the other chat.
    other.title = 'other, renamed elsewhere';
    other.updatedAt = 3_000;
    await store.save(other);
    await store.flush();
    await history.changedOnDisk(other.id);
    assert.equal(history.ourCopy(other.id), undefined, 'still not held here');
    const list = owner.posted.filter((message) => message.type === 'chatList').at(-1);
    assert.deepEqual(list?.type === 'chatList' ? list.chats.map((line) => line.title) : [], ['other, renamed elsewhere', 'open']);
  });
});
