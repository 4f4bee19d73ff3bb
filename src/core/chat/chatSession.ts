/**
 * The conversation controller: owns the chats, runs one answer at a time, streams it to the view,
 * and persists every turn. Editor-free, so it is tested in plain Node against the local server.
 *
 * One answer at a time is a promise the view relies on: a second question while one streams is
 * refused with a notice (typed questions) or queued (code actions), never interleaved.
 */
import type { ChatParameterOverrides, ChatSummary, ErrorView, HostMessage, ViewState } from '../../shared/protocol';
import * as l10n from '../l10n';
import type { OpenRouterClient } from '../openrouter/client';
import type { ChatRequest, ModelInfo, ReasoningEffort, StreamEvent } from '../openrouter/types';
import type { ConversationTurn } from '../openrouter/requestBuilder';
import { BilledFigures } from './billedFigures';
import { markInterrupted, ourCopyStays, type ReadContext } from './chatSync';
import { createChat, createMessage, conversationTurns, indexOfMessage, markRevised, removeMessagesAfter, summarize, titleFromQuestion, toChatView, UNTITLED_CHAT, type Chat, type StoredMessage } from './chat';
import type { ChatStore, CorruptChatFile } from './chatStore';
import type { ChatIndexEntry } from './chatIndex';
import type { ContextAttachment } from '../context/attachment';
import type { CodeOrigin } from '../codeActions/codeOrigin';
import type { DeltaBatcher } from './deltaBatcher';
import { ToolAnswers } from '../tools/toolAnswers';
import type { WorkspaceToolHost } from '../tools/toolLoop';
import { normalizeOverrides } from './chatParameters';
import type { ChatSearchIndex } from './chatSearch';
import { codeBlocks, type CodeBlock } from '../codeActions/codeFence';
import { isSummary } from './summary';
import { settleCompaction, startAnswer, type AnswerRunHost } from './answerRun';

/** Everything one request needs, resolved by the editor layer at send time (fresh settings, key). */
export interface PreparedRequest {
  readonly client: OpenRouterClient;
  readonly request: ChatRequest;
  /** The model's `/models` entry, when known (its prices give the cache discount). */
  readonly model?: ModelInfo;
  /** Something the user should know about this request, e.g. a parameter the model ignores. */
  readonly notice?: string;
}

/** The chat a request is prepared for: its id (the request's `session_id`) and its own parameters. */
export interface PrepareContext {
  readonly chatId: string;
  readonly parameters?: ChatParameterOverrides;
}

/** What preparing a request came to: ready to send, refused (and why), or cancelled by the user. */
export type PrepareResult =
  | ({ readonly kind: 'ready' } & PreparedRequest)
  | { readonly kind: 'refused'; readonly error: ErrorView }
  | { readonly kind: 'cancelled' };

export interface ChatSessionHost {
  post(message: HostMessage): void;
  /**
   * Builds the request for these turns, or says why none may be sent (no key, bad setting, cost
   * guard). `signal` fires on Stop: preparing may wait on the network and on the user.
   */
  prepare(turns: ConversationTurn[], signal: AbortSignal, options?: PrepareRequestOptions): Promise<PrepareResult>;
  /** The workspace tools; without them requests run without a tool loop. */
  readonly tools?: WorkspaceToolHost;
  viewBasics(): Pick<ViewState, 'keySource' | 'settings' | 'strings'>;
  log(line: string): void;
}

export interface PrepareOptions {
  /** Offer OpenRouter's web search server tool for this question. */
  readonly webSearch?: boolean;
  /**
   * `false`: offer no workspace tools. An inline edit streams its answer into the editor as the
   * new code, so the answer must be that code, not a tool round.
   */
  readonly workspaceTools?: boolean;
}

/** What the host's `prepare` is told besides the turns: the question's options and its chat. */
export interface PrepareRequestOptions extends PrepareOptions {
  readonly chat?: PrepareContext;
  /** The model and effort chosen for this chat, over the settings' defaults. */
  readonly choice?: ChatModelChoice;
}

/** The model and effort a chat asks with, when its composer chose them (see `Chat.model`). */
export interface ChatModelChoice {
  readonly model?: string;
  readonly reasoningEffort?: ReasoningEffort;
}

export interface SendOptions extends PrepareOptions {
  /** Short label shown instead of the full prompt heading, e.g. "Explain src/a.ts:3-9". */
  readonly label?: string;
  /** Code actions wait for a running answer instead of being refused. */
  readonly queueIfBusy?: boolean;
  /** Receives the answer's events as they arrive (inline edit streams content into the editor). */
  readonly onEvent?: (event: StreamEvent) => void;
  /** Context attached to this question; stored with it, so regenerate and edit-and-resend send it again. */
  readonly attachments?: readonly ContextAttachment[];
  /** The code a code action asks about; stored with the question, so every answer to it can be applied there. */
  readonly origin?: CodeOrigin;
}

export interface AnswerOutcome {
  readonly message: StoredMessage;
  readonly chatId: string;
}

interface Running {
  readonly chatId: string;
  readonly messageId: string;
  readonly abort: AbortController;
  /** Holds text already in the message but not yet posted as a delta. */
  readonly batcher: DeltaBatcher;
  readonly done: Promise<AnswerOutcome>;
  /**
   * `streamEnd` was posted: the answer is over for the user, only the save is still running. The
   * view state no longer names it, and a message sent now waits for the save instead of being
   * refused as busy.
   */
  ended: boolean;
}

export const BUSY_NOTICE = 'An answer is still streaming. Wait for it, or press Stop (Esc) first.';
export const CONTINUE_PROMPT = 'Your previous answer was cut off. Continue exactly where it stopped, without repeating what you already wrote.';
export const CONTINUE_LABEL = 'Continue the answer';
export const NOT_LATEST_NOTICE = 'Only the latest answer can be answered again. To ask an earlier question again, edit it and resend.';

export class ChatSession {
  /**
   * The chats this window holds in full: the ones opened, answered or changed here. The rest of
   * the history is only listed (from the store's index) and read from disk when opened, so a
   * history of 10,000 chats costs one file at start, not 10,000.
   */
  private chats: Chat[] = [];
  /** Every chat on disk as the index lists it; a held copy (`chats`) overrides its line. */
  private listing = new Map<string, ChatSummary>();
  private active: Chat = createChat();
  private running: Running | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** Settles when `init` has read the history; until then a question waits for it. */
  private historyRead: Promise<unknown> | undefined;
  private historyLoaded = false;
  private readonly tools: ToolAnswers;
  /** Loaded with the first search (the history's search is not needed to start). */
  private searchIndex: Promise<ChatSearchIndex> | undefined;
  private readonly billed: BilledFigures;
  /** How an answer's run (answerRun.ts) reaches this session: it keeps no state of its own. */
  private readonly runHost: AnswerRunHost;

  constructor(
    private readonly store: ChatStore,
    private readonly host: ChatSessionHost,
    private readonly now: () => number = Date.now,
  ) {
    this.tools = new ToolAnswers(host.tools, (message) => host.post(message));
    this.billed = new BilledFigures((line) => host.log(line));
    this.runHost = {
      post: (message) => host.post(message),
      prepare: (turns, signal, options) => host.prepare(turns, signal, options),
      log: (line) => host.log(line),
      now: () => this.now(),
      tools: this.tools,
      billed: this.billed,
      persist: (chat) => this.persist(chat),
      answerEnded: (messageId) => {
        if (this.running?.messageId === messageId) this.running.ended = true;
      },
      ourCopy: (chatId) => this.ourCopy(chatId),
      showIfOpen: (chat) => {
        if (this.active === chat) this.postState();
      },
    };
  }

  /** Loads the history; returns files that were unreadable (already moved aside by the store). */
  async init(): Promise<CorruptChatFile[]> {
    const reading = this.loadHistory();
    this.historyRead = reading.catch(() => undefined);
    return reading;
  }

  private async loadHistory(): Promise<CorruptChatFile[]> {
    const { chats: entries, corrupt } = await this.store.loadIndex();
    this.listing = listingOf(entries);
    // The newest chat opens, as before: the only one read in full at start.
    let newest: Chat | undefined;
    for (const entry of entries) {
      newest = await this.store.load(entry.id);
      if (newest) break;
    }
    if (newest) markInterrupted(newest);
    this.chats = newest ? [newest] : [];
    this.active = newest ?? createChat(this.now());
    this.historyLoaded = true;
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
      chats: this.savedSummaries(),
      ...(this.running && !this.running.ended ? { streaming: { chatId: this.running.chatId, messageId: this.running.messageId } } : {}),
    };
  }

  /**
   * Sends the whole state. Text the delta batcher still holds is already in the streaming
   * message, so it goes out first: posted after the state, it would be appended a second time.
   */
  postState(): void {
    this.running?.batcher.flush();
    this.host.post({ type: 'state', state: this.viewState() });
  }

  /** Sends a user message and streams the answer. Resolves with the answer, or undefined if refused. */
  async send(text: string, options: SendOptions = {}): Promise<AnswerOutcome | undefined> {
    if (text.trim().length === 0) return undefined;
    // A question asked while the history loads belongs in the chat the history opens, not in a
    // placeholder that loading then replaces.
    if (!this.historyLoaded && this.historyRead) await this.historyRead;
    if (this.running?.ended) await this.idle();
    if (this.running) {
      if (!options.queueIfBusy) {
        this.host.post({ type: 'notice', level: 'warning', text: l10n.t(BUSY_NOTICE) });
        return undefined;
      }
      // Queue behind the running answer (and any earlier queued one), then send.
      const turn = this.queue.then(() => this.idle()).then(() => this.send(text, { ...options, queueIfBusy: false }));
      this.queue = turn.catch(() => undefined);
      return turn;
    }
    const chat = this.active;
    const user = createMessage('user', text, {
      ...(options.label ? { label: options.label } : {}),
      ...(options.attachments?.length ? { attachments: [...options.attachments] } : {}),
      ...(options.origin ? { origin: options.origin } : {}),
    }, this.now());
    chat.messages.push(user);
    if (chat.title === UNTITLED_CHAT) chat.title = titleFromQuestion(options.label ?? text);
    return this.answer(chat, user, options);
  }

  stop(): void {
    this.running?.abort.abort();
  }

  /**
   * Compact: the open chat's model summarizes its turns into one message that later requests send
   * in their place (compaction.ts). It streams like an answer, so Stop works; a summary that does
   * not complete is taken out again, and the user is told why.
   */
  async compact(): Promise<AnswerOutcome | undefined> {
    // Loaded on first use; before the checks below, so nothing can start between them and the run.
    const { compactionFailure, nothingToCompact, planCompaction } = await import('./compaction');
    if (!this.historyLoaded && this.historyRead) await this.historyRead;
    if (this.running?.ended) await this.idle();
    if (this.refuseWhileBusy()) return undefined;
    const chat = this.active;
    const plan = planCompaction(chat.messages);
    if (!plan) {
      this.host.post({ type: 'notice', level: 'info', text: nothingToCompact() });
      return undefined;
    }
    const summary = createMessage('assistant', '', { status: 'streaming', summaryOf: plan.count }, this.now());
    chat.messages.push(summary);
    // Settled before the run ends, so a message sent meanwhile or a deletion waits for it.
    const done = this.launch(chat, undefined, summary, plan.turns, { workspaceTools: false }, () => settleCompaction(this.runHost, chat, summary, compactionFailure));
    // No question goes with it, so the view gets the whole chat with the summary streaming at its end.
    this.postState();
    return done;
  }

  /** Allow or Deny on a tool call's card; a click for a call no longer waiting does nothing. */
  toolDecision(callId: string, allow: boolean): void {
    this.tools.decide(callId, allow);
  }

  /** Continue an answer whose tool loop reached the round cap: the same answer, more rounds. */
  async continueTools(): Promise<AnswerOutcome | undefined> {
    if (this.refuseWhileBusy()) return undefined;
    const chat = this.active;
    const last = chat.messages[chat.messages.length - 1];
    const user = chat.messages.filter((message) => message.role === 'user').pop();
    if (!last?.toolCapReached || !user) return undefined;
    delete last.toolCapReached;
    return this.answer(chat, user, {}, last);
  }

  /**
   * Answers the last question again, replacing the answer after it. With `answerId` (Regenerate
   * and Retry name the answer they sit under) it acts only when that answer is still the latest
   * of the open chat: an older answer is never retried by cutting away the newer turns after it.
   */
  async regenerate(answerId?: string): Promise<AnswerOutcome | undefined> {
    if (this.refuseWhileBusy()) return undefined;
    const chat = this.active;
    const last = chat.messages[chat.messages.length - 1];
    // A summary answers no question: answering the last one again would drop it with the answer.
    if (last && isSummary(last)) return undefined;
    if (answerId !== undefined && (last?.id !== answerId || last.role !== 'assistant')) {
      this.host.post({ type: 'notice', level: 'warning', text: l10n.t(NOT_LATEST_NOTICE) });
      return undefined;
    }
    let lastUser = -1;
    for (let i = chat.messages.length - 1; i >= 0; i--) {
      if (chat.messages[i]?.role === 'user') {
        lastUser = i;
        break;
      }
    }
    if (lastUser < 0) return undefined;
    removeMessagesAfter(chat, lastUser);
    this.postState();
    return this.answer(chat, chat.messages[lastUser] as StoredMessage, {});
  }

  /**
   * Asks the model to go on after the latest answer, which the token limit cut off. The request
   * holds the whole chat, so the model sees where its answer stopped.
   */
  async continueAnswer(answerId: string): Promise<AnswerOutcome | undefined> {
    if (this.refuseWhileBusy()) return undefined;
    const last = this.active.messages[this.active.messages.length - 1];
    if (last?.id !== answerId || last.role !== 'assistant') {
      this.host.post({ type: 'notice', level: 'warning', text: l10n.t(NOT_LATEST_NOTICE) });
      return undefined;
    }
    return this.send(CONTINUE_PROMPT, { label: CONTINUE_LABEL });
  }

  async editAndResend(messageId: string, text: string): Promise<AnswerOutcome | undefined> {
    if (this.refuseWhileBusy() || text.trim().length === 0) return undefined;
    const chat = this.active;
    const index = indexOfMessage(chat, messageId);
    const message = chat.messages[index];
    if (!message || message.role !== 'user') return undefined;
    message.content = text;
    markRevised(message, this.now());
    delete message.label;
    removeMessagesAfter(chat, index);
    if (index === 0) chat.title = titleFromQuestion(text);
    this.postState();
    return this.answer(chat, message, {});
  }

  newChat(): void {
    // A new chat starts from the settings: an empty chat with its own parameters is replaced too.
    if (this.active.messages.length > 0 || this.active.parameters) this.active = createChat(this.now());
    else clearModelChoice(this.active);
    this.postState();
  }

  /** Sets the open chat's own parameters (the Parameters panel); saved with the chat. */
  async setChatParameters(parameters: ChatParameterOverrides): Promise<void> {
    const chat = this.active;
    const normalized = normalizeOverrides(parameters);
    if (normalized) chat.parameters = normalized;
    else delete chat.parameters;
    this.postState();
    // An empty chat is not history yet: its parameters are saved with its first message.
    if (chat.messages.length > 0) {
      chat.updatedAt = this.now();
      await this.persist(chat);
    }
  }

  async openChat(chatId: string): Promise<void> {
    // Re-read from disk: another window may have added to this chat since we listed it.
    const chat = (this.running?.chatId === chatId ? this.findChat(chatId) : undefined) ?? (await this.store.load(chatId)) ?? this.findChat(chatId);
    if (!chat) {
      this.host.post({ type: 'notice', level: 'warning', text: l10n.t('That chat no longer exists; it may have been deleted in another window.') });
      await this.refreshList();
      return;
    }
    // The chat answering here is live, not interrupted: its answer keeps streaming on screen.
    if (this.running?.chatId !== chatId) markInterrupted(chat);
    this.replaceInList(chat);
    this.active = chat;
    this.postState();
  }

  async deleteChat(chatId: string): Promise<void> {
    // Out of the history and off the screen first: a question queued behind the answer stopped
    // here starts the moment that answer ends, and must land in the chat the user is left with,
    // not in the one being deleted (where it would stream unseen and save the chat back to disk).
    this.chats = this.chats.filter((c) => c.id !== chatId);
    this.listing.delete(chatId);
    // The next chat opens in its place; one not held here is read once the delete is done, and
    // until then (and if it cannot be read) an empty chat takes the questions.
    const next = this.savedSummaries()[0];
    let placeholder: Chat | undefined;
    if (this.active.id === chatId) this.active = (next && this.findChat(next.id)) ?? (placeholder = createChat(this.now()));
    if (this.running?.chatId === chatId) this.stop();
    await this.idle();
    await this.store.delete(chatId);
    if (placeholder && next && this.active === placeholder && placeholder.messages.length === 0) {
      const read = await this.store.load(next.id);
      if (read && this.active === placeholder && placeholder.messages.length === 0) {
        markInterrupted(read);
        this.replaceInList(read);
        this.active = read;
      }
    }
    this.postState();
  }

  /** Re-reads the history from disk so chats written by other windows appear. */
  async refreshList(): Promise<void> {
    // The chat streaming here is not read: our copy is the newest. Disk copies we do not take
    // are never marked seen, so our next write of that chat keeps what another window added.
    // Only the chats held here are read in full; the rest of the history is the index's list.
    const { chats: entries } = await this.store.loadIndex();
    const listing = listingOf(entries);
    const held = new Map<string, Chat>();
    for (const chat of this.chats) held.set(chat.id, chat);
    if (listing.has(this.active.id)) held.set(this.active.id, this.active);
    let openChatReplaced = false;
    const kept: Chat[] = [];
    for (const mine of held.values()) {
      if (mine.id === this.running?.chatId) {
        kept.push(mine);
        continue;
      }
      // Deleted in another window: no longer in the history (an open chat stays on screen). One
      // whose first write is still on its way is not on disk yet.
      if (!listing.has(mine.id)) {
        if (this.store.isWriting(mine.id)) kept.push(mine);
        continue;
      }
      const read = await this.store.peek(mine.id);
      if (!read.found) {
        if (!read.missing) kept.push(mine);
        continue;
      }
      const disk = read.chat;
      if (ourCopyStays(disk, mine, this.readContext(disk.id))) {
        kept.push(mine);
        continue;
      }
      this.takeDiskCopy(disk);
      kept.push(disk);
      if (disk.id === this.active.id) {
        this.active = disk;
        openChatReplaced = true;
      }
    }
    // A chat held while we read (opened, or started streaming) keeps its place.
    for (const chat of this.chats) if (!held.has(chat.id)) kept.push(chat);
    this.chats = kept;
    this.listing = listing;
    if (openChatReplaced) return this.postState();
    this.postList();
  }

  /**
   * A chat's file changed on disk: another window saved or deleted it, or we wrote it ourselves.
   * Whether the file's copy replaces ours is `ourCopyStays`'s decision (chatSync.ts); our own
   * write, once landed, reads back the same and redraws nothing.
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
      if (!this.findChat(chatId) && !this.listing.has(chatId)) return;
      this.chats = this.chats.filter((c) => c.id !== chatId);
      this.listing.delete(chatId);
      return this.postList();
    }
    const onDisk = read.chat;
    const mine = this.ourCopy(chatId);
    if (!mine) {
      // Not held here: only its line in the history changes.
      this.listing.set(chatId, summarize(onDisk));
      return this.postList();
    }
    if (ourCopyStays(onDisk, mine, this.readContext(chatId))) return;
    this.takeDiskCopy(onDisk);
    this.replaceInList(onDisk);
    if (this.active.id === chatId) {
      this.active = onDisk;
      return this.postState();
    }
    this.postList();
  }

  private readContext(chatId: string): ReadContext {
    return { streamingHere: this.running?.chatId === chatId, ourWritePending: this.store.isWriting(chatId) };
  }

  /** We now hold the file's copy: what it says streams elsewhere is not running here. */
  private takeDiskCopy(disk: Chat): void {
    markInterrupted(disk);
    this.store.markSeen(disk);
  }

  /**
   * Ids of the saved chats, newest first, whose title or messages hold every word of `query`.
   * Chats not held here are searched in their text as last read from disk (read once, then
   * again only when their line in the history changes).
   */
  searchChats(query: string): Promise<string[]> {
    const held = new Map(this.chats.map((chat) => [chat.id, chat]));
    held.set(this.active.id, this.active);
    const items = this.savedSummaries().map((summary) => held.get(summary.id) ?? summary);
    this.searchIndex ??= import('./chatSearch').then((module) => new module.ChatSearchIndex());
    return this.searchIndex.then((index) =>
      index.searchHistory(items, query, async (chatId) => {
        const read = await this.store.peek(chatId);
        return read.found ? read.chat : undefined;
      }),
    );
  }

  /** This window's copy of a chat, if it holds one (the open chat, or one opened or changed here). */
  chatById(chatId: string): Chat | undefined {
    return this.ourCopy(chatId);
  }

  /** This window's copy of a chat, read from disk (and held from now on) when it holds none. */
  async loadChat(chatId: string): Promise<Chat | undefined> {
    const mine = this.ourCopy(chatId);
    if (mine || !this.listing.has(chatId)) return mine;
    const read = await this.store.load(chatId);
    // Held meanwhile (opened, or another call read it first): that copy is the one to use.
    const raced = this.ourCopy(chatId);
    if (raced || !read) return raced;
    markInterrupted(read);
    this.replaceInList(read);
    return read;
  }

  async renameChat(chatId: string, title: string): Promise<void> {
    const chat = await this.loadChat(chatId);
    const name = title.replace(/\s+/g, ' ').trim();
    if (!chat || name === '' || name === chat.title) return;
    chat.title = name;
    // A later time orders the history; the other windows take this copy when the file lands.
    chat.updatedAt = this.now();
    if (chat.id === this.active.id) this.postState();
    if (chat.messages.length > 0) await this.persist(chat);
  }

  /** Puts back a chat deleted a moment ago (Undo): in the history and on disk again. */
  async restoreChat(chat: Chat): Promise<void> {
    if (this.findChat(chat.id) || this.listing.has(chat.id)) return;
    this.store.markSeen(chat);
    this.replaceInList(chat);
    await this.persist(chat);
  }

  /** Deletes every chat (the caller has asked the user to confirm) and opens a new one. */
  async deleteAllChats(): Promise<void> {
    this.stop();
    await this.idle();
    const ids = new Set([...this.listing.keys(), ...this.chats.map((chat) => chat.id), this.active.id]);
    await this.store.deleteMany([...ids]);
    this.chats = [];
    this.listing.clear();
    this.active = createChat(this.now());
    this.postState();
  }

  /** The model (and effort) this chat asks from now on; `undefined` fields go back to the settings. */
  async setChatModel(chatId: string, choice: ChatModelChoice): Promise<void> {
    const chat = await this.loadChat(chatId);
    if (!chat) return;
    clearModelChoice(chat);
    if (choice.model) chat.model = choice.model;
    if (choice.reasoningEffort) chat.reasoningEffort = choice.reasoningEffort;
    if (chat.id === this.active.id) this.postState();
    // An empty new chat is not history yet: its choice is saved with its first message.
    if (chat.messages.length > 0) await this.persist(chat);
  }

  /** The code of the last fenced block in the active chat's latest answer. */
  lastCodeBlock(): CodeBlock | undefined {
    for (let i = this.active.messages.length - 1; i >= 0; i--) {
      const message = this.active.messages[i];
      if (message?.role !== 'assistant') continue;
      const last = codeBlocks(message.content).at(-1);
      if (last) return last;
    }
    return undefined;
  }

  /** Stops any answer and writes everything to disk (extension deactivation). */
  async dispose(): Promise<void> {
    this.stop();
    await this.idle();
    await this.billed.dispose();
    await this.store.flush();
  }

  private refuseWhileBusy(): boolean {
    if (!this.running) return false;
    this.host.post({ type: 'notice', level: 'warning', text: l10n.t(BUSY_NOTICE) });
    return true;
  }

  /** `resumed`: an answer to continue in place (Continue after the tool round cap). */
  private answer(chat: Chat, user: StoredMessage, options: SendOptions, resumed?: StoredMessage): Promise<AnswerOutcome> {
    const assistant = resumed ?? createMessage('assistant', '', { status: 'streaming' }, this.now());
    const turns = conversationTurns(resumed ? chat.messages.slice(0, chat.messages.indexOf(resumed)) : chat.messages);
    if (resumed) resumeAnswer(resumed);
    else chat.messages.push(assistant);
    return this.launch(chat, user, assistant, turns, options);
  }

  /** Streams `assistant` (already in the chat) for `turns` (answerRun.ts); this session tracks it as the running answer. */
  private launch(
    chat: Chat,
    user: StoredMessage | undefined,
    assistant: StoredMessage,
    turns: ConversationTurn[],
    options: SendOptions,
    settle?: () => Promise<void>,
  ): Promise<AnswerOutcome> {
    chat.updatedAt = this.now();
    this.replaceInList(chat);
    const { abort, batcher, done: settled } = startAnswer(this.runHost, { chat, user, assistant, turns, options }, settle);
    const done = settled.finally(() => {
      this.running = undefined;
    });
    this.running = { chatId: chat.id, messageId: assistant.id, abort, batcher, done, ended: false };
    return done;
  }

  private async persist(chat: Chat): Promise<void> {
    try {
      await this.store.save(chat);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.host.log(`could not save chat ${chat.id}: ${reason}`);
      this.host.post({ type: 'notice', level: 'error', text: l10n.t('This chat could not be saved to disk ({0}). It stays open here.', reason) });
    }
    this.postList();
  }

  private postList(): void {
    this.host.post({ type: 'chatList', chats: this.savedSummaries() });
  }

  /**
   * The history, newest first: every listed chat, with the line of a chat held here taken from
   * our copy, plus held chats not listed yet. A chat with no message is not history yet.
   */
  private savedSummaries(): ChatSummary[] {
    const lines = new Map<string, ChatSummary>();
    for (const { id, title, updatedAt, messageCount } of this.listing.values()) lines.set(id, { id, title, updatedAt, messageCount });
    for (const chat of this.chats) {
      if (chat.messages.length > 0) lines.set(chat.id, summarize(chat));
      else lines.delete(chat.id);
    }
    return [...lines.values()].sort((a, b) => b.updatedAt - a.updatedAt);
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

/** The index's lines as they are (a line is a summary and more): trimmed to summaries only when posted. */
function listingOf(entries: readonly ChatIndexEntry[]): Map<string, ChatSummary> {
  const listing = new Map<string, ChatSummary>();
  for (const entry of entries) listing.set(entry.id, entry);
  return listing;
}

function clearModelChoice(chat: Chat): void {
  delete chat.model;
  delete chat.reasoningEffort;
}

/** A capped tool answer streams again: what the last run left (status, error, stats) goes. */
function resumeAnswer(message: StoredMessage): void {
  message.status = 'streaming';
  delete message.error;
  delete message.stats;
  delete message.logprobs;
}
