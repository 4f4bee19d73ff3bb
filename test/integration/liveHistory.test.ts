/**
 * Two VS Code windows share the extension's global storage. Here the other window is a second
 * ChatStore on the running extension's real storage folder: what it saves or deletes must reach
 * this window's view while it runs, through the extension's own folder watch.
 */
import * as assert from 'node:assert/strict';
import { createChat, createMessage } from '../../src/core/chat/chat';
import { ChatStore } from '../../src/core/chat/chatStore';
import type { OpenRouterChatApi } from '../../src/extension/extension';
import type { HostMessage } from '../../src/shared/protocol';
import { extensionApi, until } from './support';

describe('Chats changed in another window', function () {
  this.timeout(30_000);
  let api: OpenRouterChatApi;
  let otherWindow: ChatStore;
  const posted: HostMessage[] = [];
  let listening: { dispose(): void } | undefined;

  before(async () => {
    api = await extensionApi();
    otherWindow = new ChatStore(api.storageDir);
    listening = api.onDidPost((message) => posted.push(message));
    await api.session.idle();
  });
  after(() => listening?.dispose());

  it('appear in the history, update the open chat, and leave the history when deleted there', async () => {
    const chat = createChat();
    chat.title = 'Written in the other window';
    chat.messages.push(createMessage('user', 'first question'), createMessage('assistant', 'first answer', { status: 'done' }));
    await otherWindow.save(chat);
    await until('the history to list the other window\'s chat', () =>
      posted.some((m) => (m.type === 'chatList' || m.type === 'state') && listOf(m).includes(chat.title)) ? true : undefined,
    );

    await api.session.openChat(chat.id);
    posted.length = 0;
    chat.messages.push(createMessage('user', 'second question'), createMessage('assistant', 'second answer', { status: 'done' }));
    chat.updatedAt = Date.now() + 1;
    await otherWindow.save(chat);
    const redrawn = await until('the open chat to show the new turn', () =>
      posted.find((m): m is Extract<HostMessage, { type: 'state' }> => m.type === 'state' && m.state.chat.id === chat.id && m.state.chat.messages.length === 4),
    );
    assert.deepEqual(redrawn.state.chat.messages.map((m) => m.content), ['first question', 'first answer', 'second question', 'second answer']);

    posted.length = 0;
    await otherWindow.delete(chat.id);
    await until('the history to drop the deleted chat', () =>
      posted.some((m) => m.type === 'chatList' && !listOf(m).includes(chat.title)) ? true : undefined,
    );
    assert.equal(api.session.activeChat.id, chat.id, 'the open chat stays on screen: nothing typed here is lost');
    api.session.newChat();
  });
});

function listOf(message: HostMessage): string[] {
  if (message.type === 'chatList') return message.chats.map((c) => c.title);
  if (message.type === 'state') return message.state.chats.map((c) => c.title);
  return [];
}
