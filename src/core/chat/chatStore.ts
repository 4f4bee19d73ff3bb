/**
 * Chats on disk, one JSON file per chat in the extension's global storage.
 *
 * Why one file per chat: a write touches only the chat being written, so a crash mid-write can
 * cost at most that write (and not even that: see `writeAtomically`), and two VS Code windows on
 * the same storage never overwrite each other's new chats; each window's listing re-reads the
 * folder. When both windows add to the same chat, each write keeps what the other added
 * (chatSync.ts), and `watch` lets a window show what another one saved as soon as it lands. A
 * file that cannot be read back is moved to `corrupt/` and reported, never dropped.
 */
import { mkdirSync, promises as fs, watch } from 'node:fs';
import { join } from 'node:path';
import type { Chat, StoredMessage } from './chat';
import { withForeignMessages } from './chatSync';
import { withFileLock } from './fileLock';
import { entryOf, type ChatIndexEntry } from './chatIndex';
import { ChatIndexFile } from './chatIndexFile';
import { isMissing, lockOf, readOptional, statOptional, writeAtomically } from './storeFiles';
import { isStoredAttachment } from '../context/attachment';
import { isCodeOrigin } from '../codeActions/codeOrigin';
import { isStoredLogprobs } from '../openrouter/logprobs';

const FILE_VERSION = 1;
const CHAT_FILE = /^[\w-]{1,80}\.json$/;

export interface CorruptChatFile {
  readonly file: string;
  /** Where the bad file was moved, so nothing the user had is lost. */
  readonly backup: string;
  readonly reason: string;
}

export interface LoadResult {
  /** Newest first. */
  readonly chats: Chat[];
  readonly corrupt: CorruptChatFile[];
}

export type PeekResult =
  | { readonly found: true; readonly chat: Chat }
  | { readonly found: false; readonly missing: true }
  | { readonly found: false; readonly missing: false; readonly reason: string };

export interface IndexLoad {
  /** Every chat on disk, newest first, as the index lists it. */
  readonly chats: ChatIndexEntry[];
  /** Files found unreadable while the index was rebuilt (moved aside). */
  readonly corrupt: CorruptChatFile[];
  /** The index had to be built or checked against the files (first start, or a change it missed). */
  readonly rebuilt: boolean;
}

export interface WatchOptions {
  /** Quiet time after a file's last event before it is reported. */
  readonly settleMs?: number;
  /**
   * The watch failed and stopped; live updates end until the next start. (A removed folder may
   * also just go quiet. Either way the history still refreshes whenever the chat view opens.)
   */
  readonly onError?: (error: Error) => void;
}

export class ChatStore {
  private readonly chatsDir: string;
  private readonly corruptDir: string;
  /** Serializes writes per chat so a slow write never lands after a newer one. */
  private readonly pending = new Map<string, Promise<void>>();
  /** Per chat, the ids of the messages this window has read from or written to its file. */
  private readonly known = new Map<string, Set<string>>();
  /** The history index and its stamp (chatIndexFile.ts), kept up to date with every write here. */
  private readonly index: ChatIndexFile;

  constructor(storageDir: string) {
    this.chatsDir = join(storageDir, 'chats');
    this.corruptDir = join(storageDir, 'chats', 'corrupt');
    this.index = new ChatIndexFile(storageDir, this.chatsDir, (name) => CHAT_FILE.test(name));
  }

  get directory(): string {
    return this.chatsDir;
  }

  /**
   * Every chat on disk, newest first. Nothing read here counts as seen: the caller calls
   * `markSeen` on the copies it keeps, so a later write still keeps what another window added to
   * a chat whose disk copy it did not take. `skip` names a chat the caller does not want read
   * (the one streaming).
   */
  async loadAll(skip?: string): Promise<LoadResult> {
    await fs.mkdir(this.chatsDir, { recursive: true });
    const names = (await fs.readdir(this.chatsDir)).filter((name) => CHAT_FILE.test(name) && (skip === undefined || name !== `${skip}.json`));
    const chats: Chat[] = [];
    const corrupt: CorruptChatFile[] = [];
    await Promise.all(
      names.map(async (name) => {
        const file = join(this.chatsDir, name);
        let text: string;
        try {
          text = await fs.readFile(file, 'utf8');
        } catch (error) {
          // Deleted by another window between readdir and readFile: not corruption.
          if (isMissing(error)) return;
          throw error;
        }
        const parsed = parseChat(text);
        if (typeof parsed === 'string') {
          corrupt.push(await this.setAside(file, name, parsed));
        } else {
          chats.push(parsed);
        }
      }),
    );
    chats.sort((a, b) => b.updatedAt - a.updatedAt || b.createdAt - a.createdAt);
    return { chats, corrupt };
  }

  /**
   * The history as the index lists it (chatIndexFile.ts). A chat file read to rebuild the index
   * that cannot be parsed is set aside and reported here.
   */
  async loadIndex(): Promise<IndexLoad> {
    await fs.mkdir(this.chatsDir, { recursive: true });
    const corrupt: CorruptChatFile[] = [];
    const { chats, rebuilt } = await this.index.load(async (name, file) => {
      const text = await readOptional(file);
      if (text === undefined) return undefined;
      const parsed = parseChat(text);
      if (typeof parsed !== 'string') return parsed;
      corrupt.push(await this.setAside(file, name, parsed));
      return undefined;
    });
    return { chats, corrupt, rebuilt };
  }

  /** Reads a chat the caller will hold: its messages count as seen. */
  async load(chatId: string): Promise<Chat | undefined> {
    const read = await this.peek(chatId);
    if (!read.found) return undefined;
    this.markSeen(read.chat);
    return read.chat;
  }

  /**
   * Reads a chat without marking its messages as seen (`markSeen` once the copy is used). Tells a
   * file that is gone from one that cannot be read, which must not pass for a deletion.
   */
  async peek(chatId: string): Promise<PeekResult> {
    let text: string;
    try {
      text = await fs.readFile(this.fileOf(chatId), 'utf8');
    } catch (error) {
      if (isMissing(error)) return { found: false, missing: true };
      throw error;
    }
    const parsed = parseChat(text);
    return typeof parsed === 'string' ? { found: false, missing: false, reason: parsed } : { found: true, chat: parsed };
  }

  /** The caller now holds this copy: a message of it that is gone from a later write was removed on purpose. */
  markSeen(chat: Chat): void {
    const ids = this.knownOf(chat.id);
    for (const message of chat.messages) ids.add(message.id);
  }

  /**
   * Calls `onChange(chatId)` after a chat file is written, replaced or removed by any window, ours
   * included (the caller tells its own writes apart). An atomic write arrives as several events,
   * so each file's burst is reported once, `settleMs` after it ends. `undefined` means the system
   * did not say which file changed. Throws like `fs.watch` when no watch can be set up (e.g. the
   * system's limit on watches is reached); `onError` hears of a watch that stops later.
   */
  watch(onChange: (chatId: string | undefined) => void, options: WatchOptions = {}): { dispose(): void } {
    const settleMs = options.settleMs ?? 100;
    mkdirSync(this.chatsDir, { recursive: true });
    const timers = new Map<string, NodeJS.Timeout>();
    let disposed = false;
    const settle = (key: string, chatId: string | undefined): void => {
      clearTimeout(timers.get(key));
      timers.set(
        key,
        setTimeout(() => {
          timers.delete(key);
          if (!disposed) onChange(chatId);
        }, settleMs),
      );
    };
    const watcher = watch(this.chatsDir, (_event, name) => {
      if (name === null) settle('', undefined);
      else if (CHAT_FILE.test(name)) settle(name, name.slice(0, -'.json'.length));
    });
    watcher.on('error', (error) => {
      watcher.close();
      options.onError?.(error);
    });
    return {
      dispose: () => {
        disposed = true;
        watcher.close();
        for (const timer of timers.values()) clearTimeout(timer);
        timers.clear();
      },
    };
  }

  save(chat: Chat): Promise<void> {
    // Snapshot now: the caller keeps mutating the chat while the write is queued.
    const snapshot = structuredClone(chat);
    const previous = this.pending.get(chat.id) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.write(snapshot));
    this.pending.set(chat.id, next);
    void next.finally(() => {
      if (this.pending.get(chat.id) === next) this.pending.delete(chat.id);
    });
    return next;
  }

  /** Is a write of this chat queued or running? Then the file may not hold our newest copy yet. */
  isWriting(chatId: string): boolean {
    return this.pending.has(chatId);
  }

  async delete(chatId: string): Promise<void> {
    await (this.pending.get(chatId) ?? Promise.resolve()).catch(() => undefined);
    const file = this.fileOf(chatId);
    await fs.mkdir(this.chatsDir, { recursive: true });
    const folderBefore = await this.index.folderStamp();
    await withFileLock(lockOf(file), async () => {
      await fs.rm(file, { force: true });
      await this.index.update((entries) => entries.delete(chatId));
    });
    await this.index.advanceStamp(folderBefore);
    this.known.delete(chatId);
  }

  /**
   * Deletes many chats (Delete all chats) with one index update instead of one each: the index
   * lists the deleted ones until then, and its stamp stays behind (see `ChatIndexFile.advanceStamp`)
   * if another window wrote one of them meanwhile, so the next start checks it against the files.
   */
  async deleteMany(chatIds: readonly string[]): Promise<void> {
    await fs.mkdir(this.chatsDir, { recursive: true });
    const folderBefore = await this.index.folderStamp();
    for (const chatId of chatIds) {
      await (this.pending.get(chatId) ?? Promise.resolve()).catch(() => undefined);
      const file = this.fileOf(chatId);
      await withFileLock(lockOf(file), () => fs.rm(file, { force: true }));
      this.known.delete(chatId);
    }
    // Only the files still gone: one another window wrote again since is listed (its write's
    // own index update, behind this lock, may have come first).
    await this.index.update(async (entries) => {
      for (const chatId of chatIds) if (!(await statOptional(this.fileOf(chatId)))) entries.delete(chatId);
    });
    await this.index.advanceStamp(folderBefore);
  }

  /** Resolves when every queued write has reached the disk. */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.pending.values()]);
  }

  /** Writes the chat, keeping what another window added to its file since we last saw it. */
  private async write(chat: Chat): Promise<void> {
    const file = this.fileOf(chat.id);
    // Read, merge and write as one step against the other windows (see fileLock.ts).
    await fs.mkdir(this.chatsDir, { recursive: true });
    const folderBefore = await this.index.folderStamp();
    await withFileLock(lockOf(file), async () => {
      const written = await this.mergeAndWrite(chat, file);
      // Still under the chat's lock: the index learns of this chat's writes in the order they landed.
      const stat = await fs.stat(file);
      await this.index.update((entries) => entries.set(chat.id, entryOf(written, stat)));
    });
    await this.index.advanceStamp(folderBefore);
    // Only our own messages become known: another window's must survive our next write too.
    this.markSeen(chat);
  }

  /** Returns the chat as written (with what other windows added). */
  private async mergeAndWrite(chat: Chat, file: string): Promise<Chat> {
    const read = await this.peek(chat.id);
    // Unreadable: keep it as a backup rather than overwrite what it held.
    if (!read.found && !read.missing) await this.setAside(file, `${chat.id}.json`, read.reason);
    const onDisk = read.found ? read.chat : undefined;
    const merged = withForeignMessages(chat, onDisk, this.knownOf(chat.id));
    await writeAtomically(file, JSON.stringify({ version: FILE_VERSION, chat: merged }));
    return merged;
  }

  private knownOf(chatId: string): Set<string> {
    let ids = this.known.get(chatId);
    if (!ids) this.known.set(chatId, (ids = new Set()));
    return ids;
  }

  private fileOf(chatId: string): string {
    if (!/^[\w-]{1,80}$/.test(chatId)) throw new Error(`Invalid chat id: ${chatId}`);
    return join(this.chatsDir, `${chatId}.json`);
  }

  private async setAside(file: string, name: string, reason: string): Promise<CorruptChatFile> {
    await fs.mkdir(this.corruptDir, { recursive: true });
    const backup = join(this.corruptDir, `${name}.${Date.now()}.bak`);
    try {
      await fs.rename(file, backup);
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    return { file, backup, reason };
  }
}

/** The chat, or a reason why the text is not a chat we wrote. */
export function parseChat(text: string): Chat | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  if (!isRecord(data) || data.version !== FILE_VERSION || !isRecord(data.chat)) return 'not a chat file of this version';
  const chat = data.chat;
  if (typeof chat.id !== 'string' || typeof chat.title !== 'string') return 'chat id or title missing';
  if (typeof chat.createdAt !== 'number' || typeof chat.updatedAt !== 'number') return 'chat timestamps missing';
  if (!Array.isArray(chat.messages)) return 'messages missing';
  for (const [index, message] of chat.messages.entries()) {
    if (!isMessage(message)) return `message ${index} is malformed`;
    // A bad origin costs only Apply's target (Apply then says it has none), not the chat.
    if (message.origin !== undefined && !isCodeOrigin(message.origin)) delete message.origin;
    // A bad count costs only the summary's label and role (it is read as a plain answer), not the chat.
    if (message.summaryOf !== undefined && !(Number.isInteger(message.summaryOf) && message.summaryOf >= 0)) delete message.summaryOf;
    // Token probabilities are only shown: malformed ones are dropped, the answer stays.
    if (message.logprobs !== undefined && !isStoredLogprobs(message.logprobs)) delete message.logprobs;
  }
  // Only a merge aid (see chatSync.ts): a malformed list is dropped, not a reason to set the chat aside.
  if (chat.removedMessageIds !== undefined && !(Array.isArray(chat.removedMessageIds) && chat.removedMessageIds.every((id) => typeof id === 'string'))) {
    delete chat.removedMessageIds;
  }
  return chat as unknown as Chat;
}

function isMessage(value: unknown): value is StoredMessage {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    (value.role === 'user' || value.role === 'assistant') &&
    typeof value.content === 'string' &&
    (value.reasoning === undefined || typeof value.reasoning === 'string') &&
    (value.attachments === undefined || (Array.isArray(value.attachments) && value.attachments.every(isStoredAttachment)))
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
