/**
 * Search over the history by title and message text. What costs time on 10,000 chats is reading
 * and lowering their text, so each chat's lowercase text is built once and kept, and rebuilt only
 * when the chat changes (its signature: title, time, message count, and for a chat held in memory
 * the last message's length). A chat the session holds is searched in its copy in memory; one it
 * only lists (chatSession.ts) is read from disk the first time a search needs it, after which a
 * search is a scan of strings in memory and never touches the disk.
 */
import type { ChatSummary } from '../../shared/protocol';
import type { Chat } from './chat';

interface Entry {
  readonly signature: string;
  readonly text: string;
}

export class ChatSearchIndex {
  private readonly entries = new Map<string, Entry>();

  /** Ids of the chats (in the given order) whose title or messages hold every word of `query`. */
  search(chats: readonly Chat[], query: string): string[] {
    const words = wordsOf(query);
    const live = new Set<string>();
    const found: string[] = [];
    for (const chat of chats) {
      live.add(chat.id);
      const text = this.textOf(chat);
      if (words.every((word) => text.includes(word))) found.push(chat.id);
    }
    // Forget deleted chats so the index never outgrows the history.
    if (this.entries.size > live.size) {
      for (const id of this.entries.keys()) if (!live.has(id)) this.entries.delete(id);
    }
    return found;
  }

  /**
   * `search` over the whole history: `items` are chats held in memory or only listed; a listed
   * chat's text not known yet (or changed since) is read with `read` first. Same results as
   * `search` on the full chats.
   */
  async searchHistory(items: ReadonlyArray<Chat | ChatSummary>, query: string, read: (chatId: string) => Promise<Chat | undefined>): Promise<string[]> {
    const missing = items.filter((item): item is ChatSummary => !isChat(item) && this.entries.get(item.id)?.signature !== listedSignature(item));
    await inBatches(missing, 32, async (summary) => {
      const chat = await read(summary.id);
      // Gone or unreadable since it was listed: it matches nothing.
      this.entries.set(summary.id, { signature: listedSignature(summary), text: chat ? textOfChat(chat) : '' });
    });
    const words = wordsOf(query);
    const found: string[] = [];
    for (const item of items) {
      const text = isChat(item) ? this.textOf(item) : (this.entries.get(item.id)?.text ?? '');
      if (words.every((word) => text.includes(word))) found.push(item.id);
    }
    this.forgetAllBut(items);
    return found;
  }

  private forgetAllBut(items: ReadonlyArray<{ readonly id: string }>): void {
    if (this.entries.size <= items.length) return;
    const live = new Set(items.map((item) => item.id));
    for (const id of this.entries.keys()) if (!live.has(id)) this.entries.delete(id);
  }

  private textOf(chat: Chat): string {
    const last = chat.messages[chat.messages.length - 1];
    const signature = `${chat.title}\u0000${chat.updatedAt}\u0000${chat.messages.length}\u0000${last?.content.length ?? 0}`;
    const cached = this.entries.get(chat.id);
    if (cached?.signature === signature) return cached.text;
    const text = textOfChat(chat);
    this.entries.set(chat.id, { signature, text });
    return text;
  }
}

function textOfChat(chat: Chat): string {
  return [chat.title, ...chat.messages.map((message) => message.content)].join('\n').toLowerCase();
}

function wordsOf(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter((word) => word !== '');
}

/** A listed chat's signature: what its line in the history says (a change there means a new file). */
function listedSignature(summary: ChatSummary): string {
  return `listed\u0000${summary.title}\u0000${summary.updatedAt}\u0000${summary.messageCount}`;
}

function isChat(item: Chat | ChatSummary): item is Chat {
  return 'messages' in item;
}

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
