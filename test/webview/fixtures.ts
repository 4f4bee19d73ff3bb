/** Host messages shaped exactly as the extension host sends them (typed by the protocol). */
import type { ChatSummary, HostMessage, KeySource, MessageView, ReasoningDisplay, ViewState } from '../../src/shared/protocol';
import type { WebviewPage } from './harness';

export const CHAT_ID = 'chat-1';
export const MODEL = 'openai/gpt-oss-120b';

export interface StateOptions {
  readonly messages?: readonly MessageView[];
  readonly chats?: readonly ChatSummary[];
  readonly keySource?: KeySource;
  readonly reasoningDisplay?: ReasoningDisplay;
  /** An answer streaming in the shown chat (or in `streamingChatId`). */
  readonly streamingMessageId?: string;
  readonly streamingChatId?: string;
  readonly chatId?: string;
}

export function viewState(options: StateOptions = {}): ViewState {
  const chatId = options.chatId ?? CHAT_ID;
  return {
    chat: { id: chatId, title: 'Test chat', messages: options.messages ?? [] },
    chats: options.chats ?? [{ id: chatId, title: 'Test chat', updatedAt: Date.now() - 5 * 60_000, messageCount: options.messages?.length ?? 0 }],
    keySource: options.keySource ?? 'stored',
    settings: { reasoningDisplay: options.reasoningDisplay ?? 'collapsed', model: MODEL },
    ...(options.streamingMessageId ? { streaming: { chatId: options.streamingChatId ?? chatId, messageId: options.streamingMessageId } } : {}),
    strings: {},
  };
}

export function stateMessage(options: StateOptions = {}): HostMessage {
  return { type: 'state', state: viewState(options) };
}

export function userMessage(id: string, content: string): MessageView {
  return { id, role: 'user', content, status: 'done' };
}

export function assistantMessage(id: string, content: string, extra: Partial<MessageView> = {}): MessageView {
  return { id, role: 'assistant', content, status: 'done', ...extra };
}

/** Splits text into chunks of about `size` characters (never inside a surrogate pair). */
export function chunkText(text: string, size: number): string[] {
  const chunks: string[] = [];
  const characters = Array.from(text);
  for (let index = 0; index < characters.length; index += size) chunks.push(characters.slice(index, index + size).join(''));
  return chunks;
}

export interface StreamPlan {
  readonly messageId: string;
  readonly user?: MessageView;
  readonly reasoning?: string;
  readonly content: string;
  readonly chunkSize?: number;
  /** Deltas delivered per batch (one batch per `sendAndSettle`, i.e. per few frames). */
  readonly deltasPerBatch?: number;
  readonly final?: Partial<MessageView>;
  readonly chatId?: string;
}

export function streamStart(plan: StreamPlan): HostMessage {
  return {
    type: 'streamStart',
    chatId: plan.chatId ?? CHAT_ID,
    ...(plan.user ? { user: plan.user } : {}),
    assistant: { id: plan.messageId, role: 'assistant', content: '', status: 'streaming' },
  };
}

export function deltas(plan: StreamPlan, field: 'content' | 'reasoning', text: string): HostMessage[] {
  return chunkText(text, plan.chunkSize ?? 12).map((chunk) => ({
    type: 'streamDelta',
    chatId: plan.chatId ?? CHAT_ID,
    messageId: plan.messageId,
    [field]: chunk,
  }));
}

export function streamEnd(plan: StreamPlan): HostMessage {
  return {
    type: 'streamEnd',
    chatId: plan.chatId ?? CHAT_ID,
    message: {
      id: plan.messageId,
      role: 'assistant',
      content: plan.content,
      ...(plan.reasoning ? { reasoning: plan.reasoning } : {}),
      status: 'done',
      ...plan.final,
    },
  };
}

/** Sends start, all reasoning and content deltas in batches, and (unless `open`) the end. */
export async function streamAnswer(view: WebviewPage, plan: StreamPlan, options: { open?: boolean } = {}): Promise<void> {
  await view.sendAndSettle(streamStart(plan));
  const all = [...deltas(plan, 'reasoning', plan.reasoning ?? ''), ...deltas(plan, 'content', plan.content)];
  const perBatch = plan.deltasPerBatch ?? 4;
  for (let index = 0; index < all.length; index += perBatch) await view.sendAndSettle(...all.slice(index, index + perBatch));
  if (!options.open) await view.sendAndSettle(streamEnd(plan));
}
