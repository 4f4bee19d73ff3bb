/**
 * The history's index: one small file with a line per chat (id, title, times, message count,
 * model, and the size and time of the chat's file as last indexed), so a window lists 10,000
 * chats by reading one file instead of 10,000, and loads a chat only when it is opened.
 *
 * The index lives beside the `chats` folder, not in it: older versions read every `*.json` in
 * that folder as a chat and would set an `index.json` aside as corrupt.
 *
 * Whether the index still describes the folder is told by a stamp file holding the folder's
 * modification time as of the last index write that saw every change before it. Any change to
 * the folder (a chat written, deleted or renamed; by this version, an older one, or a window that
 * crashed mid-write) moves the folder's time past the stamp, and the next start verifies the
 * index against the files (chatIndexFile.ts). The stamp is only advanced by a writer that saw no
 * change it did not make itself, so a change it did not index always leads to a verify.
 */
import type { Chat } from './chat';

export const INDEX_VERSION = 1;

export interface ChatIndexEntry {
  readonly id: string;
  readonly title: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly messageCount: number;
  /** The model chosen in the chat's composer, if any. */
  readonly model?: string;
  /** The chat file's modification time and size when it was indexed: a file that differs is read again. */
  readonly fileMtimeMs: number;
  readonly fileSize: number;
}

/** The file's stamp: an index entry is current while its file still has it. */
export interface FileStamp {
  readonly mtimeMs: number;
  readonly size: number;
}

export function entryOf(chat: Chat, file: FileStamp): ChatIndexEntry {
  return {
    id: chat.id,
    title: chat.title,
    createdAt: chat.createdAt,
    updatedAt: chat.updatedAt,
    messageCount: chat.messages.length,
    ...(chat.model ? { model: chat.model } : {}),
    fileMtimeMs: file.mtimeMs,
    fileSize: file.size,
  };
}

export function isCurrent(entry: ChatIndexEntry, file: FileStamp): boolean {
  return entry.fileMtimeMs === file.mtimeMs && entry.fileSize === file.size;
}

/**
 * A line is an array, not an object: [id, title, createdAt, updatedAt, messageCount, fileMtimeMs,
 * fileSize, model?]. Without the keys the index of 10,000 chats is a third smaller, and read faster
 * at every start.
 */
type Line = [string, string, number, number, number, number, number, string?];

export function serializeIndex(entries: Iterable<ChatIndexEntry>): string {
  const lines = newestFirst(entries).map((e): Line => {
    const line: Line = [e.id, e.title, e.createdAt, e.updatedAt, e.messageCount, e.fileMtimeMs, e.fileSize];
    if (e.model !== undefined) line.push(e.model);
    return line;
  });
  return JSON.stringify({ version: INDEX_VERSION, chats: lines });
}

/** The entries by id, or undefined for text that is not an index of this version (then it is rebuilt). */
export function parseIndex(text: string): Map<string, ChatIndexEntry> | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const { version, chats } = data as { version?: unknown; chats?: unknown };
  if (version !== INDEX_VERSION || !Array.isArray(chats)) return undefined;
  const entries = new Map<string, ChatIndexEntry>();
  for (const line of chats) {
    const entry = entryOfLine(line);
    if (!entry) return undefined;
    entries.set(entry.id, entry);
  }
  return entries;
}

/** Newest first, as the history lists them. */
export function newestFirst(entries: Iterable<ChatIndexEntry>): ChatIndexEntry[] {
  return [...entries].sort((a, b) => b.updatedAt - a.updatedAt || b.createdAt - a.createdAt);
}

function entryOfLine(line: unknown): ChatIndexEntry | undefined {
  if (!Array.isArray(line) || line.length < 7 || line.length > 8) return undefined;
  const [id, title, createdAt, updatedAt, messageCount, fileMtimeMs, fileSize, model] = line as unknown[];
  if (typeof id !== 'string' || typeof title !== 'string' || (model !== undefined && typeof model !== 'string')) return undefined;
  if (typeof createdAt !== 'number' || typeof updatedAt !== 'number' || typeof messageCount !== 'number') return undefined;
  if (typeof fileMtimeMs !== 'number' || typeof fileSize !== 'number') return undefined;
  // Object literals of one shape each, no spread: 10,000 of these are made at every start.
  return model === undefined ? { id, title, createdAt, updatedAt, messageCount, fileMtimeMs, fileSize } : { id, title, createdAt, updatedAt, messageCount, model, fileMtimeMs, fileSize };
}
