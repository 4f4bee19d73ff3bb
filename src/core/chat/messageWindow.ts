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
    const newestPage = Math.max(0, chat.messages.length - MESSAGES_PER_PAGE);
    // Another window may have shortened the chat under us: its newest page again.
    if (this.shown?.chatId !== chat.id || this.shown.from > chat.messages.length) this.shown = { chatId: chat.id, from: newestPage };
    return this.shown.from;
  }

  /**
   * Starts the window a page earlier (or at the first message) for a view whose first message
   * is at `before`. Both views ask, and each gets every answer: a view behind the window (its
   * answer is on its way) asks again only for all of them (find), which goes on from where the
   * window starts. Returns the new start and the old one, `'covered'` when nothing is to send,
   * or undefined when the view is ahead of the window (it missed a state).
   */
  showEarlier(chat: Chat, before: number, all: boolean): { from: number; before: number } | 'covered' | undefined {
    const current = this.from(chat);
    if (before < current) return undefined;
    if (current === 0 || (before > current && !all)) return 'covered';
    const from = all ? 0 : Math.max(0, current - MESSAGES_PER_PAGE);
    this.shown = { chatId: chat.id, from };
    return { from, before: current };
  }
}
