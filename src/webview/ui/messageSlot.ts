/**
 * One message of the conversation, drawn only while it is near the screen. Until then it is a
 * placeholder that holds the message's plain text: cheap to build (no markdown, no sanitizing, no
 * highlighting), still found by the find bar (it searches the DOM's text), and skipped by layout
 * while off screen (`content-visibility: auto` with a size estimated from the text). Once the
 * reader has scrolled far past a drawn message, it becomes a placeholder again (`undraw`), so a chat
 * of a thousand messages costs about what the screens around the reader cost, however far they
 * scroll. The slot sets the marks (classes, attributes) of whichever element it shows, the same
 * way (messageMarks.ts).
 */
import type { AnswerStats, MessageView, ToolCallView } from '../../shared/protocol';
import { el } from '../dom';
import { AssistantMessageView } from './assistantMessage';
import { markMessage, summaryLabel } from './messageMarks';
import { UserMessageView } from './userMessage';

export type MessageViewItem = AssistantMessageView | UserMessageView;

/** A rough line of text at the usual side bar width; only the scroll bar's size depends on it. */
const CHARS_PER_LINE = 60;
const LINE_PX = 20;
const MESSAGE_CHROME_PX = 40;

/** The height a message's placeholder reserves before the browser lays it out. */
export function estimatedHeight(message: MessageView): number {
  // Counted in place: splitting every message of a long chat into lines would cost more than drawing a screenful.
  const text = message.content;
  let lines = 0;
  for (let start = 0; start <= text.length; ) {
    const end = text.indexOf('\n', start);
    const length = (end < 0 ? text.length : end) - start;
    lines += Math.max(1, Math.ceil(length / CHARS_PER_LINE));
    if (end < 0) break;
    start = end + 1;
  }
  return MESSAGE_CHROME_PX + lines * LINE_PX;
}

export class MessageSlot {
  element: HTMLElement;
  private view: MessageViewItem | undefined;
  private editable = true;
  private regenerateAllowed = false;
  private latest = false;
  private pinned = false;
  /** The user clicked or typed in the drawn view: it may hold what they did (see `undrawable`). */
  private touched = false;

  constructor(
    private message: MessageView,
    private readonly create: (message: MessageView) => MessageViewItem,
    /** Whether a drawn answer shows its reasoning (the setting): then so does the placeholder, to the find bar. */
    private readonly showsReasoning: () => boolean,
  ) {
    this.element = placeholder(message, estimatedHeight(message), showsReasoning());
    this.mark();
  }

  get id(): string {
    return this.message.id;
  }

  get role(): MessageView['role'] {
    return this.message.role;
  }

  /** The message as shown now (a drawn answer's view carries its final version). */
  get current(): MessageView {
    return this.view?.current ?? this.message;
  }

  get drawnView(): MessageViewItem | undefined {
    return this.view;
  }

  /** Replaces the placeholder with the real view (in the DOM too, if it is there). */
  draw(): MessageViewItem {
    if (this.view) return this.view;
    const view = this.create(this.message);
    this.view = view;
    // Off screen it is skipped like the placeholder was (main.css): the same height stands in.
    view.element.style.containIntrinsicSize = this.element.style.containIntrinsicSize;
    if (this.element.isConnected) this.element.replaceWith(view.element);
    this.element = view.element;
    const touch = (): void => {
      this.touched = true;
    };
    view.element.addEventListener('pointerdown', touch);
    view.element.addEventListener('keydown', touch);
    this.applyActions();
    return view;
  }

  /**
   * Whether the drawn view can go back to a placeholder without losing anything: not an answer
   * still arriving, not where the keyboard is, and not one the user clicked or typed in, which may
   * hold their doing (a reasoning section opened, an edit under way, a selection, a card's state).
   */
  get undrawable(): boolean {
    const view = this.view;
    if (!view || this.touched) return false;
    if (view instanceof AssistantMessageView && view.isStreaming) return false;
    return !view.element.contains(document.activeElement);
  }

  /**
   * Back to a placeholder of the message as shown now, `height` tall (the view's, measured by the
   * caller), so nothing around it moves; drawn again when it comes near the screen.
   */
  undraw(height: number): void {
    const view = this.view;
    if (!view) return;
    this.message = view.current;
    this.view = undefined;
    const shown = placeholder(this.message, height, this.showsReasoning());
    view.element.replaceWith(shown);
    this.element = shown;
    if (view instanceof AssistantMessageView) view.dispose();
    this.mark();
  }

  /** Regenerate on the last answer, Edit when no request runs, actions shown on the newest turn. */
  setActions(editable: boolean, regenerateAllowed: boolean, latest: boolean): void {
    const changed = latest !== this.latest;
    this.editable = editable;
    this.regenerateAllowed = regenerateAllowed;
    this.latest = latest;
    if (this.view) this.applyActions();
    else if (changed) this.mark();
  }

  /** The question at the top of the screen stays in sight (see `pinned` in messageMarks.ts). */
  setPinned(pinned: boolean): void {
    if (pinned === this.pinned) return;
    this.pinned = pinned;
    this.mark();
  }

  /** Late figures for an answer; a placeholder keeps them for when it is drawn. */
  setStats(stats: AnswerStats): void {
    if (this.view instanceof AssistantMessageView) this.view.setStats(stats);
    else if (!this.view) this.message = { ...this.message, stats };
    this.mark();
  }

  updateToolCall(call: ToolCallView): void {
    if (this.view instanceof AssistantMessageView) this.view.updateToolCall(call);
    else if (!this.view) {
      const tools = this.message.tools ?? [];
      const known = tools.some((tool) => tool.id === call.id);
      this.message = { ...this.message, tools: known ? tools.map((tool) => (tool.id === call.id ? call : tool)) : [...tools, call] };
    }
  }

  dispose(): void {
    if (this.view instanceof AssistantMessageView) this.view.dispose();
  }

  /** Marks the element shown now, placeholder or view, from the message as shown now. */
  mark(): void {
    const view = this.view;
    markMessage(this.element, this.current, { latest: this.latest, streaming: view instanceof AssistantMessageView && view.isStreaming, pinned: this.pinned });
  }

  private applyActions(): void {
    const view = this.view;
    if (view instanceof UserMessageView) view.setEditable(this.editable);
    else view?.setRegenerateAllowed(this.regenerateAllowed);
    this.mark();
  }
}

/**
 * A message not drawn: its plain text, standing `height` px tall while off screen. It holds what
 * the find bar searches in the drawn view, in the same order: the reasoning (hidden, as a folded
 * section is) before the answer, so a match is counted the same whether its message is drawn or not.
 */
function placeholder(message: MessageView, height: number, withReasoning: boolean): HTMLElement {
  const reasoning = withReasoning && message.reasoning ? [el('div', { className: 'placeholder-reasoning', text: message.reasoning, attrs: { hidden: '' } })] : [];
  const element = el('article', { className: 'message-placeholder' }, ...summaryLabel(message), ...reasoning, message.label ?? message.content);
  element.style.containIntrinsicSize = `auto ${height}px`;
  return element;
}
