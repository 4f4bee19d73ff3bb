/**
 * The conversation: a `role="log"` list of message articles. It owns the message views, routes
 * stream deltas to the streaming answer and keeps Regenerate on the last answer only.
 */
import type { AnswerStats, MessageView, ReasoningDisplay, ToolCallView } from '../../shared/protocol';
import { el } from '../dom';
import { t } from '../i18n';
import { AssistantMessageView } from './assistantMessage';
import { UserMessageView } from './userMessage';

type MessageViewItem = AssistantMessageView | UserMessageView;

export class MessageList {
  readonly element: HTMLElement;
  private views: MessageViewItem[] = [];
  private busy = false;

  constructor(private reasoningDisplay: ReasoningDisplay) {
    this.element = el('div', { className: 'message-list', attrs: { role: 'log', 'aria-live': 'polite', 'aria-label': t('Conversation') } });
  }

  get isEmpty(): boolean {
    return this.views.length === 0;
  }

  /** The messages as shown now (answers that finished carry their final version). */
  currentMessages(): MessageView[] {
    return this.views.map((view) => view.current);
  }

  setReasoningDisplay(display: ReasoningDisplay): void {
    this.reasoningDisplay = display;
  }

  /** Draws a whole conversation; `streamingId` names an answer that is still arriving. */
  render(messages: readonly MessageView[], streamingId: string | undefined): void {
    this.disposeViews();
    this.views = messages.map((message) => this.createView(message, message.id === streamingId));
    this.element.replaceChildren(...this.views.map((view) => view.element));
    this.refreshActions();
  }

  /**
   * A new answer starts. A user message we already show (edit and resend) or, for a regenerate,
   * the previous last answer is replaced together with everything after it.
   */
  startAnswer(user: MessageView | undefined, assistant: MessageView): void {
    const replaceFrom = this.replacementIndex(user, assistant);
    for (const view of this.views.splice(replaceFrom)) {
      view.element.remove();
      if (view instanceof AssistantMessageView) view.dispose();
    }
    for (const message of user ? [user, assistant] : [assistant]) {
      const view = this.createView(message, message === assistant);
      this.views.push(view);
      this.element.append(view.element);
    }
    this.refreshActions();
  }

  appendDelta(messageId: string, reasoning: string | undefined, content: string | undefined): boolean {
    const view = this.assistant(messageId);
    view?.appendDelta(reasoning, content);
    return view !== undefined;
  }

  /** Late figures of an ended answer (a stopped or failed one's billed tokens and cost). */
  updateStats(messageId: string, stats: AnswerStats): void {
    this.assistant(messageId)?.setStats(stats);
  }

  updateToolCall(messageId: string, call: ToolCallView): void {
    this.assistant(messageId)?.updateToolCall(call);
  }

  /** Renders buffered deltas of streaming answers (called once per frame). */
  renderFrame(): void {
    for (const view of this.views) if (view instanceof AssistantMessageView && view.isStreaming) view.renderFrame();
  }

  finishAnswer(message: MessageView): boolean {
    const view = this.assistant(message.id);
    view?.finish(message);
    this.refreshActions();
    return view !== undefined;
  }

  setBusy(busy: boolean): void {
    this.busy = busy;
    this.refreshActions();
  }

  private createView(message: MessageView, streaming: boolean): MessageViewItem {
    const view = message.role === 'user' ? new UserMessageView(message) : new AssistantMessageView(message, this.reasoningDisplay, streaming);
    // Still shown in full, but dimmed: a summary below stands in for it in requests.
    if (message.summarized) {
      view.element.classList.add('is-summarized');
      view.element.title = t('Summarized below: no longer sent to the model');
    }
    return view;
  }

  private assistant(messageId: string): AssistantMessageView | undefined {
    const view = this.views.find((candidate) => candidate.id === messageId);
    return view instanceof AssistantMessageView ? view : undefined;
  }

  private replacementIndex(user: MessageView | undefined, assistant: MessageView): number {
    const byId = (id: string): number => this.views.findIndex((view) => view.id === id);
    if (user && byId(user.id) >= 0) return byId(user.id);
    if (byId(assistant.id) >= 0) return byId(assistant.id);
    const last = this.views[this.views.length - 1];
    if (!user && last instanceof AssistantMessageView) return this.views.length - 1;
    return this.views.length;
  }

  private refreshActions(): void {
    const last = this.views[this.views.length - 1];
    const lastUser = [...this.views].reverse().find((view) => view instanceof UserMessageView);
    for (const view of this.views) {
      if (view instanceof UserMessageView) view.setEditable(!this.busy);
      else view.setRegenerateAllowed(!this.busy && view === last);
      // The newest question and answer show their actions (and their code blocks') all the time;
      // older ones on hover or keyboard focus, so a long chat is not a wall of buttons.
      view.element.classList.toggle('is-latest', view === last || view === lastUser);
    }
  }

  private disposeViews(): void {
    for (const view of this.views) if (view instanceof AssistantMessageView) view.dispose();
  }
}
