/**
 * The host's side of opening a stored chat, run for real: the chat is written by the ChatStore
 * (the on-disk format, one JSON file per chat), and a ChatSession over that folder opens it the
 * way the History list does (`openChat`: read back from disk, then the `state` posted: a long
 * chat's newest page). What the session posts is what the webview receives; a chat kept open
 * (`keepOpen`) also answers the view's `showEarlier` as the host's router does.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Chat } from '../../src/core/chat/chat';
import { ChatSession } from '../../src/core/chat/chatSession';
import { ChatStore } from '../../src/core/chat/chatStore';
import type { HostMessage, WebviewMessage } from '../../src/shared/protocol';

export interface StoredChats {
  /** Opens a saved chat through a fresh ChatSession; resolves with the `state` message it posts. */
  open(chatId: string): Promise<HostMessage>;
  /** The same, with the session kept open to answer the view's requests for earlier messages. */
  keepOpen(chatId: string): Promise<OpenChat>;
  dispose(): Promise<void>;
}

export interface OpenChat {
  readonly state: HostMessage;
  /** What the session posts for one `showEarlier` from the view. */
  showEarlier(request: Extract<WebviewMessage, { type: 'showEarlier' }>): HostMessage[];
  close(): Promise<void>;
}

/** Saves the chats in a new storage folder, through the store. */
export async function storeChats(chats: readonly Chat[]): Promise<StoredChats> {
  const dir = await mkdtemp(join(tmpdir(), 'long-chat-'));
  const store = new ChatStore(dir);
  for (const chat of chats) await store.save(chat);
  const keepOpen = async (chatId: string): Promise<OpenChat> => {
    const posted: HostMessage[] = [];
    const session = new ChatSession(new ChatStore(dir), {
      post: (message) => posted.push(message),
      prepare: () => Promise.reject(new Error('opening a chat sends no request')),
      viewBasics: () => ({ keySource: 'stored', settings: { reasoningDisplay: 'collapsed', model: 'openai/gpt-oss-120b' }, strings: {} }),
      log: () => undefined,
    });
    await session.openChat(chatId);
    const state = posted.find((message) => message.type === 'state');
    if (!state) throw new Error(`opening ${chatId} posted no state`);
    return {
      state,
      showEarlier(request) {
        posted.length = 0;
        session.showEarlier(request.chatId, request.before, request.all === true);
        return [...posted];
      },
      close: () => session.dispose(),
    };
  };
  return {
    async open(chatId) {
      const chat = await keepOpen(chatId);
      await chat.close();
      return chat.state;
    },
    keepOpen,
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
