/**
 * The history index on disk (`chat-index.json`) and its stamp (`chat-index.stamp`): reading it,
 * checking it against the chat files when the stamp says the folder changed, and keeping it up to
 * date as chats are written and deleted. The format and the rules are in chatIndex.ts; the chat
 * files themselves and their locks are the store's (chatStore.ts).
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { Chat } from './chat';
import { entryOf, isCurrent, newestFirst, parseIndex, serializeIndex, type ChatIndexEntry } from './chatIndex';
import { withFileLock } from './fileLock';
import { lockOf, readOptional, statOptional, writeAtomically } from './storeFiles';

export interface IndexRead {
  /** Every chat on disk, newest first, as the index lists it. */
  readonly chats: ChatIndexEntry[];
  /** The index had to be built or checked against the files (first start, or a change it missed). */
  readonly rebuilt: boolean;
}

/**
 * Reads one chat file while the index is rebuilt: the chat, or undefined for a file that is gone
 * or unreadable (the store sets an unreadable one aside and reports it).
 */
export type ReadChatFile = (name: string, file: string) => Promise<Chat | undefined>;

export class ChatIndexFile {
  private readonly indexFile: string;
  private readonly stampFile: string;

  constructor(
    storageDir: string,
    private readonly chatsDir: string,
    private readonly isChatFile: (name: string) => boolean,
  ) {
    this.indexFile = join(storageDir, 'chat-index.json');
    this.stampFile = join(storageDir, 'chat-index.stamp');
  }

  /**
   * The history as the index lists it: one file read when the index matches the folder. When it
   * does not (missing, or the folder changed in a way no index write saw), it is checked against
   * the files first: a file whose time and size still match its entry is not read again.
   */
  async load(readChat: ReadChatFile): Promise<IndexRead> {
    const [text, stamp, folder] = await Promise.all([readOptional(this.indexFile), readOptional(this.stampFile), this.folderStamp()]);
    const index = text === undefined ? undefined : parseIndex(text);
    if (index && stamp === folder) return { chats: newestFirst(index.values()), rebuilt: false };
    return this.rebuild(index, folder, readChat);
  }

  /**
   * Checks `previous` against the files and writes the result. The stamp written is the folder's
   * time from before the files were listed: a change made while they are read leaves it behind,
   * so the next start checks again rather than trusting an index that may have missed it.
   */
  private async rebuild(previous: ReadonlyMap<string, ChatIndexEntry> | undefined, folderBefore: string, readChat: ReadChatFile): Promise<IndexRead> {
    const names = (await fs.readdir(this.chatsDir)).filter(this.isChatFile);
    const entries = new Map<string, ChatIndexEntry>();
    await inBatches(names, 64, async (name) => {
      const id = name.slice(0, -'.json'.length);
      const file = join(this.chatsDir, name);
      const stat = await statOptional(file);
      if (!stat) return;
      const known = previous?.get(id);
      if (known && isCurrent(known, stat)) {
        entries.set(id, known);
        return;
      }
      const chat = await readChat(name, file);
      if (chat?.id === id) entries.set(id, entryOf(chat, stat));
    });
    await withFileLock(lockOf(this.indexFile), async () => {
      await writeAtomically(this.indexFile, serializeIndex(entries.values()));
      await writeAtomically(this.stampFile, folderBefore);
    });
    return { chats: newestFirst(entries.values()), rebuilt: true };
  }

  /**
   * Changes the index under its lock. A missing or unreadable index is left alone: the next start
   * rebuilds it from the files, and an index of only the chats written since would hide the rest.
   */
  async update(change: (entries: Map<string, ChatIndexEntry>) => unknown): Promise<void> {
    await withFileLock(lockOf(this.indexFile), async () => {
      const text = await readOptional(this.indexFile);
      const entries = text === undefined ? undefined : parseIndex(text);
      if (!entries) return;
      await change(entries);
      await writeAtomically(this.indexFile, serializeIndex(entries.values()));
    });
  }

  /**
   * After our write: the folder now matches the index, unless something else changed it since the
   * stamp was last set (another window, an older version, a crash). Only when the stamp still
   * names the folder as it was before our write do we know our change was the only one.
   */
  async advanceStamp(folderBefore: string): Promise<void> {
    await withFileLock(lockOf(this.indexFile), async () => {
      if ((await readOptional(this.stampFile)) !== folderBefore) return;
      await writeAtomically(this.stampFile, await this.folderStamp());
    });
  }

  /** The chats folder's modification time in nanoseconds: any file added, replaced or removed moves it. */
  async folderStamp(): Promise<string> {
    return (await fs.stat(this.chatsDir, { bigint: true })).mtimeNs.toString();
  }
}

/** Runs `work` on every item, at most `size` at a time (10,000 files at once would exhaust handles). */
async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
