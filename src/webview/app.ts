/**
 * The chat view: applies host messages to the UI and turns user actions into webview messages.
 * The host owns the conversation; this class only mirrors what it is told, plus the local state
 * a view needs (draft, scroll position, whether a request is running).
 */
import { assertNever } from '../shared/protocol';
import type { EarlierMessages as EarlierMessagesView, ErrorAction, HostMessage, MessageView, ViewState } from '../shared/protocol';
import { el } from './dom';
import { FrameScheduler } from './frameScheduler';
import { setTranslations, t } from './i18n';
import { AutoScroller } from './ui/autoScroll';
import { Composer } from './ui/composer';
import { ModelControls } from './ui/composer/modelControls';
import { QueuedMessages } from './ui/composer/queuedMessages';
import { SlashCommands } from './ui/composer/slashCommands';
import { QuoteSelection } from './ui/quoteSelection';
import { createEmptyState } from './ui/emptyState';
import { EarlierMessages } from './ui/earlierMessages';
import { FindBar } from './ui/findBar';
import { Header } from './ui/header';
import { HistoryPanel } from './ui/historyPanel';
import { MessageList } from './ui/messageList';
import { NoticeBar } from './ui/noticeBar';
import { RunningBanner } from './ui/runningBanner';
import { ParametersPanel } from './ui/parametersPanel';
import { chatCostUsd } from '../shared/chatCost';
import { loadUiState, postToHost, saveUiState } from './vscodeApi';

export class App {
  private state: ViewState | undefined;
  private readonly header: Header;
  private readonly history = new HistoryPanel();
  private readonly parameters = new ParametersPanel();
  private readonly notices = new NoticeBar();
  private readonly runningBanner = new RunningBanner((chatId) => postToHost({ type: 'openChat', chatId }));
  /** Messages drawn late (as they near the screen) keep the view at the bottom while it follows. */
  private readonly messages = new MessageList('collapsed', () => {
    this.scroller.contentChanged();
    this.find.refresh();
  });
  /** A long chat's older messages, asked for as the reader scrolls back to them. */
  private readonly earlier = new EarlierMessages((before, all) => {
    if (this.state) postToHost({ type: 'showEarlier', chatId: this.state.chat.id, before, ...(all ? { all: true } : {}) });
  });
  private readonly find = new FindBar({
    root: () => this.messages.element,
    scroller: () => this.conversation,
    loadAll: () => this.earlier.requestAll(),
    draw: (placeholder) => this.messages.drawPlaceholder(placeholder),
    closed: (focusBefore) => {
      this.earlier.cancelAll();
      if (focusBefore) focusBefore.focus();
      else this.composer.focus();
    },
  });
  private readonly composer: Composer;
  private readonly modelControls = new ModelControls();
  private readonly queued: QueuedMessages;
  private readonly slashCommands: SlashCommands;
  private readonly scroller: AutoScroller;
  private readonly conversation: HTMLElement;
  private readonly emptyState: HTMLElement;
  private readonly frames = new FrameScheduler(() => this.renderFrame());
  /** The answer being streamed, if any (it may belong to a chat we are not showing). */
  private streaming: { chatId: string; messageId: string } | undefined;
  /** `send` was posted and the host has not answered yet. */
  private sendPending: string | undefined;
  private restoreScrollOnNextState = true;
  private emptyStateKey = '';

  constructor(root: HTMLElement) {
    const saved = loadUiState();
    this.header = new Header();
    this.composer = new Composer(
      {
        onSend: (text) => this.send(text),
        onStop: () => this.stop(),
        onDraftChange: (draft) => saveUiState({ draft }),
        onMentionQuery: (query) => postToHost({ type: 'contextQuery', query }),
        onAttachFile: (path) => postToHost({ type: 'attachFile', path }),
        onRemoveAttachment: (id) => postToHost({ type: 'removeAttachment', id }),
        onAddContext: () => postToHost({ type: 'addContext' }),
        onDropFiles: (uris) => postToHost({ type: 'dropFiles', uris }),
        onAttachBinary: (message) => postToHost(message),
        onAttachRefused: (text) => this.notices.show('warning', text),
      },
      saved.draft,
    );
    this.composer.addControls(this.modelControls.element);
    this.queued = new QueuedMessages((text) => {
      this.composer.setDraft(text);
      this.composer.focus();
    });
    this.slashCommands = new SlashCommands(this.composer.textArea, (message) => {
      this.composer.setDraft('');
      postToHost(message);
    });
    // The command list takes its keys before the composer's Enter-to-send.
    this.composer.element.addEventListener('keydown', (event) => this.slashCommands.handleKey(event), true);
    this.emptyState = el('div', { className: 'empty-state-holder' });
    this.conversation = el('main', { className: 'conversation' }, this.emptyState, this.earlier.element, this.messages.element);
    const quote = new QuoteSelection(this.conversation, (text) => {
      const draft = this.composer.textArea.value;
      this.composer.setDraft(draft.trim() === '' ? text : `${draft.replace(/\s*$/, '')}\n\n${text}`);
      this.composer.focus();
    });
    this.scroller = new AutoScroller(this.conversation, (scrollTop, following) => saveUiState({ scrollTop, following }));
    this.messages.attachScroller(this.conversation);
    this.earlier.attach(this.conversation);
    root.replaceChildren(
      this.header.element,
      this.history.element,
      this.parameters.element,
      this.find.element,
      el('div', { className: 'conversation-frame' }, this.conversation, this.scroller.jumpButton, quote.element),
      this.notices.element,
      this.runningBanner.element,
      this.queued.element,
      this.slashCommands.element,
      this.composer.element,
    );
    // The panels open from the title bar; Esc inside one closes it and gives focus back to the message box.
    for (const panel of [this.history, this.parameters]) {
      panel.element.addEventListener('keydown', (event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        this.setPanelOpen(panel === this.history ? 'history' : 'parameters', false);
        this.composer.focus();
      });
    }
    // Esc stops the answer from anywhere in the view (inner editors stop the event themselves).
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.streaming && !event.defaultPrevented) this.stop();
      // Ctrl+F (Cmd+F on a Mac, where Ctrl+F moves the cursor): the view's own find, since VS Code has none for a side bar webview.
      const mac = navigator.userAgent.includes('Mac');
      if ((mac ? event.metaKey : event.ctrlKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f' && !event.defaultPrevented) {
        event.preventDefault();
        // Not passed on to VS Code (its webview forwards keys from the window), whose Find would
        // open in the last editor and take the keyboard away from this one.
        event.stopPropagation();
        this.find.open();
      }
    });
  }

  handle(message: HostMessage): void {
    switch (message.type) {
      case 'state':
        return this.applyState(message.state);
      case 'chatList':
        return this.updateState({ chats: message.chats });
      case 'keySource':
        this.sendPending = undefined;
        return this.updateState({ keySource: message.keySource });
      case 'settings':
        return this.updateState({ settings: message.settings });
      case 'streamStart':
        return this.startStream(message.chatId, message.user, message.assistant);
      case 'streamDelta':
        if (this.streaming?.messageId !== message.messageId) return;
        if (this.messages.appendDelta(message.messageId, message.reasoning, message.content)) this.frames.schedule();
        return;
      case 'streamEnd':
        return this.endStream(message.chatId, message.message);
      case 'answerStats':
        if (this.state?.chat.id === message.chatId) this.messages.updateStats(message.messageId, message.stats);
        // The header's chat cost adds up the shown answers' figures.
        return this.refreshChrome();
      case 'toolCall':
        if (this.state?.chat.id === message.chatId) this.messages.updateToolCall(message.messageId, message.call);
        this.scroller.contentChanged();
        return;
      case 'notice':
        this.noticeFromHost(message.level, message.text, message.actions);
        return;
      case 'focusInput':
        // A new chat (the title bar's New chat) starts with the history closed.
        this.setPanelOpen('history', false);
        return this.composer.focus();
      case 'togglePanel':
        return this.setPanelOpen(message.panel, !(message.panel === 'history' ? this.history : this.parameters).isOpen);
      case 'contextDraft':
        return this.composer.setAttachments(message.attachments);
      case 'contextSuggestions':
        return this.composer.showSuggestions(message.query, message.items);
      case 'contextUsage':
        return this.composer.setUsage(message.usage);
      case 'searchResults':
        return this.history.searchResults(message.query, message.chatIds);
      case 'earlierMessages':
        return this.addEarlier(message.chatId, message.before, message.messages, message.earlier);
      default:
        assertNever(message);
    }
  }

  private applyState(state: ViewState): void {
    this.state = state;
    this.sendPending = undefined;
    setTranslations(state.strings);
    this.streaming = state.streaming ? { ...state.streaming } : undefined;
    this.messages.setReasoningDisplay(state.settings.reasoningDisplay);
    this.messages.render(state.chat.messages, state.streaming?.chatId === state.chat.id ? state.streaming.messageId : undefined);
    this.earlier.set(state.chat.earlier?.count ?? 0);
    // Find searches every message: a new state (another chat) is asked for whole again.
    if (this.find.isOpen) this.earlier.requestAll();
    this.refreshChrome();
    this.find.refresh();
    if (this.restoreScrollOnNextState) {
      this.restoreScrollOnNextState = false;
      const saved = loadUiState();
      // The saved position was measured on drawn messages: draw those above it (and in sight) first.
      if (!saved.following) this.messages.drawDownTo(saved.scrollTop + this.conversation.clientHeight);
      this.scroller.restore(saved.scrollTop, saved.following);
    } else {
      this.scroller.jumpToLatest();
    }
  }

  /** The page before the messages shown arrived (the reader scrolled back, or find asked for all). */
  private addEarlier(chatId: string, before: number, messages: readonly MessageView[], earlier: EarlierMessagesView | undefined): void {
    // Meant for a chat or a list this view no longer shows: the state that replaced it is right.
    if (!this.state || this.state.chat.id !== chatId || this.earlier.before !== before) return;
    const { earlier: _sent, ...chat } = this.state.chat;
    this.state = { ...this.state, chat: earlier ? { ...chat, earlier } : chat };
    // The last page came from its button: the keyboard goes to the list, not to the button's hidden place.
    const buttonFocused = !earlier && document.activeElement === this.earlier.element;
    this.messages.prepend(messages);
    this.earlier.set(earlier?.count ?? 0, true);
    if (buttonFocused) this.messages.element.focus();
    this.refreshChrome();
    this.find.refresh();
  }

  /** Applies a partial update; the conversation is redrawn only when a setting changes its look. */
  private updateState(patch: Partial<ViewState>): void {
    if (!this.state) return;
    const before = this.state;
    this.state = { ...before, ...patch };
    if (patch.settings && patch.settings.reasoningDisplay !== before.settings.reasoningDisplay && !this.streaming) {
      this.messages.setReasoningDisplay(patch.settings.reasoningDisplay);
      this.messages.render(this.messages.currentMessages(), undefined);
      this.find.refresh();
    }
    this.refreshChrome();
  }

  private startStream(chatId: string, user: MessageView | undefined, assistant: MessageView): void {
    this.sendPending = undefined;
    this.streaming = { chatId, messageId: assistant.id };
    if (this.state?.chat.id === chatId) this.messages.startAnswer(user, assistant);
    this.refreshChrome();
    this.scroller.contentChanged();
  }

  private endStream(chatId: string, final: MessageView): void {
    this.frames.flush();
    if (this.streaming?.messageId === final.id) this.streaming = undefined;
    if (this.state?.chat.id === chatId) this.messages.finishAnswer(final);
    this.find.refresh();
    this.refreshChrome();
    this.scroller.contentChanged();
    // A message queued during this answer goes now, unless the answer was stopped or failed:
    // after Stop the user decides again.
    if (final.status === 'done' && !this.streaming && this.queued.size > 0) {
      const next = this.queued.takeFirst();
      if (next !== undefined) this.send(next);
    }
  }

  private renderFrame(): void {
    this.messages.renderFrame();
    this.scroller.contentChanged();
  }

  private send(text: string): boolean {
    if (this.streaming) {
      // Sent when this answer ends (see endStream).
      this.queued.add(text);
      return true;
    }
    if (this.sendPending !== undefined) {
      this.notices.show('warning', t('An answer is still being written. Wait for it or stop it before sending another message.'));
      return false;
    }
    this.notices.clear();
    this.sendPending = text;
    postToHost({ type: 'send', text, ...(this.composer.webSearch.pressed ? { webSearch: true } : {}) });
    this.composer.webSearch.set(false);
    this.refreshChrome();
    return true;
  }

  private stop(): void {
    if (this.streaming) postToHost({ type: 'stop' });
  }

  /** Opens or closes a panel; an opened one takes the keyboard focus, as a title action's view would. */
  private setPanelOpen(panel: 'history' | 'parameters', open: boolean): void {
    const target = panel === 'history' ? this.history : this.parameters;
    target.setOpen(open);
    this.refreshChrome();
    if (open) target.element.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  }

  private noticeFromHost(level: 'info' | 'warning' | 'error', text: string, actions: readonly ErrorAction[] = []): void {
    if (level === 'info') {
      // Information along the way (e.g. which instructions were included), never a refusal.
      this.notices.show(level, text, actions);
      return;
    }
    // A refusal of our `send` (no key, request running): give the text back to the user.
    const refused = this.sendPending;
    this.sendPending = undefined;
    if (refused !== undefined) this.composer.restoreDraft(refused);
    this.notices.show(level, text, actions);
    this.refreshChrome();
  }

  /** Everything around the conversation that depends on the state and on running requests. */
  private refreshChrome(): void {
    const busy = this.streaming !== undefined || this.sendPending !== undefined;
    // While an answer streams Send stays on: it queues (see send).
    this.composer.setBusy(this.sendPending !== undefined, this.streaming !== undefined);
    this.messages.setBusy(busy);
    if (!this.state) return;
    this.runningBanner.update(this.streaming?.chatId, this.state.chat.id, this.state.chats);
    // The list carries the title the first question gave the chat; the chat itself is not resent for it.
    const chatId = this.state.chat.id;
    this.header.setTitle(this.state.chats.find((chat) => chat.id === chatId)?.title ?? this.state.chat.title);
    this.header.setCost(chatCostUsd(this.messages.currentMessages(), this.state.chat.earlier?.costUsd));
    this.parameters.update(this.state.chat.id, this.state.chat.parameters, this.state.settings.reasoningEfforts);
    this.modelControls.update(this.state.chat, this.state.settings);
    // The note is about the configured model, the one the host looked up; a chat's own model is not judged.
    const chatModel = this.state.chat.model ?? this.state.settings.model;
    this.composer.setToolsUnsupported(this.state.settings.toolsUnsupported === true && chatModel === this.state.settings.model);
    this.history.update(this.state.chats, this.state.chat.id);
    // Rebuilt only when it changes, so keyboard focus inside it is not lost on every update.
    const emptyStateKey = this.messages.isEmpty ? this.state.keySource : '';
    if (emptyStateKey !== this.emptyStateKey) {
      this.emptyStateKey = emptyStateKey;
      this.emptyState.replaceChildren(...(emptyStateKey ? [createEmptyState(this.state.keySource)] : []));
      this.emptyState.hidden = !emptyStateKey;
    }
  }
}
