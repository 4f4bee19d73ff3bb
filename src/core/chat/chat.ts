/**
 * The conversation model the host owns and persists. Pure data and pure operations: the session
 * decides when to call them, the store decides how they reach the disk.
 */
import { randomUUID } from 'node:crypto';
import type { AnswerStats, ChatParameterOverrides, ChatSummary, ChatView, Citation, CutOffReason, EarlierMessages, ErrorView, MessageStatus, MessageView, Role, TokenLogprob } from '../../shared/protocol';
import { joinRoundText, toolCallViews, toolRoundTurns, type ToolRound } from '../tools/toolRounds';
import type { ReasoningDetail, ReasoningEffort, ToolCall } from '../openrouter/types';
import type { ConversationTurn } from '../openrouter/requestBuilder';
import { toAttachmentView, type ContextAttachment } from '../context/attachment';
import type { CodeOrigin } from '../codeActions/codeOrigin';
import { chatCostUsd } from '../../shared/chatCost';
import { isSummary, latestSummaryIndex, summaryTurn } from './summary';

export interface StoredMessage {
  readonly id: string;
  readonly role: Role;
  /** What the user sees. For code actions this is the short request plus the code. */
  content: string;
  reasoning?: string;
  /** Kept exactly as received so a later request can send it back (see requestBuilder). */
  reasoningDetails?: ReasoningDetail[];
  toolCalls?: ToolCall[];
  /** The tool loop of this answer, before its final turn (see tools/toolRounds). */
  toolRounds?: ToolRound[];
  toolCapReached?: boolean;
  citations?: Citation[];
  /** Token probabilities of the answer's last turn (`logprobs` setting), capped (openrouter/logprobs.ts). */
  logprobs?: TokenLogprob[];
  status?: MessageStatus;
  stats?: AnswerStats;
  error?: ErrorView;
  label?: string;
  cutOff?: CutOffReason;
  /** Context attached to a user message, with the content the model was shown. */
  attachments?: ContextAttachment[];
  /** A code action's question: the code it is about, which Apply on its answers targets. */
  origin?: CodeOrigin;
  /** A summary made by Compact of the N messages before it; requests send it in their place (summary.ts). */
  summaryOf?: number;
  readonly createdAt: number;
  /**
   * When the window that owns this message last changed it (an edited question, an answer that
   * ended); absent means `createdAt`. Across windows the newest revision of a message wins, so an
   * older copy another window still holds never overwrites it (chatSync.ts).
   */
  revisedAt?: number;
}

export interface Chat {
  readonly id: string;
  title: string;
  readonly createdAt: number;
  updatedAt: number;
  messages: StoredMessage[];
  /** This chat's Parameters panel; validated before use (see chatParameters.ts). */
  parameters?: ChatParameterOverrides;
  /** The model this chat asks, chosen in its composer; absent: the `openrouterChat.model` setting. */
  model?: string;
  /** The reasoning effort chosen for this chat; absent: the `openrouterChat.reasoningEffort` setting. */
  reasoningEffort?: ReasoningEffort;
  /**
   * Ids of messages removed on purpose (Edit and resend, Regenerate), newest last: another window
   * that still holds them must not write them back (see chatSync.ts).
   */
  removedMessageIds?: string[];
}

/** Enough to cover any edit another window has not yet seen; the list never grows without bound. */
const MAX_REMOVED_IDS = 500;

/** Marks a message as changed now by its owner; strictly later than any earlier revision of it. */
export function markRevised(message: StoredMessage, now: number): void {
  message.revisedAt = Math.max(now, (message.revisedAt ?? message.createdAt) + 1);
}

/** Removes every message after `index`, remembering their ids as removed on purpose. */
export function removeMessagesAfter(chat: Chat, index: number): void {
  const removed = chat.messages.splice(index + 1);
  if (removed.length === 0) return;
  chat.removedMessageIds = [...(chat.removedMessageIds ?? []), ...removed.map((message) => message.id)].slice(-MAX_REMOVED_IDS);
}

/** Removes one message by id, remembering it as removed on purpose (a Compact whose summary did not complete). */
export function removeMessage(chat: Chat, messageId: string): void {
  const index = indexOfMessage(chat, messageId);
  if (index < 0) return;
  chat.messages.splice(index, 1);
  chat.removedMessageIds = [...(chat.removedMessageIds ?? []), messageId].slice(-MAX_REMOVED_IDS);
}

/** Both lists of removed ids, without repeats, capped like `removeMessagesAfter`. */
export function joinRemovedIds(a: readonly string[] = [], b: readonly string[] = []): string[] {
  return [...new Set([...a, ...b])].slice(-MAX_REMOVED_IDS);
}

export const UNTITLED_CHAT = 'New chat';
const TITLE_LENGTH = 60;

export function createChat(now = Date.now()): Chat {
  return { id: randomUUID(), title: UNTITLED_CHAT, createdAt: now, updatedAt: now, messages: [] };
}

export function createMessage(role: Role, content: string, extra: Partial<StoredMessage> = {}, now = Date.now()): StoredMessage {
  return { id: randomUUID(), role, content, createdAt: now, ...extra };
}

/** A chat is titled from its first question: its first line, shortened on a word boundary. */
export function titleFromQuestion(text: string): string {
  const firstLine = text.replace(/\[\[mock:[^\]]*\]\]/g, '').trim().split(/\r?\n/, 1)[0]?.trim() ?? '';
  if (firstLine.length === 0) return UNTITLED_CHAT;
  if (firstLine.length <= TITLE_LENGTH) return firstLine;
  const cut = firstLine.slice(0, TITLE_LENGTH);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > TITLE_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

export function summarize(chat: Chat): ChatSummary {
  return { id: chat.id, title: chat.title, updatedAt: chat.updatedAt, messageCount: chat.messages.length };
}

export function toMessageView(message: StoredMessage): MessageView {
  const reasoning = message.toolRounds ? joinRoundText(message.toolRounds, 'reasoning', message.reasoning) : message.reasoning;
  const tools = toolCallViews(message.toolRounds);
  return {
    id: message.id,
    role: message.role,
    content: message.toolRounds ? joinRoundText(message.toolRounds, 'content', message.content) : message.content,
    ...(reasoning ? { reasoning } : {}),
    ...(tools.length ? { tools } : {}),
    ...(message.toolCapReached ? { toolCapReached: true } : {}),
    ...(message.citations?.length ? { citations: message.citations } : {}),
    ...(message.logprobs?.length ? { logprobs: message.logprobs } : {}),
    ...(message.status ? { status: message.status } : {}),
    ...(message.stats ? { stats: message.stats } : {}),
    ...(message.error ? { error: message.error } : {}),
    ...(message.label ? { label: message.label } : {}),
    ...(message.cutOff ? { cutOff: message.cutOff } : {}),
    ...(message.attachments?.length ? { attachments: message.attachments.map(toAttachmentView) } : {}),
    ...(message.summaryOf !== undefined ? { summaryOf: message.summaryOf } : {}),
  };
}

/** The chat as the view gets it: its messages from `from` on (a long chat's newest; see messageWindow.ts). */
export function toChatView(chat: Chat, from = 0): ChatView {
  return {
    id: chat.id,
    title: chat.title,
    ...messagePage(chat.messages, from, chat.messages.length),
    ...(chat.parameters ? { parameters: chat.parameters } : {}),
    ...(chat.model ? { model: chat.model } : {}),
    ...(chat.reasoningEffort ? { reasoningEffort: chat.reasoningEffort } : {}),
  };
}

/** Messages `from` to `to` (excluded) as the view gets them, and what it is told of those before. */
export function messagePage(messages: readonly StoredMessage[], from: number, to: number): { messages: MessageView[]; earlier?: EarlierMessages } {
  return { messages: messageViews(messages, from, to), ...(from > 0 ? { earlier: earlierMessages(messages, from) } : {}) };
}

/**
 * The views of messages `from` to `to` (excluded). Those before the newest summary are marked:
 * the view shows them, requests no longer send them.
 */
function messageViews(messages: readonly StoredMessage[], from: number, to: number): MessageView[] {
  const summary = latestSummaryIndex(messages);
  const views: MessageView[] = [];
  for (let index = from; index < to; index++) {
    const message = messages[index] as StoredMessage;
    views.push(index < summary ? { ...toMessageView(message), summarized: true } : toMessageView(message));
  }
  return views;
}

/** The first `count` messages, which the view was not sent, as it counts them. */
function earlierMessages(messages: readonly StoredMessage[], count: number): EarlierMessages {
  const costUsd = chatCostUsd(messages.slice(0, count));
  return { count, ...(costUsd !== undefined ? { costUsd } : {}) };
}

/**
 * The turns to send for a new answer, skipping answers that failed with nothing in them, so a
 * broken turn does not poison the next request. From the newest summary on (Compact), the summary
 * stands in for every message before it.
 */
export function conversationTurns(messages: readonly StoredMessage[]): ConversationTurn[] {
  const turns: ConversationTurn[] = [];
  const summary = latestSummaryIndex(messages);
  for (const [index, message] of messages.entries()) {
    if (index < summary) continue;
    if (index === summary) {
      turns.push(summaryTurn(message));
      continue;
    }
    // A summary that did not finish summarizes nothing, and is no answer either.
    if (isSummary(message)) continue;
    turns.push(...toolRoundTurns(message.toolRounds));
    if (message.role === 'assistant' && message.content.length === 0 && !message.toolCalls?.length) continue;
    turns.push({
      role: message.role,
      content: message.content,
      ...(message.attachments?.length ? { attachments: message.attachments } : {}),
      ...(message.reasoning ? { reasoning: message.reasoning } : {}),
      ...(message.reasoningDetails?.length ? { reasoningDetails: message.reasoningDetails } : {}),
      ...(message.toolCalls?.length ? { toolCalls: message.toolCalls } : {}),
    });
  }
  // Two user turns in a row (the answer between them failed empty) are still valid for the API.
  return turns;
}

/** The reason a finished answer is incomplete, from the stream's `finish_reason`. */
export function cutOffReason(finishReason: string | null | undefined): CutOffReason | undefined {
  if (finishReason === 'length') return 'length';
  if (finishReason === 'content_filter') return 'contentFilter';
  return undefined;
}

/** Index of the message with this id, or -1. */
export function indexOfMessage(chat: Chat, messageId: string): number {
  return chat.messages.findIndex((m) => m.id === messageId);
}
