/**
 * The conversation controller: owns the open chat, runs one answer at a time, streams it to the
 * view, and persists every turn; the history beside it (the chats listed, reopened, deleted and
 * kept in step with other windows) is chatHistory.ts's. Editor-free, so it is tested in plain
 * Node against the local server.
 *
 * One answer at a time is a promise the view relies on: a second question while one streams is
 * refused with a notice (typed questions) or queued (code actions), never interleaved.
 */
import type { ChatParameterOverrides, ViewState } from '../../shared/protocol';
import * as l10n from '../l10n';
import type { ConversationTurn } from '../openrouter/requestBuilder';
import { BilledFigures } from './billedFigures';
import { ChatHistory } from './chatHistory';
import { createChat, createMessage, conversationTurns, indexOfMessage, markRevised, messagePage, removeMessagesAfter, titleFromQuestion, toChatView, UNTITLED_CHAT, type Chat, type StoredMessage } from './chat';
import { MessageWindow } from './messageWindow';
import type { ChatStore, CorruptChatFile } from './chatStore';
import type { DeltaBatcher } from './deltaBatcher';
import { ToolAnswers } from '../tools/toolAnswers';
import { normalizeOverrides } from './chatParameters';
import { codeBlocks, type CodeBlock } from '../codeActions/codeFence';
import { isSummary } from './summary';
import { settleCompaction, startAnswer, type AnswerRunHost } from './answerRun';
import type { AnswerOutcome, ChatModelChoice, ChatSessionHost, SendOptions } from './sessionHost';

export type { PreparedRequest, PrepareContext, PrepareResult, ChatSessionHost, PrepareOptions, PrepareRequestOptions, ChatModelChoice, SendOptions, AnswerOutcome } from './sessionHost';

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
  /** The history beside this conversation: the chats listed, and those held here in full. */
  private readonly history: ChatHistory;
  /** Which of the open chat's messages the views have. */
  private readonly window = new MessageWindow();
  private active: Chat = createChat();
  private running: Running | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** Settles when `init` has read the history; until then a question waits for it. */
  private historyRead: Promise<unknown> | undefined;
  private historyLoaded = false;
  private readonly tools: ToolAnswers;
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
    this.history = new ChatHistory(store, {
      post: (message) => host.post(message),
      log: (line) => host.log(line),
      now: () => this.now(),
      active: () => this.active,
      setActive: (chat) => {
        this.active = chat;
      },
      postState: () => this.postState(),
      streamingChatId: () => this.running?.chatId,
      stop: () => this.stop(),
      idle: () => this.idle(),
    });
    this.runHost = {
      post: (message) => host.post(message),
      prepare: (turns, signal, options) => host.prepare(turns, signal, options),
      log: (line) => host.log(line),
      now: () => this.now(),
      tools: this.tools,
      billed: this.billed,
      persist: (chat) => this.history.persist(chat),
      answerEnded: (messageId) => {
        if (this.running?.messageId === messageId) this.running.ended = true;
      },
      ourCopy: (chatId) => this.history.ourCopy(chatId),
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
    const { newest, corrupt } = await this.history.load();
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
      chat: toChatView(this.active, this.window.from(this.active)),
      chats: this.history.summaries(),
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
      await this.history.persist(chat);
    }
  }

  async openChat(chatId: string): Promise<void> {
    return this.history.open(chatId);
  }

  async deleteChat(chatId: string): Promise<void> {
    return this.history.delete(chatId);
  }

  /** Re-reads the history from disk so chats written by other windows appear. */
  async refreshList(): Promise<void> {
    return this.history.refresh();
  }

  /** A chat's file changed on disk (another window, or our own write): see ChatHistory.changedOnDisk. */
  async chatChangedOnDisk(chatId: string | undefined): Promise<void> {
    return this.history.changedOnDisk(chatId);
  }

  /** The view scrolled back, or searches: sends the open chat's messages before the `before` it has. */
  showEarlier(chatId: string, before: number, all = false): void {
    const chat = this.active;
    // Another chat was opened since: its state is on its way.
    if (chat.id !== chatId) return;
    const page = this.window.showEarlier(chat, before, all);
    if (page === 'covered') return;
    // The view missed an update: the whole state puts it right.
    if (!page) return this.postState();
    this.host.post({ type: 'earlierMessages', chatId, before: page.before, ...messagePage(chat.messages, page.from, page.before) });
  }

  /** Ids of the saved chats, newest first, whose title or messages hold every word of `query`. */
  searchChats(query: string): Promise<string[]> {
    return this.history.search(query);
  }

  /** This window's copy of a chat, if it holds one (the open chat, or one opened or changed here). */
  chatById(chatId: string): Chat | undefined {
    return this.history.ourCopy(chatId);
  }

  /** This window's copy of a chat, read from disk (and held from now on) when it holds none. */
  async loadChat(chatId: string): Promise<Chat | undefined> {
    return this.history.loadChat(chatId);
  }

  async renameChat(chatId: string, title: string): Promise<void> {
    return this.history.rename(chatId, title);
  }

  /** Puts back a chat deleted a moment ago (Undo): in the history and on disk again. */
  async restoreChat(chat: Chat): Promise<void> {
    return this.history.restore(chat);
  }

  /** Deletes every chat (the caller has asked the user to confirm) and opens a new one. */
  async deleteAllChats(): Promise<void> {
    return this.history.deleteAll();
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
    if (chat.messages.length > 0) await this.history.persist(chat);
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
    this.history.hold(chat);
    const { abort, batcher, done: settled } = startAnswer(this.runHost, { chat, user, assistant, turns, options }, settle);
    const done = settled.finally(() => {
      this.running = undefined;
    });
    this.running = { chatId: chat.id, messageId: assistant.id, abort, batcher, done, ended: false };
    return done;
  }
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
