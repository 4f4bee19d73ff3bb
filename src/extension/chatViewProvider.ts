/**
 * The sidebar webview view. It owns the webview's lifetime and the ready handshake: messages
 * posted before the webview's script has installed its listener, or while the view is hidden,
 * would be lost, so they go through the outbox until the webview says `ready` (after every
 * (re)load of its document).
 */
import * as vscode from 'vscode';
import type { HostMessage, WebviewMessage } from '../shared/protocol';
import { checkWebviewMessage } from '../shared/webviewMessageSchema';
import { WebviewOutbox } from '../core/view/webviewOutbox';
import { chatWebviewHtml, webviewOptions } from './chatWebview';

export const CHAT_VIEW_ID = 'openrouterChat.chat';

export interface ChatViewHandlers {
  /** The webview (re)loaded and needs the whole state. */
  onReady(): void;
  onMessage(message: WebviewMessage): void | Promise<void>;
  /** A posted value that is not a protocol message: it was dropped; `problem` holds no values. */
  onInvalidMessage?(problem: string): void;
  /** The view was shown again: a chance to pick up chats written by other windows. */
  onVisible?(): void;
}

export class ChatViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private readonly outbox = new WebviewOutbox();
  /** Listeners of the current view only: a view resolved again (hidden, then shown) gets new ones. */
  private viewListeners: vscode.Disposable[] = [];
  private handlers: ChatViewHandlers | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  setHandlers(handlers: ChatViewHandlers): void {
    this.handlers = handlers;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.disposeViewListeners();
    this.view = view;
    this.outbox.attach((message) => void view.webview.postMessage(message));
    view.webview.options = webviewOptions(this.extensionUri);
    view.webview.html = chatWebviewHtml(view.webview, this.extensionUri);
    this.viewListeners.push(
      view.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      view.onDidChangeVisibility(() => {
        // Hidden, the webview's document is gone: hold messages until it says `ready` again.
        if (!view.visible) this.outbox.detach();
        else this.handlers?.onVisible?.();
      }),
      view.onDidDispose(() => {
        if (this.view !== view) return;
        this.view = undefined;
        this.outbox.detach();
        this.disposeViewListeners();
      }),
    );
  }

  /** Posts now if the webview is listening, otherwise as the outbox decides (see WebviewOutbox). */
  post(message: HostMessage): void {
    this.outbox.post(message);
  }

  get isVisible(): boolean {
    return this.view?.visible ?? false;
  }

  /** Reveals the chat view (opening the sidebar container if needed). */
  async reveal(): Promise<void> {
    if (this.view) this.view.show(true);
    else await vscode.commands.executeCommand(`${CHAT_VIEW_ID}.focus`);
  }

  dispose(): void {
    this.disposeViewListeners();
  }

  private disposeViewListeners(): void {
    for (const d of this.viewListeners) d.dispose();
    this.viewListeners = [];
  }

  /** The one entry point for what the webview posts: only values that pass the protocol's check act. */
  receive(raw: unknown): void {
    const checked = checkWebviewMessage(raw);
    if (!checked.ok) {
      this.handlers?.onInvalidMessage?.(checked.problem);
      return;
    }
    const message = checked.message;
    if (message.type === 'ready') {
      this.outbox.ready(() => this.handlers?.onReady());
      return;
    }
    void this.handlers?.onMessage(message);
  }
}
