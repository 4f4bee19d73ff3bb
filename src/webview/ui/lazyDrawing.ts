/**
 * Draws placeholders as they come within a screen of the visible part of the conversation. An
 * IntersectionObserver on the scroller says which ones are near; they are drawn nearest the
 * bottom first, a few milliseconds' worth per frame, so scrolling fast through a long chat never
 * blocks the main thread for long. Drawing changes a message's height: `anchor` is called before
 * each batch and its result after, so what the reader looks at stays in place; `onDrawn` lets the
 * view stay pinned to the bottom while it follows. Each batch first lets `undrawFarOff` put
 * messages the reader has left far behind back to placeholders: what is drawn stays about what
 * surrounds the reader, however long the chat (see MessageList).
 */
import type { MessageSlot } from './messageSlot';

/** Work per frame; a frame is 16 ms and the browser needs the rest for style and layout. */
const FRAME_BUDGET_MS = 8;
/** How far beyond the visible part a message is drawn ahead of being seen. */
const MARGIN = '100% 0px';

export class LazyDrawing {
  private observer: IntersectionObserver | undefined;
  private readonly slotOf = new WeakMap<Element, MessageSlot>();
  private readonly pending = new Set<MessageSlot>();
  private frame: number | undefined;

  constructor(
    private readonly order: (slot: MessageSlot) => number,
    /** The first and last message (by index) in sight. */
    private readonly inSight: () => { first: number; last: number } | undefined,
    private readonly drawSlot: (slot: MessageSlot) => void,
    private readonly onDrawn: () => void,
    private readonly anchor: () => (() => void) | undefined,
    /** Called once per batch, right after `anchor` has measured: layout is clean, measuring is free. */
    private readonly undrawFarOff: () => void,
  ) {}

  /** The element that scrolls the conversation (the observer's root). */
  attach(scroller: HTMLElement): void {
    this.observer = new IntersectionObserver((entries) => this.onIntersections(entries), { root: scroller, rootMargin: MARGIN });
  }

  /** Watches a placeholder until it is drawn. */
  watch(slot: MessageSlot): void {
    if (slot.drawnView || !this.observer) return;
    this.slotOf.set(slot.element, slot);
    this.observer.observe(slot.element);
  }

  /** Stops watching a slot about to be drawn (by us or by anyone else). */
  forget(slot: MessageSlot): void {
    this.pending.delete(slot);
    if (!slot.drawnView) this.observer?.unobserve(slot.element);
  }

  /** Forgets every placeholder (the list was replaced). */
  reset(): void {
    this.observer?.disconnect();
    this.pending.clear();
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
  }

  private onIntersections(entries: readonly IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const slot = this.slotOf.get(entry.target);
      if (!slot) continue;
      if (entry.isIntersecting) this.pending.add(slot);
      else this.pending.delete(slot);
    }
    // A frame already asked for drains them, within its budget.
    if (this.frame === undefined) this.drain();
  }

  /**
   * Pending slots, those in sight first, then the nearest (counted in messages); at equal distance
   * the lower one first (scrolling up, it is the next to be seen from where the reader came).
   * Counted by index, not measured: measuring every pending slot forced a layout per slot.
   */
  private byDistance(): MessageSlot[] {
    const sight = this.inSight();
    const ranked = [...this.pending].map((slot) => {
      const order = this.order(slot);
      const distance = !sight ? 0 : order < sight.first ? sight.first - order : order > sight.last ? order - sight.last : 0;
      return { slot, distance, order };
    });
    ranked.sort((a, b) => a.distance - b.distance || b.order - a.order);
    return ranked.map((entry) => entry.slot);
  }

  private drain(): void {
    this.frame = undefined;
    if (this.pending.size === 0) return;
    const started = performance.now();
    const queue = this.byDistance();
    const restore = this.anchor();
    this.undrawFarOff();
    for (const slot of queue) {
      this.forget(slot);
      this.drawSlot(slot);
      if (performance.now() - started >= FRAME_BUDGET_MS) break;
    }
    restore?.();
    this.onDrawn();
    if (this.pending.size > 0) this.frame = requestAnimationFrame(() => this.drain());
  }
}
