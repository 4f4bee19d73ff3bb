/**
 * Two VS Code windows can have the same chat open and both add to it. Each window writes the
 * whole chat, so without care the last write would drop what the other window added. Before a
 * write the store therefore reads the file and keeps every message this window has never seen:
 * those came from another window. Messages this window knew and no longer has were removed on
 * purpose here (edit and resend, regenerate) and stay removed.
 */
import type { Chat, StoredMessage } from './chat';

/** Merges two chronological lists; on equal times ours come first. */
function byTime(ours: readonly StoredMessage[], theirs: readonly StoredMessage[]): StoredMessage[] {
  const merged: StoredMessage[] = [];
  let i = 0;
  let j = 0;
  while (i < ours.length || j < theirs.length) {
    const mine = ours[i];
    const other = theirs[j];
    if (mine && (!other || mine.createdAt <= other.createdAt)) {
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
 * `ours` with the messages another window added to `onDisk` (those not in `known`, the ids this
 * window has read or written), in time order.
 */
export function withForeignMessages(ours: Chat, onDisk: Chat | undefined, known: ReadonlySet<string>): Chat {
  if (!onDisk) return ours;
  const present = new Set(ours.messages.map((message) => message.id));
  const foreign = onDisk.messages.filter((message) => !known.has(message.id) && !present.has(message.id));
  if (foreign.length === 0) return ours;
  return { ...ours, updatedAt: Math.max(ours.updatedAt, onDisk.updatedAt), messages: byTime(ours.messages, foreign) };
}
