/**
 * The history half of a window's chats (the conversation half is chatSession.ts): every chat on
 * disk as the store's index lists it, and the chats held here in full (the ones opened, answered
 * or changed here), whose copy overrides their line. It reopens, renames, deletes and restores
 * chats, saves them, keeps all of it in step with what other windows write (chatSync.ts decides
 * whose copy stays) and searches it.
 *
 * The rest of the history is only listed and read from disk when opened, so a history of 10,000
 * chats costs one file at start, not 10,000.
 */
import type { ChatSummary, HostMessage } from '../../shared/protocol';
import * as l10n from '../l10n';
import { createChat, summarize, type Chat } from './chat';
import type { ChatIndexEntry } from './chatIndex';
import type { ChatSearchIndex } from './chatSearch';
import type { ChatStore, CorruptChatFile } from './chatStore';
import { markInterrupted, ourCopyStays, type ReadContext } from './chatSync';

/** What the history needs of the conversation it sits beside: the open chat and the running answer. */
export interface HistoryOwner {
  post(message: HostMessage): void;
  log(line: string): void;
  now(): number;
  /** The chat on screen. */
  active(): Chat;
  /** Puts another chat on screen; the caller posts the state when it is done. */
  setActive(chat: Chat): void;
  postState(): void;
  /** The chat whose answer streams in this window: our copy of it is the newest. */
  streamingChatId(): string | undefined;
  /** Stops the answer running here, if any. */
  stop(): void;
  /** Resolves when the answer running here (if any) has ended. */
  idle(): Promise<void>;
}

export class ChatHistory {
  /** The chats held here in full. */
  private chats: Chat[] = [];
  /** Every chat on disk as the index lists it; a held copy (`chats`) overrides its line. */
  private listing = new Map<string, ChatSummary>();
  /** Loaded with the first search (the history's search is not needed to start). */
  private searchIndex: Promise<ChatSearchIndex> | undefined;

  constructor(
    private readonly store: ChatStore,
    private readonly owner: HistoryOwner,
  ) {}

  /** Reads the index and the newest chat, the only one read in full at start (it opens, as before). */
  async load(): Promise<{ newest: Chat | undefined; corrupt: CorruptChatFile[] }> {
    const { chats: entries, corrupt } = await this.store.loadIndex();
    this.listing = listingOf(entries);
    let newest: Chat | undefined;
    for (const entry of entries) {
      newest = await this.store.load(entry.id);
      if (newest) break;
    }
    if (newest) markInterrupted(newest);
    this.chats = newest ? [newest] : [];
    return { newest, corrupt };
  }

  async open(chatId: string): Promise<void> {
    // Re-read from disk: another window may have added to this chat since we listed it.
    const chat = (this.owner.streamingChatId() === chatId ? this.find(chatId) : undefined) ?? (await this.store.load(chatId)) ?? this.find(chatId);
    if (!chat) {
      this.owner.post({ type: 'notice', level: 'warning', text: l10n.t('That chat no longer exists; it may have been deleted in another window.') });
      await this.refresh();
      return;
    }
    // The chat answering here is live, not interrupted: its answer keeps streaming on screen.
    if (this.owner.streamingChatId() !== chatId) markInterrupted(chat);
    this.hold(chat);
    this.owner.setActive(chat);
    this.owner.postState();
  }

  async delete(chatId: string): Promise<void> {
    // Out of the history and off the screen first: a question queued behind the answer stopped
    // here starts the moment that answer ends, and must land in the chat the user is left with,
    // not in the one being deleted (where it would stream unseen and save the chat back to disk).
    this.chats = this.chats.filter((c) => c.id !== chatId);
    this.listing.delete(chatId);
    // The next chat opens in its place; one not held here is read once the delete is done, and
    // until then (and if it cannot be read) an empty chat takes the questions.
    const next = this.summaries()[0];
    let placeholder: Chat | undefined;
    if (this.owner.active().id === chatId) this.owner.setActive((next && this.find(next.id)) ?? (placeholder = createChat(this.owner.now())));
    if (this.owner.streamingChatId() === chatId) this.owner.stop();
    await this.owner.idle();
    await this.store.delete(chatId);
    if (placeholder && next && this.owner.active() === placeholder && placeholder.messages.length === 0) {
      const read = await this.store.load(next.id);
      if (read && this.owner.active() === placeholder && placeholder.messages.length === 0) {
        markInterrupted(read);
        this.hold(read);
        this.owner.setActive(read);
      }
    }
    this.owner.postState();
  }

  /** Re-reads the history from disk so chats written by other windows appear. */
  async refresh(): Promise<void> {
    // The chat streaming here is not read: our copy is the newest. Disk copies we do not take
    // are never marked seen, so our next write of that chat keeps what another window added.
    // Only the chats held here are read in full; the rest of the history is the index's list.
    const { chats: entries } = await this.store.loadIndex();
    const listing = listingOf(entries);
    const held = new Map<string, Chat>();
    for (const chat of this.chats) held.set(chat.id, chat);
    const active = this.owner.active();
    if (listing.has(active.id)) held.set(active.id, active);
    let openChatReplaced = false;
    const kept: Chat[] = [];
    for (const mine of held.values()) {
      if (mine.id === this.owner.streamingChatId()) {
        kept.push(mine);
        continue;
      }
      // Deleted in another window: no longer in the history (an open chat stays on screen). One
      // whose first write is still on its way is not on disk yet.
      if (!listing.has(mine.id)) {
        if (this.store.isWriting(mine.id)) kept.push(mine);
        continue;
      }
      const read = await this.store.peek(mine.id);
      if (!read.found) {
        if (!read.missing) kept.push(mine);
        continue;
      }
      const disk = read.chat;
      if (ourCopyStays(disk, mine, this.readContext(disk.id))) {
        kept.push(mine);
        continue;
      }
      this.takeDiskCopy(disk);
      kept.push(disk);
      if (disk.id === this.owner.active().id) {
        this.owner.setActive(disk);
        openChatReplaced = true;
      }
    }
    // A chat held while we read (opened, or started streaming) keeps its place.
    for (const chat of this.chats) if (!held.has(chat.id)) kept.push(chat);
    this.chats = kept;
    this.listing = listing;
    if (openChatReplaced) return this.owner.postState();
    this.postList();
  }

  /**
   * A chat's file changed on disk: another window saved or deleted it, or we wrote it ourselves.
   * Whether the file's copy replaces ours is `ourCopyStays`'s decision (chatSync.ts); our own
   * write, once landed, reads back the same and redraws nothing.
   */
  async changedOnDisk(chatId: string | undefined): Promise<void> {
    if (chatId === undefined) return this.refresh();
    if (this.owner.streamingChatId() === chatId) return;
    const read = await this.store.peek(chatId);
    if (this.owner.streamingChatId() === chatId) return;
    if (!read.found) {
      if (!read.missing) {
        this.owner.log(`chat ${chatId} changed on disk but cannot be read (${read.reason}); the history keeps it as it was`);
        return;
      }
      // Deleted in another window: gone from the history here too. An open chat stays on screen,
      // and continuing it saves it again, so nothing typed here is lost.
      if (!this.find(chatId) && !this.listing.has(chatId)) return;
      this.chats = this.chats.filter((c) => c.id !== chatId);
      this.listing.delete(chatId);
      return this.postList();
    }
    const onDisk = read.chat;
    const mine = this.ourCopy(chatId);
    if (!mine) {
      // Not held here: only its line in the history changes.
      this.listing.set(chatId, summarize(onDisk));
      return this.postList();
    }
    if (ourCopyStays(onDisk, mine, this.readContext(chatId))) return;
    this.takeDiskCopy(onDisk);
    this.hold(onDisk);
    if (this.owner.active().id === chatId) {
      this.owner.setActive(onDisk);
      return this.owner.postState();
    }
    this.postList();
  }

  /**
   * Ids of the saved chats, newest first, whose title or messages hold every word of `query`.
   * Chats not held here are searched in their text as last read from disk (read once, then
   * again only when their line in the history changes).
   */
  search(query: string): Promise<string[]> {
    const held = new Map(this.chats.map((chat) => [chat.id, chat]));
    const active = this.owner.active();
    held.set(active.id, active);
    const items = this.summaries().map((summary) => held.get(summary.id) ?? summary);
    this.searchIndex ??= import('./chatSearch').then((module) => new module.ChatSearchIndex());
    return this.searchIndex.then((index) =>
      index.searchHistory(items, query, async (chatId) => {
        const read = await this.store.peek(chatId);
        return read.found ? read.chat : undefined;
      }),
    );
  }

  /** This window's copy of a chat, read from disk (and held from now on) when it holds none. */
  async loadChat(chatId: string): Promise<Chat | undefined> {
    const mine = this.ourCopy(chatId);
    if (mine || !this.listing.has(chatId)) return mine;
    const read = await this.store.load(chatId);
    // Held meanwhile (opened, or another call read it first): that copy is the one to use.
    const raced = this.ourCopy(chatId);
    if (raced || !read) return raced;
    markInterrupted(read);
    this.hold(read);
    return read;
  }

  async rename(chatId: string, title: string): Promise<void> {
    const chat = await this.loadChat(chatId);
    const name = title.replace(/\s+/g, ' ').trim();
    if (!chat || name === '' || name === chat.title) return;
    chat.title = name;
    // A later time orders the history; the other windows take this copy when the file lands.
    chat.updatedAt = this.owner.now();
    if (chat.id === this.owner.active().id) this.owner.postState();
    if (chat.messages.length > 0) await this.persist(chat);
  }

  /** Puts back a chat deleted a moment ago (Undo): in the history and on disk again. */
  async restore(chat: Chat): Promise<void> {
    if (this.find(chat.id) || this.listing.has(chat.id)) return;
    this.store.markSeen(chat);
    this.hold(chat);
    await this.persist(chat);
  }

  /** Deletes every chat (the caller has asked the user to confirm) and opens a new one. */
  async deleteAll(): Promise<void> {
    this.owner.stop();
    await this.owner.idle();
    const ids = new Set([...this.listing.keys(), ...this.chats.map((chat) => chat.id), this.owner.active().id]);
    await this.store.deleteMany([...ids]);
    this.chats = [];
    this.listing.clear();
    this.owner.setActive(createChat(this.owner.now()));
    this.owner.postState();
  }

  /** Saves a chat; a failure is told, and the chat stays open here. */
  async persist(chat: Chat): Promise<void> {
    try {
      await this.store.save(chat);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.owner.log(`could not save chat ${chat.id}: ${reason}`);
      this.owner.post({ type: 'notice', level: 'error', text: l10n.t('This chat could not be saved to disk ({0}). It stays open here.', reason) });
    }
    this.postList();
  }

  /**
   * The history, newest first: every listed chat, with the line of a chat held here taken from
   * our copy, plus held chats not listed yet. A chat with no message is not history yet.
   */
  summaries(): ChatSummary[] {
    const lines = new Map<string, ChatSummary>();
    for (const { id, title, updatedAt, messageCount } of this.listing.values()) lines.set(id, { id, title, updatedAt, messageCount });
    for (const chat of this.chats) {
      if (chat.messages.length > 0) lines.set(chat.id, summarize(chat));
      else lines.delete(chat.id);
    }
    return [...lines.values()].sort((a, b) => b.updatedAt - a.updatedAt);
  }

  /** This window's copy of a chat: in the history, or the open one (a new chat is not listed yet). */
  ourCopy(chatId: string): Chat | undefined {
    const active = this.owner.active();
    return this.find(chatId) ?? (active.id === chatId ? active : undefined);
  }

  /** Holds a chat in full from now on (replacing an older copy of it). */
  hold(chat: Chat): void {
    const index = this.chats.findIndex((c) => c.id === chat.id);
    if (index >= 0) this.chats[index] = chat;
    else this.chats.unshift(chat);
  }

  private postList(): void {
    this.owner.post({ type: 'chatList', chats: this.summaries() });
  }

  private find(chatId: string): Chat | undefined {
    return this.chats.find((c) => c.id === chatId);
  }

  private readContext(chatId: string): ReadContext {
    return { streamingHere: this.owner.streamingChatId() === chatId, ourWritePending: this.store.isWriting(chatId) };
  }

  /** We now hold the file's copy: what it says streams elsewhere is not running here. */
  private takeDiskCopy(disk: Chat): void {
    markInterrupted(disk);
    this.store.markSeen(disk);
  }
}

/** The index's lines as they are (a line is a summary and more): trimmed to summaries only when posted. */
function listingOf(entries: readonly ChatIndexEntry[]): Map<string, ChatSummary> {
  const listing = new Map<string, ChatSummary>();
  for (const entry of entries) listing.set(entry.id, entry);
  return listing;
}
