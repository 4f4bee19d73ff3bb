/**
 * When a message to the chat webview can be delivered. The webview's document exists only while
 * the view is shown (no `retainContextWhenHidden`): hiding destroys it, and showing loads it
 * again, and it says `ready` once its listener is installed. Until then:
 * - whole-state messages are dropped: the webview asks for the whole state on `ready`, and that
 *   state holds every chat change and streamed token so far (replaying them would duplicate text);
 * - one-off messages (notices, focus) wait in a queue and are delivered after the state.
 */
import type { HostMessage } from '../../shared/protocol';

export type Deliver = (message: HostMessage) => void;

export class WebviewOutbox {
  private deliver: Deliver | undefined;
  private listening = false;
  private queue: HostMessage[] = [];

  /** A (new) webview document was created; it is not listening until it says `ready`. */
  attach(deliver: Deliver): void {
    this.deliver = deliver;
    this.listening = false;
  }

  /** The view was hidden (its document is destroyed) or disposed. */
  detach(): void {
    this.listening = false;
  }

  /**
   * The webview's listener is installed: `sendState` posts the whole state, then the queued
   * one-off messages follow.
   */
  ready(sendState: () => void): void {
    this.listening = true;
    const pending = this.queue;
    this.queue = [];
    sendState();
    for (const message of pending) this.post(message);
  }

  post(message: HostMessage): void {
    if (this.deliver && this.listening) {
      this.deliver(message);
      return;
    }
    if (message.type === 'notice' || message.type === 'focusInput') this.queue.push(message);
  }
}
