/**
 * Compact: the chat's current model summarizes the turns so far into one message, kept in the chat
 * as a summary (summary.ts) that later requests send in their place. This file holds what to ask
 * and what the outcome means; the session streams it like any answer, so it can be stopped.
 *
 * Nothing the user wrote is ever removed: the summarized messages stay in the chat (the view marks
 * them), and a summary that is stopped, fails or is cut off is taken out again, leaving the chat as
 * it was before Compact.
 */
import type { ErrorAction } from '../../shared/protocol';
import * as l10n from '../l10n';
import type { ConversationTurn } from '../openrouter/requestBuilder';
import { conversationTurns, type StoredMessage } from './chat';
import { isSummary, latestSummaryIndex } from './summary';

/** What the model is asked: a summary the conversation can continue from alone. */
export const COMPACT_PROMPT = [
  'Summarize our conversation so far in one message. The conversation will continue from your summary alone: the earlier messages will no longer be sent.',
  'Keep, exactly as written: every file path, code identifier (functions, classes, types, variables, settings, commands), version and error message that matters.',
  'Keep every decision made and why, what was tried and did not work, the current state of the work, and the open questions and next steps.',
  'Use short Markdown sections and bullet lists. Quote code only where its exact text matters. Add nothing that was not said, and do not answer open questions now.',
].join('\n');

export interface CompactionPlan {
  /** The request: the turns as the next answer would get them, then the summarizing prompt. */
  readonly turns: ConversationTurn[];
  /** How many messages the summary will stand in for (earlier summaries not counted). */
  readonly count: number;
}

/** What Compact would send for this chat, or undefined when nothing since the last summary needs it. */
export function planCompaction(messages: readonly StoredMessage[]): CompactionPlan | undefined {
  const since = messages.slice(latestSummaryIndex(messages) + 1);
  if (!since.some((message) => !isSummary(message) && message.role === 'user')) return undefined;
  const turns = conversationTurns(messages);
  turns.push({ role: 'user', content: COMPACT_PROMPT });
  return { turns, count: messages.filter((message) => !isSummary(message)).length };
}

/** Why a Compact did not leave a summary, for the notice; undefined when the summary is kept. */
export interface CompactionFailure {
  readonly level: 'info' | 'error';
  readonly text: string;
  readonly actions: readonly ErrorAction[];
}

/** The summary's outcome: kept when complete, else the reason it was taken out again. */
export function compactionFailure(summary: StoredMessage): CompactionFailure | undefined {
  if (summary.status === 'stopped') {
    return { level: 'info', text: l10n.t('Compact was stopped. The chat is unchanged.'), actions: [] };
  }
  if (summary.error) {
    // Retry would answer the last question again, not compact: Compact itself is the retry here.
    const actions = summary.error.actions.filter((action) => action !== 'retry' && action !== 'compact');
    return { level: 'error', text: l10n.t('Compact failed: {0} The chat is unchanged.', summary.error.message), actions: [...actions, 'compact'] };
  }
  if (summary.cutOff) {
    return { level: 'error', text: l10n.t('The summary was cut off before it was complete, so it was not kept. The chat is unchanged.'), actions: ['compact'] };
  }
  if (summary.content.trim() === '') {
    return { level: 'error', text: l10n.t('The model returned no summary. The chat is unchanged.'), actions: ['compact'] };
  }
  return undefined;
}

/** Compact asked of a chat with no question since its last summary (or none at all). */
export function nothingToCompact(): string {
  return l10n.t('There is nothing to compact yet: no question since the last summary.');
}
