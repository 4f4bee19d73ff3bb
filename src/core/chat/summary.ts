/**
 * A summary made by Compact (see compaction.ts) is a message like any other in the chat: stored,
 * synced between windows and shown. What sets it apart is only this: in every later request it
 * stands in for the messages before it, which stay in the chat for the user to read.
 */
import type { ConversationTurn } from '../openrouter/requestBuilder';
import type { StoredMessage } from './chat';

/** How the summary is introduced to the model, so it reads it as the conversation so far, not as a question. */
export const SUMMARY_HEADING = 'Summary of our conversation so far (it replaces the earlier messages):';

export function isSummary(message: StoredMessage): boolean {
  return message.summaryOf !== undefined;
}

/**
 * Only a finished summary with text stands in for anything: one stopped or failed half-way (a
 * window closed while it streamed) would otherwise hide the turns it did not finish summarizing.
 */
export function isUsableSummary(message: StoredMessage): boolean {
  return isSummary(message) && message.status !== 'streaming' && message.status !== 'stopped' && message.status !== 'error' && !message.cutOff && message.content.trim().length > 0;
}

/** Index of the newest usable summary, or -1: requests start there. */
export function latestSummaryIndex(messages: readonly StoredMessage[]): number {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message && isUsableSummary(message)) return i;
  }
  return -1;
}

/** The summary as the turn that opens later requests. A user turn: the model did not say it in this chat. */
export function summaryTurn(summary: StoredMessage): ConversationTurn {
  return { role: 'user', content: `${SUMMARY_HEADING}\n\n${summary.content.trim()}` };
}
