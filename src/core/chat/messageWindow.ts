/**
 * Which of the open chat's messages the views are sent. A long chat opens with its newest page
 * only: sending a thousand messages' text to the webview (a structured clone of megabytes) cost
 * more than drawing the screenful in sight (docs/BENCHMARKS.md, long chat). Scrolling back, or
 * searching with the find bar, asks for the earlier ones (`showEarlier`), a page at a time or all
 * at once. The window belongs to the session, not to one view: the side bar and the editor tab
 * show the same conversation, so both are sent the same messages.
 */
import type { Chat } from './chat';

/** The messages a view is sent at once: a chat of up to this many arrives whole. */
export const MESSAGES_PER_PAGE = 100;

export class MessageWindow {
  private shown: { chatId: string; from: number } | undefined;

  /** The index of the first message the views are sent; a chat opened anew starts at its newest page. */
  from(chat: Chat): number {
    if (this.shown?.chatId !== chat.id) this.shown = { chatId: chat.id, from: Math.max(0, chat.messages.length - MESSAGES_PER_PAGE) };
    // Another window may have shortened the chat under us.
    return Math.min(this.shown.from, chat.messages.length);
  }

  /**
   * Starts the window a page earlier (or at the first message); returns the new start, or
   * undefined when the view's `before` is not where the window starts (it missed an update).
   */
  showEarlier(chat: Chat, before: number, all: boolean): number | undefined {
    if (before <= 0 || this.from(chat) !== before) return undefined;
    const from = all ? 0 : Math.max(0, before - MESSAGES_PER_PAGE);
    this.shown = { chatId: chat.id, from };
    return from;
  }
}
