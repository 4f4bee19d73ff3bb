/**
 * Search over the history by title and message text. Every chat is already in the host's memory
 * (the session loads them all), so a search never touches the disk; what costs time on 10,000
 * chats is lowering and joining their text, so each chat's lowercase text is built once and
 * rebuilt only when the chat changes (its signature: title, time, message count, last length).
 */
import type { Chat } from './chat';

interface Entry {
  readonly signature: string;
  readonly text: string;
}

export class ChatSearchIndex {
  private readonly entries = new Map<string, Entry>();

  /** Ids of the chats (in the given order) whose title or messages hold every word of `query`. */
  search(chats: readonly Chat[], query: string): string[] {
    const words = query.toLowerCase().split(/\s+/).filter((word) => word !== '');
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

  private textOf(chat: Chat): string {
    const last = chat.messages[chat.messages.length - 1];
    const signature = `${chat.title}\u0000${chat.updatedAt}\u0000${chat.messages.length}\u0000${last?.content.length ?? 0}`;
    const cached = this.entries.get(chat.id);
    if (cached?.signature === signature) return cached.text;
    const text = [chat.title, ...chat.messages.map((message) => message.content)].join('\n').toLowerCase();
    this.entries.set(chat.id, { signature, text });
    return text;
  }
}
