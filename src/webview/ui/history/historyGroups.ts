/**
 * The history in the buckets people think in: Today, Yesterday, Last 7 days, Older, by the local
 * calendar (a chat from 23:59 yesterday is "Yesterday" even one minute later).
 */
import type { ChatSummary } from '../../../shared/protocol';

export type HistoryGroup = 'Today' | 'Yesterday' | 'Last 7 days' | 'Older';

const DAY_MS = 24 * 60 * 60 * 1000;

export function groupOf(updatedAt: number, now: number): HistoryGroup {
  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  const today = midnight.getTime();
  if (updatedAt >= today) return 'Today';
  if (updatedAt >= today - DAY_MS) return 'Yesterday';
  if (updatedAt >= today - 7 * DAY_MS) return 'Last 7 days';
  return 'Older';
}

/** The chats (newest first) split into non-empty groups, in the order of the groups. */
export function groupChats(chats: readonly ChatSummary[], now: number): Array<{ group: HistoryGroup; chats: ChatSummary[] }> {
  const order: HistoryGroup[] = ['Today', 'Yesterday', 'Last 7 days', 'Older'];
  const buckets = new Map<HistoryGroup, ChatSummary[]>();
  for (const chat of chats) {
    const group = groupOf(chat.updatedAt, now);
    const bucket = buckets.get(group) ?? [];
    bucket.push(chat);
    buckets.set(group, bucket);
  }
  return order.filter((group) => buckets.has(group)).map((group) => ({ group, chats: buckets.get(group) ?? [] }));
}
