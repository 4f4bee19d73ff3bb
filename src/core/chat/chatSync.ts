/**
 * The multi-window sync policy, in one place: which copy of a chat a window holds, and what a
 * window's write keeps of what is on disk. The store only applies it (reads, locks, writes).
 *
 * Two VS Code windows can have the same chat open and both add to it. Each window writes the
 * whole chat, so without care the last write would drop what the other window added. Before a
 * write the store therefore reads the file and keeps every message this window has never seen:
 * those came from another window. Messages this window knew and no longer has were removed on
 * purpose here (edit and resend, regenerate) and stay removed. Removals and edits are recorded in
 * the chat (`removedMessageIds`, `revisedAt`), so they hold against the other window's copy too.
 */
import { joinRemovedIds, toChatView, type Chat, type StoredMessage } from './chat';
import { markToolCallsInterrupted } from '../tools/toolRounds';

/**
 * When each message's turn was asked: the time of the question it answers (the nearest question
 * before it in `list`), or its own for a question. An answer regenerated in another window is
 * created later than the turns after it, yet belongs right after its question.
 */
function turnTimes(list: readonly StoredMessage[]): Map<string, number> {
  const times = new Map<string, number>();
  let question: number | undefined;
  for (const message of list) {
    if (message.role === 'user') question = message.createdAt;
    times.set(message.id, message.role === 'user' ? message.createdAt : (question ?? message.createdAt));
  }
  return times;
}

/** Merges two lists in turn order (see `turnTimes`); within one turn time ours come first. */
function byTurn(ours: readonly StoredMessage[], theirs: readonly StoredMessage[], theirList: readonly StoredMessage[]): StoredMessage[] {
  const ourTimes = turnTimes(ours);
  const theirTimes = turnTimes(theirList);
  const merged: StoredMessage[] = [];
  let i = 0;
  let j = 0;
  while (i < ours.length || j < theirs.length) {
    const mine = ours[i];
    const other = theirs[j];
    if (mine && (!other || (ourTimes.get(mine.id) ?? mine.createdAt) <= (theirTimes.get(other.id) ?? other.createdAt))) {
      merged.push(mine);
      i++;
    } else if (other) {
      merged.push(other);
      j++;
    }
  }
  return merged;
}

/**
 * `ours`, as the file should hold it after our write, given what is on disk now:
 * - messages another window added to `onDisk` (not in `known`, the ids this window has read or
 *   written) are kept, in the order their turns were asked;
 * - messages either window removed on purpose (`removedMessageIds`) stay removed, even when the
 *   other window still holds them;
 * - of a message both copies hold, the newer revision wins (`revisedAt`): an edit made in another
 *   window, or an answer that ended there after we read it.
 */
export function withForeignMessages(ours: Chat, onDisk: Chat | undefined, known: ReadonlySet<string>): Chat {
  if (!onDisk) return ours;
  const removed = new Set(joinRemovedIds(ours.removedMessageIds, onDisk.removedMessageIds));
  const theirs = new Map(onDisk.messages.map((message) => [message.id, message]));
  const kept = ours.messages.filter((message) => !removed.has(message.id)).map((message) => newerRevision(message, theirs.get(message.id)));
  const present = new Set(kept.map((message) => message.id));
  const foreign = onDisk.messages.filter((message) => !known.has(message.id) && !present.has(message.id) && !removed.has(message.id));
  const unchanged = foreign.length === 0 && kept.length === ours.messages.length && kept.every((message, i) => message === ours.messages[i]) && removed.size === (ours.removedMessageIds?.length ?? 0);
  if (unchanged) return ours;
  return {
    ...ours,
    updatedAt: Math.max(ours.updatedAt, onDisk.updatedAt),
    messages: byTurn(kept, foreign, onDisk.messages),
    ...(removed.size ? { removedMessageIds: [...removed] } : {}),
  };
}

function newerRevision(mine: StoredMessage, other: StoredMessage | undefined): StoredMessage {
  return other && revisionOf(other) > revisionOf(mine) ? other : mine;
}

function revisionOf(message: StoredMessage): number {
  return message.revisedAt ?? message.createdAt;
}

/** What a window knows when it reads a chat's file. */
export interface ReadContext {
  /** The answer streaming in this window belongs to this chat. */
  readonly streamingHere: boolean;
  /** A write of ours of this chat is queued or running: the file may not hold our newest copy yet. */
  readonly ourWritePending: boolean;
}

/**
 * Does our copy of a chat stay, rather than the one just read from its file? Ours stays while it
 * streams here (it is the newest), while the file's copy still answers in another window (that
 * window writes again when the answer ends), while a write of ours is on its way, and when the
 * file holds nothing new. Otherwise the file wins: every write merges (see `withForeignMessages`),
 * so once our writes have landed the file is our copy plus what other windows did.
 */
export function ourCopyStays(onDisk: Chat, ours: Chat | undefined, context: ReadContext): boolean {
  if (!ours) return false;
  if (context.streamingHere || isAnswering(onDisk) || context.ourWritePending) return true;
  return sameChat(onDisk, ours);
}

/** Do two copies of a chat show the same thing? */
function sameChat(a: Chat, b: Chat): boolean {
  return JSON.stringify(toChatView(a)) === JSON.stringify(toChatView(b));
}

/** Is an answer of this copy still streaming (in another window, or in one that crashed)? */
function isAnswering(chat: Chat): boolean {
  return chat.messages.some((message) => message.status === 'streaming');
}

/** A copy read from disk whose answer was streaming elsewhere is shown as stopped, not as running here. */
export function markInterrupted(chat: Chat): void {
  for (const message of chat.messages) {
    if (message.status === 'streaming') message.status = 'stopped';
    markToolCallsInterrupted(message.toolRounds);
  }
}
