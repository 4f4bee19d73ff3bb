/**
 * Fitting a conversation into the model's context window. The newest question (with its
 * attachments) is always sent; older turns are left out, oldest first, until the estimate fits
 * the window minus the room kept for the answer. The caller tells the user how many were left out.
 */
import type { ConversationTurn } from '../openrouter/requestBuilder';
import { countTokens } from './tokenCounter';
import { userContentWithContext } from './renderContext';
import { binaryAttachmentsTokens } from './binaryTokens';

export interface WindowBudget {
  /** The model's `context_length`. */
  readonly contextLength: number;
  /** Tokens kept free for the answer (max_tokens, or a share of the window). */
  readonly outputReserve: number;
  /** Tokens of what is always sent besides the turns (the system prompt), already scaled. */
  readonly fixedTokens: number;
  /** Correction of our count for this model (see TokenCalibration); 1 when unknown. */
  readonly tokenScale?: number;
  /** The model whose encoding counts the turns (o200k when not given). */
  readonly model?: string;
}

export interface FittedTurns {
  readonly turns: ConversationTurn[];
  /** How many earlier turns were left out. */
  readonly omitted: number;
  /** Estimated prompt tokens of what is sent (scaled, fixed tokens included). */
  readonly promptTokens: number;
  /** The same estimate before scaling, turns only: what calibration compares answers with. */
  readonly rawTurnTokens: number;
}

/** Per-message overhead of the chat format (role markers), so many short turns are not undercounted. */
const TOKENS_PER_MESSAGE = 4;

/** A turn's tokens: its text with the attached context, and the estimate of its images and PDFs. */
export function turnTokens(turn: ConversationTurn, model?: string): number {
  if (turn.role !== 'user') return countTokens(turn.content, model) + TOKENS_PER_MESSAGE;
  return countTokens(userContentWithContext(turn.content, turn.attachments), model) + binaryAttachmentsTokens(turn.attachments) + TOKENS_PER_MESSAGE;
}

/**
 * The answer's room when the user set no max_tokens: a quarter of the window, at most 8,192
 * tokens, so a small model still has most of its window for the conversation.
 */
export function defaultOutputReserve(contextLength: number, maxCompletionTokens?: number): number {
  const quarter = Math.floor(contextLength / 4);
  return Math.min(quarter, maxCompletionTokens ?? 8192, 8192);
}

export function fitTurns(turns: readonly ConversationTurn[], budget: WindowBudget): FittedTurns {
  const available = budget.contextLength - budget.outputReserve - budget.fixedTokens;
  const scale = budget.tokenScale ?? 1;
  const raw = turns.map((turn) => turnTokens(turn, budget.model));
  const costs = raw.map((cost) => cost * scale);
  let total = costs.reduce((sum, cost) => sum + cost, 0);
  let start = 0;
  // Keep at least the last turn (the question being asked), whatever it costs.
  while (total > available && start < turns.length - 1) {
    total -= costs[start] as number;
    start++;
  }
  // Never begin with an answer whose question was left out: the model would read it as its own opener.
  while (start < turns.length - 1 && turns[start]?.role === 'assistant') {
    total -= costs[start] as number;
    start++;
  }
  const rawTurnTokens = raw.slice(start).reduce((sum, cost) => sum + cost, 0);
  return { turns: turns.slice(start), omitted: start, promptTokens: Math.ceil(total + budget.fixedTokens), rawTurnTokens };
}
