/**
 * One message of the conversation, drawn only once it comes near the screen. Until then it is a
 * placeholder that holds the message's plain text: cheap to build (no markdown, no sanitizing, no
 * highlighting), still found by the find widget (it searches the DOM's text), and skipped by
 * layout while off screen (`content-visibility: auto` with a size estimated from the text), so a
 * chat of a thousand messages costs about what the screenful in view costs. The slot sets the
 * marks (classes, attributes) of whichever element it shows, the same way (messageMarks.ts).
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

  constructor(
    private message: MessageView,
    private readonly create: (message: MessageView) => MessageViewItem,
  ) {
    this.element = el('article', { className: 'message-placeholder' }, ...summaryLabel(message), message.label ?? message.content);
    this.element.style.containIntrinsicSize = `auto ${estimatedHeight(message)}px`;
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
    this.applyActions();
    return view;
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
