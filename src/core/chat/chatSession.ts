/**
 * The conversation controller: owns the chats, runs one answer at a time, streams it to the view,
 * and persists every turn. Editor-free, so it is tested in plain Node against the local server.
 *
 * One answer at a time is a promise the view relies on: a second question while one streams is
 * refused with a notice (typed questions) or queued (code actions), never interleaved.
 */
import type { ErrorView, HostMessage, ViewState } from '../../shared/protocol';
import { OpenRouterError } from '../openrouter/errors';
import type { OpenRouterClient } from '../openrouter/client';
import type { ChatRequest, ReasoningEffort, StreamEvent } from '../openrouter/types';
import type { ConversationTurn } from '../openrouter/requestBuilder';
import { answerStats } from './answerStats';
import { createChat, createMessage, conversationTurns, indexOfMessage, summarize, titleFromQuestion, toChatView, toMessageView, UNTITLED_CHAT, type Chat, type StoredMessage } from './chat';
import type { ChatStore, CorruptChatFile } from './chatStore';
import { DeltaBatcher } from './deltaBatcher';
import { errorViewOf } from './errorView';
import { ChatSearchIndex } from './chatSearch';

/** Everything one request needs, resolved by the editor layer at send time (fresh settings, key). */
export interface PreparedRequest {
  readonly client: OpenRouterClient;
  readonly request: ChatRequest;
}

export type PrepareResult = PreparedRequest | { readonly error: ErrorView } | { readonly cancelled: true };

export interface ChatSessionHost {
  post(message: HostMessage): void;
  /**
   * Builds the request for these turns, or says why none may be sent (no key, bad setting, cost
   * guard). `choice` is the model and effort chosen for this chat, over the settings' defaults.
   */
  prepare(turns: ConversationTurn[], choice?: ChatModelChoice): Promise<PrepareResult>;
  viewBasics(): Pick<ViewState, 'keySource' | 'settings' | 'strings'>;
  log(line: string): void;
}

/** The model and effort a chat asks with, when its composer chose them (see `Chat.model`). */
export interface ChatModelChoice {
  readonly model?: string;
  readonly reasoningEffort?: ReasoningEffort;
}

export interface SendOptions {
  /** Short label shown instead of the full prompt heading, e.g. "Explain src/a.ts:3-9". */
  readonly label?: string;
  /** Code actions wait for a running answer instead of being refused. */
  readonly queueIfBusy?: boolean;
  /** Receives the answer's events as they arrive (inline edit streams content into the editor). */
  readonly onEvent?: (event: StreamEvent) => void;
}

export interface AnswerOutcome {
  readonly message: StoredMessage;
  readonly chatId: string;
}

interface Running {
  readonly chatId: string;
  readonly messageId: string;
  readonly abort: AbortController;
  readonly done: Promise<AnswerOutcome>;
}

export const BUSY_NOTICE = 'An answer is still streaming. Wait for it, or press Stop (Esc) first.';

export class ChatSession {
  private chats: Chat[] = [];
  private active: Chat = createChat();
  private running: Running | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly searchIndex = new ChatSearchIndex();

  constructor(
    private readonly store: ChatStore,
    private readonly host: ChatSessionHost,
    private readonly now: () => number = Date.now,
  ) {}

  /** Loads the history; returns files that were unreadable (already moved aside by the store). */
  async init(): Promise<CorruptChatFile[]> {
    const { chats, corrupt } = await this.store.loadAll();
    for (const chat of chats) {
      markInterrupted(chat);
      this.store.markSeen(chat);
    }
    this.chats = chats;
    this.active = chats[0] ?? createChat(this.now());
    return corrupt;
  }

  get activeChat(): Chat {
    return this.active;
  }

  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Resolves when the current answer (if any) has ended. */
  async idle(): Promise<void> {
    await this.running?.done.catch(() => undefined);
  }

  viewState(): ViewState {
    return {
      ...this.host.viewBasics(),
      chat: toChatView(this.active),
      chats: this.savedChats().map(summarize),
      ...(this.running && this.running.chatId === this.active.id ? { streamingMessageId: this.running.messageId } : {}),
    };
  }

  postState(): void {
    this.host.post({ type: 'state', state: this.viewState() });
  }

  /** Sends a user message and streams the answer. Resolves with the answer, or undefined if refused. */
  async send(text: string, options: SendOptions = {}): Promise<AnswerOutcome | undefined> {
    if (text.trim().length === 0) return undefined;
    if (this.running) {
      if (!options.queueIfBusy) {
        this.host.post({ type: 'notice', level: 'warning', text: BUSY_NOTICE });
        return undefined;
      }
      // Queue behind the running answer (and any earlier queued one), then send.
      const turn = this.queue.then(() => this.idle()).then(() => this.send(text, { ...options, queueIfBusy: false }));
      this.queue = turn.catch(() => undefined);
      return turn;
    }
    const chat = this.active;
    const user = createMessage('user', text, options.label ? { label: options.label } : {}, this.now());
    chat.messages.push(user);
    if (chat.title === UNTITLED_CHAT) chat.title = titleFromQuestion(options.label ?? text);
    return this.answer(chat, user, options);
  }

  stop(): void {
    this.running?.abort.abort();
  }

  async regenerate(): Promise<AnswerOutcome | undefined> {
    if (this.refuseWhileBusy()) return undefined;
    const chat = this.active;
    let lastUser = -1;
    for (let i = chat.messages.length - 1; i >= 0; i--) {
      if (chat.messages[i]?.role === 'user') {
        lastUser = i;
        break;
      }
    }
    if (lastUser < 0) return undefined;
    chat.messages.splice(lastUser + 1);
    this.postState();
    return this.answer(chat, chat.messages[lastUser] as StoredMessage, {});
  }

  async editAndResend(messageId: string, text: string): Promise<AnswerOutcome | undefined> {
    if (this.refuseWhileBusy() || text.trim().length === 0) return undefined;
    const chat = this.active;
    const index = indexOfMessage(chat, messageId);
    const message = chat.messages[index];
    if (!message || message.role !== 'user') return undefined;
    message.content = text;
    delete message.label;
    chat.messages.splice(index + 1);
    if (index === 0) chat.title = titleFromQuestion(text);
    this.postState();
    return this.answer(chat, message, {});
  }

  newChat(): void {
    if (this.active.messages.length > 0) this.active = createChat(this.now());
    else clearModelChoice(this.active);
    this.postState();
  }

  async openChat(chatId: string): Promise<void> {
    // Re-read from disk: another window may have added to this chat since we listed it.
    const chat = (this.running?.chatId === chatId ? this.findChat(chatId) : undefined) ?? (await this.store.load(chatId)) ?? this.findChat(chatId);
    if (!chat) {
      this.host.post({ type: 'notice', level: 'warning', text: 'That chat no longer exists; it may have been deleted in another window.' });
      await this.refreshList();
      return;
    }
    markInterrupted(chat);
    this.replaceInList(chat);
    this.active = chat;
    this.postState();
  }

  async deleteChat(chatId: string): Promise<void> {
    if (this.running?.chatId === chatId) this.stop();
    await this.idle();
    await this.store.delete(chatId);
    this.chats = this.chats.filter((c) => c.id !== chatId);
    if (this.active.id === chatId) this.active = this.chats[0] ?? createChat(this.now());
    this.postState();
  }

  /** Re-reads the history from disk so chats written by other windows appear. */
  async refreshList(): Promise<void> {
    // The chat streaming here is not read: our copy is the newest. Disk copies we do not take
    // are never marked seen, so our next write of that chat keeps what another window added.
    const skipped = this.running?.chatId;
    const { chats: onDisk } = await this.store.loadAll(skipped);
    let openChatReplaced = false;
    const list = onDisk.map((disk) => {
      const mine = this.ourCopy(disk.id);
      // Ours wins for the chat streaming now (it may have started during the read), for a chat
      // still answering in another window (that window writes again when it ends), and for the
      // open chat when the disk has nothing newer (a write of ours may still be on its way).
      const keepMine =
        disk.id === this.running?.chatId || isAnswering(disk) || (disk.id === this.active.id && !isNewer(disk, this.active));
      if (mine && keepMine) return mine;
      markInterrupted(disk);
      this.store.markSeen(disk);
      if (disk.id === this.active.id) {
        this.active = disk;
        openChatReplaced = true;
      }
      return disk;
    });
    const streaming = skipped === undefined ? undefined : this.findChat(skipped);
    this.chats = streaming ? [...list, streaming] : list;
    if (openChatReplaced) return this.postState();
    this.postList();
  }

  /**
   * A chat's file changed on disk: another window saved or deleted it, or we wrote it ourselves.
   * A copy newer than ours replaces it in the history and, when it is the open chat, on screen;
   * our own plain write is never newer, so it redraws nothing. Left alone: the chat streaming here
   * (ours is the newest) and a copy whose answer still streams in the other window (that
   * window writes again when the answer ends).
   */
  async chatChangedOnDisk(chatId: string | undefined): Promise<void> {
    if (chatId === undefined) return this.refreshList();
    if (this.running?.chatId === chatId) return;
    const read = await this.store.peek(chatId);
    if (this.running?.chatId === chatId) return;
    if (!read.found) {
      if (!read.missing) {
        this.host.log(`chat ${chatId} changed on disk but cannot be read (${read.reason}); the history keeps it as it was`);
        return;
      }
      // Deleted in another window: gone from the history here too. An open chat stays on screen,
      // and continuing it saves it again, so nothing typed here is lost.
      if (!this.findChat(chatId)) return;
      this.chats = this.chats.filter((c) => c.id !== chatId);
      return this.postList();
    }
    const onDisk = read.chat;
    if (isAnswering(onDisk)) return;
    const mine = this.ourCopy(chatId);
    if (mine && !isNewer(onDisk, mine)) return;
    this.store.markSeen(onDisk);
    this.replaceInList(onDisk);
    if (this.active.id === chatId) {
      this.active = onDisk;
      return this.postState();
    }
    this.postList();
  }

  /** Ids of the saved chats, newest first, whose title or messages hold every word of `query`. */
  searchChats(query: string): string[] {
    return this.searchIndex.search(this.savedChats(), query);
  }

  /** This window's copy of a chat (listed, or the open one). */
  chatById(chatId: string): Chat | undefined {
    return this.ourCopy(chatId);
  }

  async renameChat(chatId: string, title: string): Promise<void> {
    const chat = this.ourCopy(chatId);
    const name = title.replace(/\s+/g, ' ').trim();
    if (!chat || name === '' || name === chat.title) return;
    chat.title = name;
    // A later time makes the other windows take this copy (see `isNewer`).
    chat.updatedAt = this.now();
    if (chat.id === this.active.id) this.postState();
    if (chat.messages.length > 0) await this.persist(chat);
  }

  /** Puts back a chat deleted a moment ago (Undo): in the history and on disk again. */
  async restoreChat(chat: Chat): Promise<void> {
    if (this.findChat(chat.id)) return;
    this.store.markSeen(chat);
    this.replaceInList(chat);
    await this.persist(chat);
  }

  /** Deletes every chat (the caller has asked the user to confirm) and opens a new one. */
  async deleteAllChats(): Promise<void> {
    this.stop();
    await this.idle();
    const ids = new Set([...this.chats.map((chat) => chat.id), this.active.id]);
    for (const id of ids) await this.store.delete(id);
    this.chats = [];
    this.active = createChat(this.now());
    this.postState();
  }

  /** The model (and effort) this chat asks from now on; `undefined` fields go back to the settings. */
  async setChatModel(chatId: string, choice: ChatModelChoice): Promise<void> {
    const chat = this.ourCopy(chatId);
    if (!chat) return;
    clearModelChoice(chat);
    if (choice.model) chat.model = choice.model;
    if (choice.reasoningEffort) chat.reasoningEffort = choice.reasoningEffort;
    if (chat.id === this.active.id) this.postState();
    // An empty new chat is not history yet: its choice is saved with its first message.
    if (chat.messages.length > 0) await this.persist(chat);
  }

  /** The code of the last fenced block in the active chat's latest answer. */
  lastCodeBlock(): { code: string; language: string } | undefined {
    for (let i = this.active.messages.length - 1; i >= 0; i--) {
      const message = this.active.messages[i];
      if (message?.role !== 'assistant') continue;
      const blocks = [...message.content.matchAll(/^ {0,3}(`{3,}|~{3,})([^\n`]*)\n([\s\S]*?)^ {0,3}\1[ \t]*$/gm)];
      const last = blocks[blocks.length - 1];
      if (last) return { language: (last[2] ?? '').trim().split(/\s+/)[0] ?? '', code: (last[3] ?? '').replace(/\n$/, '') };
    }
    return undefined;
  }

  /** Stops any answer and writes everything to disk (extension deactivation). */
  async dispose(): Promise<void> {
    this.stop();
    await this.idle();
    await this.store.flush();
  }

  private refuseWhileBusy(): boolean {
    if (!this.running) return false;
    this.host.post({ type: 'notice', level: 'warning', text: BUSY_NOTICE });
    return true;
  }

  private answer(chat: Chat, user: StoredMessage, options: SendOptions): Promise<AnswerOutcome> {
    const assistant = createMessage('assistant', '', { status: 'streaming' }, this.now());
    const turns = conversationTurns(chat.messages);
    chat.messages.push(assistant);
    chat.updatedAt = this.now();
    this.replaceInList(chat);
    const abort = new AbortController();
    const done = this.stream(chat, user, assistant, turns, abort.signal, options).finally(() => {
      this.running = undefined;
    });
    this.running = { chatId: chat.id, messageId: assistant.id, abort, done };
    return done;
  }

  private async stream(
    chat: Chat,
    user: StoredMessage,
    assistant: StoredMessage,
    turns: ConversationTurn[],
    signal: AbortSignal,
    options: SendOptions,
  ): Promise<AnswerOutcome> {
    this.host.post({ type: 'streamStart', chatId: chat.id, user: toMessageView(user), assistant: toMessageView(assistant) });
    void this.persist(chat);
    const batcher = new DeltaBatcher((delta) => this.host.post({ type: 'streamDelta', chatId: chat.id, messageId: assistant.id, ...delta }));
    const sentAt = this.now();
    let firstReasoningAt: number | undefined;
    let firstContentAt: number | undefined;
    let model = '';
    let provider: string | undefined;

    const onEvent = (event: StreamEvent): void => {
      if (event.type === 'reasoning' && event.text) {
        firstReasoningAt ??= this.now();
        assistant.reasoning = (assistant.reasoning ?? '') + event.text;
        batcher.addReasoning(event.text);
      } else if (event.type === 'content' && event.text) {
        firstContentAt ??= this.now();
        assistant.content += event.text;
        batcher.addContent(event.text);
      } else if (event.type === 'meta') {
        model = event.model ?? model;
        provider = event.provider ?? provider;
      }
      options.onEvent?.(event);
    };

    try {
      const prepared = await this.host.prepare(turns, modelChoiceOf(chat));
      if ('error' in prepared) throw prepared.error;
      if ('cancelled' in prepared) throw new OpenRouterError({ kind: 'aborted', userMessage: 'Not sent.', action: 'none', retryable: false });
      model = prepared.request.model;
      const turn = await prepared.client.complete(prepared.request, { signal, onEvent });
      batcher.flush();
      assistant.content = turn.content;
      assistant.reasoning = turn.reasoning || undefined;
      if (turn.reasoningDetails.length) assistant.reasoningDetails = turn.reasoningDetails;
      if (turn.toolCalls.length) assistant.toolCalls = turn.toolCalls;
      assistant.status = 'done';
      assistant.stats = answerStats(turn.model ?? model, turn.provider ?? provider, turn.usage, { sentAt, firstReasoningAt, firstContentAt, endedAt: this.now() });
    } catch (error) {
      batcher.flush();
      const partial = error instanceof OpenRouterError ? error.partial : undefined;
      if (partial) {
        // The client's assembled partial is authoritative (it saw every event), ours is a fallback.
        assistant.content = partial.content || assistant.content;
        assistant.reasoning = partial.reasoning || assistant.reasoning;
        if (partial.reasoningDetails.length) assistant.reasoningDetails = partial.reasoningDetails;
      }
      const aborted = (error instanceof OpenRouterError && error.kind === 'aborted') || signal.aborted;
      assistant.status = aborted ? 'stopped' : 'error';
      if (!aborted) assistant.error = isErrorView(error) ? error : errorViewOf(error);
      assistant.stats = answerStats(model, provider, partial?.usage, { sentAt, firstReasoningAt, firstContentAt, endedAt: this.now() });
      this.host.log(`answer ${assistant.status}: ${assistant.error?.kind ?? 'stopped by user'} (model ${model || 'unknown'})`);
    } finally {
      batcher.dispose();
    }
    if (!assistant.reasoning) delete assistant.reasoning;
    chat.updatedAt = this.now();
    this.host.post({ type: 'streamEnd', chatId: chat.id, message: toMessageView(assistant) });
    await this.persist(chat);
    return { message: assistant, chatId: chat.id };
  }

  private async persist(chat: Chat): Promise<void> {
    try {
      await this.store.save(chat);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.host.log(`could not save chat ${chat.id}: ${reason}`);
      this.host.post({ type: 'notice', level: 'error', text: `This chat could not be saved to disk (${reason}). It stays open here.` });
    }
    this.postList();
  }

  private postList(): void {
    this.host.post({ type: 'chatList', chats: this.savedChats().map(summarize) });
  }

  /** Chats that have at least one message, newest first (an empty new chat is not history yet). */
  private savedChats(): Chat[] {
    return this.chats.filter((c) => c.messages.length > 0).sort((a, b) => b.updatedAt - a.updatedAt);
  }

  private findChat(chatId: string): Chat | undefined {
    return this.chats.find((c) => c.id === chatId);
  }

  /** This window's copy of a chat: in the history, or the open one (a new chat is not listed yet). */
  private ourCopy(chatId: string): Chat | undefined {
    return this.findChat(chatId) ?? (this.active.id === chatId ? this.active : undefined);
  }

  private replaceInList(chat: Chat): void {
    const index = this.chats.findIndex((c) => c.id === chat.id);
    if (index >= 0) this.chats[index] = chat;
    else this.chats.unshift(chat);
  }
}

function modelChoiceOf(chat: Chat): ChatModelChoice {
  return { ...(chat.model ? { model: chat.model } : {}), ...(chat.reasoningEffort ? { reasoningEffort: chat.reasoningEffort } : {}) };
}

function clearModelChoice(chat: Chat): void {
  delete chat.model;
  delete chat.reasoningEffort;
}

/** Does `candidate`, read from disk, hold more than `current`? (A merged write can keep the time and add messages.) */
function isNewer(candidate: Chat, current: Chat): boolean {
  return candidate.updatedAt > current.updatedAt || (candidate.updatedAt === current.updatedAt && candidate.messages.length !== current.messages.length);
}

/** Is an answer of this disk copy still streaming (in another window, or in one that crashed)? */
function isAnswering(chat: Chat): boolean {
  return chat.messages.some((message) => message.status === 'streaming');
}

/** An answer that was streaming when the window closed is shown as stopped, not as still running. */
function markInterrupted(chat: Chat): void {
  for (const message of chat.messages) {
    if (message.status === 'streaming') message.status = 'stopped';
  }
}

function isErrorView(value: unknown): value is ErrorView {
  return typeof value === 'object' && value !== null && 'kind' in value && 'actions' in value && !(value instanceof Error);
}
