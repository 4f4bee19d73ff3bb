/**
 * The conversation: a `role="log"` list of message articles. It owns the message views, routes
 * stream deltas to the streaming answer and keeps Regenerate on the last answer only.
 *
 * A long chat is not drawn at once: each message starts as a placeholder with its plain text
 * (messageSlot.ts), and only those near the screen are drawn (lazyDrawing.ts). The newest
 * messages, which a chat opens on, are drawn right away; those the reader scrolls far away from
 * become placeholders again.
 */
import type { AnswerStats, MessageView, ReasoningDisplay, ToolCallView } from '../../shared/protocol';
import { el } from '../dom';
import { t } from '../i18n';
import { AssistantMessageView } from './assistantMessage';
import { LazyDrawing } from './lazyDrawing';
import { estimatedHeight, MessageSlot } from './messageSlot';
import type { MessageViewItem } from './messageSlot';
import { UserMessageView } from './userMessage';

/** How many screens of the newest messages are drawn when a chat opens (by estimated height). */
const SCREENS_DRAWN_AT_OPEN = 1.5;
/** At most this many messages are drawn to restore a saved scroll position exactly. */
const MAX_DRAWN_FOR_RESTORE = 60;
/**
 * Drawn messages further than this (in messages) from those in sight go back to placeholders.
 * Kept drawn, every message scrolled past stayed in the DOM, and scrolling back through 1,000 had
 * 60 to 180 tasks over 50 ms, up to 140 ms long (style, layout and garbage collection over all of
 * them); let go, 0 or 1 (docs/BENCHMARKS.md).
 */
const DRAWN_AROUND_SIGHT = 30;
/** Nor any within this many screens of the view: lazy drawing draws one screen beyond it (lazyDrawing.ts). */
const UNDRAWN_BEYOND_SCREENS = 2;

/** The height `contain-intrinsic-size` stands for: the content box (the border box less padding and borders). */
function contentHeight(box: DOMRect, style: CSSStyleDeclaration): number {
  const edges = [style.paddingTop, style.paddingBottom, style.borderTopWidth, style.borderBottomWidth].reduce((sum, value) => sum + (parseFloat(value) || 0), 0);
  return Math.max(0, box.height - edges);
}

export class MessageList {
  readonly element: HTMLElement;
  private slots: MessageSlot[] = [];
  private busy = false;
  private readonly lazy: LazyDrawing;
  private scroller: HTMLElement | undefined;
  private pinned: MessageSlot | undefined;
  private quietFrame: number | undefined;

  constructor(
    private reasoningDisplay: ReasoningDisplay,
    onLazyDrawn: () => void = () => undefined,
  ) {
    // Focusable from code only: the keyboard lands here when the control above the list goes away.
    this.element = el('div', { className: 'message-list', attrs: { role: 'log', 'aria-live': 'polite', 'aria-label': t('Conversation'), tabindex: '-1' } });
    this.lazy = new LazyDrawing(
      (slot) => this.slots.indexOf(slot),
      () => this.inSight(),
      // A message drawn as the reader scrolls is not news: the live region is not to read it out.
      (slot) => this.quietly(() => this.draw(slot)),
      () => {
        this.pinQuestion();
        onLazyDrawn();
      },
      () => this.captureAnchor(),
      () => this.undrawFarOff(),
    );
  }

  /** The element that scrolls the conversation: placeholders are drawn as they near its visible part. */
  attachScroller(scroller: HTMLElement): void {
    this.scroller = scroller;
    this.lazy.attach(scroller);
    // In the scroll event, before the frame is painted: the right question is stuck in that frame.
    scroller.addEventListener('scroll', () => this.pinQuestion(), { passive: true });
  }

  get isEmpty(): boolean {
    return this.slots.length === 0;
  }

  /** The messages as shown now (answers that finished carry their final version). */
  currentMessages(): MessageView[] {
    return this.slots.map((slot) => slot.current);
  }

  setReasoningDisplay(display: ReasoningDisplay): void {
    this.reasoningDisplay = display;
  }

  /** Draws a whole conversation; `streamingId` names an answer that is still arriving. */
  render(messages: readonly MessageView[], streamingId: string | undefined): void {
    this.lazy.reset();
    this.disposeViews();
    this.pinned = undefined;
    // By identity: once it has finished, the view's `current` is the final version, and a slot
    // drawn again after being undrawn must not draw that as still streaming.
    const streaming = messages.find((message) => message.id === streamingId);
    this.slots = messages.map((message) => this.slotFor(message, streaming));
    // The chat opens at its end: draw the newest screenfuls now, the rest as they come into view.
    let height = 0;
    const budget = SCREENS_DRAWN_AT_OPEN * window.innerHeight;
    for (let index = this.slots.length - 1; index >= 0; index--) {
      const slot = this.slots[index] as MessageSlot;
      if (height >= budget && slot.id !== streamingId) continue;
      height += estimatedHeight(slot.current);
      this.draw(slot);
    }
    this.element.replaceChildren(...this.slots.map((slot) => slot.element));
    for (const slot of this.slots) this.lazy.watch(slot);
    this.refreshActions();
  }

  /**
   * Draws every message from the top down to `bottom` (px into the list), so a saved scroll
   * position means the same place again: above it, no estimated heights are left.
   */
  drawDownTo(bottom: number): void {
    // Deep in a long chat the position is kept only roughly: drawing a whole chat would cost
    // what lazy drawing saves.
    for (const slot of this.slots.slice(0, MAX_DRAWN_FOR_RESTORE)) {
      if (slot.element.offsetTop - this.element.offsetTop > bottom) break;
      this.draw(slot);
    }
  }

  /**
   * Older messages arrived (a long chat scrolled back): placed above the first one, which stays
   * where it was on screen, so the reader goes on scrolling up into them. They start undrawn.
   */
  prepend(messages: readonly MessageView[]): void {
    const first = this.slots[0]?.element;
    const before = first?.getBoundingClientRect().top;
    const slots = messages.map((message) => this.slotFor(message, undefined));
    this.slots = [...slots, ...this.slots];
    // Old messages are not news.
    this.quietly(() => this.element.prepend(...slots.map((slot) => slot.element)));
    if (this.scroller && first && before !== undefined) this.scroller.scrollTop += first.getBoundingClientRect().top - before;
    for (const slot of slots) this.lazy.watch(slot);
    this.refreshActions();
  }

  /** Draws the message a placeholder element stands for (find shows a match in it); returns its drawn element. */
  drawPlaceholder(placeholder: Element): HTMLElement | undefined {
    const slot = this.slots.find((candidate) => candidate.element === placeholder);
    if (!slot) return undefined;
    this.draw(slot);
    return slot.element;
  }

  /**
   * A new answer starts. A user message we already show (edit and resend) or, for a regenerate,
   * the previous last answer is replaced together with everything after it.
   */
  startAnswer(user: MessageView | undefined, assistant: MessageView): void {
    const replaceFrom = this.replacementIndex(user, assistant);
    for (const slot of this.slots.splice(replaceFrom)) {
      this.lazy.forget(slot);
      slot.element.remove();
      slot.dispose();
    }
    for (const message of user ? [user, assistant] : [assistant]) {
      const slot = this.slotFor(message, assistant);
      slot.draw();
      this.slots.push(slot);
      this.element.append(slot.element);
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
    this.slot(messageId)?.setStats(stats);
  }

  updateToolCall(messageId: string, call: ToolCallView): void {
    this.slot(messageId)?.updateToolCall(call);
  }

  /** Renders buffered deltas of streaming answers (called once per frame). */
  renderFrame(): void {
    for (const slot of this.slots) {
      const view = slot.drawnView;
      if (view instanceof AssistantMessageView && view.isStreaming) view.renderFrame();
    }
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

  /** A slot for `message`; `streaming` is the answer still arriving, if any (by identity, see render). */
  private slotFor(message: MessageView, streaming: MessageView | undefined): MessageSlot {
    return new MessageSlot(message, (shown) => this.createView(shown, shown === streaming), () => this.reasoningDisplay !== 'hidden');
  }

  private createView(message: MessageView, streaming: boolean): MessageViewItem {
    return message.role === 'user' ? new UserMessageView(message) : new AssistantMessageView(message, this.reasoningDisplay, streaming);
  }

  /** Draws a slot; an answer brings its question along, which stays in sight above it (sticky). */
  private draw(slot: MessageSlot): void {
    const index = this.slots.indexOf(slot);
    const question = slot.role === 'assistant' ? this.slots[index - 1] : undefined;
    for (const target of question?.role === 'user' ? [question, slot] : [slot]) {
      this.lazy.forget(target);
      target.draw();
    }
  }

  /**
   * Puts drawn messages far from those in sight back to placeholders of the same height. Far in
   * messages, and beyond the drawing margin too: in a tall view of short messages, 30 can be less
   * than a screen, and what was let go would be drawn again at once, every frame.
   */
  private undrawFarOff(): void {
    const sight = this.inSight();
    if (!sight || !this.scroller) return;
    const view = this.scroller.getBoundingClientRect();
    const far = this.slots.filter((slot, index) => (index < sight.first - DRAWN_AROUND_SIGHT || index > sight.last + DRAWN_AROUND_SIGHT) && slot.undrawable);
    // All measured before any is replaced: one layout, not one per message.
    const measured = far.map((slot) => ({ slot, box: slot.element.getBoundingClientRect(), style: getComputedStyle(slot.element) }));
    this.quietly(() => {
      for (const { slot, box, style } of measured) {
        if (box.bottom > view.top - UNDRAWN_BEYOND_SCREENS * view.height && box.top < view.bottom + UNDRAWN_BEYOND_SCREENS * view.height) continue;
        slot.undraw(contentHeight(box, style));
        this.lazy.watch(slot);
      }
    });
  }

  /** Changes to the log that are not news (messages drawn or let go as the reader scrolls, older ones put above): its live region stays quiet while they are made. */
  private quietly(change: () => void): void {
    this.element.setAttribute('aria-live', 'off');
    change();
    this.quietFrame ??= requestAnimationFrame(() => {
      this.quietFrame = undefined;
      this.element.setAttribute('aria-live', 'polite');
    });
  }

  /**
   * Notes where the bottom-most message in sight is; the function returned scrolls by however far
   * drawing moved it, so what the reader looks at stays put while messages around it are drawn.
   * At the very top nothing is kept: the reader is there to see the first message.
   */
  private captureAnchor(): (() => void) | undefined {
    const scroller = this.scroller;
    if (!scroller || scroller.scrollTop === 0) return undefined;
    const found = this.slots[this.lastStartingAbove(scroller.getBoundingClientRect().bottom)];
    if (!found) return undefined;
    const before = found.element.getBoundingClientRect().top;
    return () => {
      const moved = found.element.getBoundingClientRect().top - before;
      if (Math.abs(moved) >= 1) scroller.scrollTop += moved;
    };
  }

  /** Pins the question of the turn at the top of the screen (see `pinned` in messageMarks.ts). */
  private pinQuestion(): void {
    let index = this.scroller ? this.lastStartingAbove(this.scroller.getBoundingClientRect().top + 1) : -1;
    while (index >= 0 && this.slots[index]?.role !== 'user') index--;
    const question = this.slots[index];
    if (question === this.pinned) return;
    this.pinned?.setPinned(false);
    question?.setPinned(true);
    this.pinned = question;
  }

  /** The first and last message in sight, by index. */
  private inSight(): { first: number; last: number } | undefined {
    if (!this.scroller) return undefined;
    const view = this.scroller.getBoundingClientRect();
    return { first: Math.max(0, this.lastStartingAbove(view.top + 1)), last: this.lastStartingAbove(view.bottom) };
  }

  /**
   * The index of the last message whose top is above `y` (a client coordinate), -1 if none: a
   * binary search, a few measurements for any length. Messages are in document order, so their
   * tops only grow (a stuck question sits at the top edge, below its place, still above `y`).
   */
  private lastStartingAbove(y: number): number {
    let low = 0;
    let high = this.slots.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((this.slots[middle] as MessageSlot).element.getBoundingClientRect().top < y) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  }

  private slot(messageId: string): MessageSlot | undefined {
    // The newest messages are the ones streams and late figures are about: search from the end.
    for (let index = this.slots.length - 1; index >= 0; index--) if (this.slots[index]?.id === messageId) return this.slots[index];
    return undefined;
  }

  /** The drawn view of an answer: a streaming or finishing answer is always drawn. */
  private assistant(messageId: string): AssistantMessageView | undefined {
    const view = this.slot(messageId)?.drawnView;
    return view instanceof AssistantMessageView ? view : undefined;
  }

  private replacementIndex(user: MessageView | undefined, assistant: MessageView): number {
    const byId = (id: string): number => this.slots.findIndex((slot) => slot.id === id);
    if (user && byId(user.id) >= 0) return byId(user.id);
    if (byId(assistant.id) >= 0) return byId(assistant.id);
    const last = this.slots[this.slots.length - 1];
    if (!user && last?.role === 'assistant') return this.slots.length - 1;
    return this.slots.length;
  }

  private refreshActions(): void {
    const last = this.slots[this.slots.length - 1];
    let lastUser: MessageSlot | undefined;
    for (let index = this.slots.length - 1; index >= 0 && !lastUser; index--) if (this.slots[index]?.role === 'user') lastUser = this.slots[index];
    for (const slot of this.slots) {
      // The newest question and answer show their actions (and their code blocks') all the time;
      // older ones on hover or keyboard focus, so a long chat is not a wall of buttons.
      slot.setActions(!this.busy, !this.busy && slot === last, slot === last || slot === lastUser);
    }
  }

  private disposeViews(): void {
    for (const slot of this.slots) slot.dispose();
  }
}
