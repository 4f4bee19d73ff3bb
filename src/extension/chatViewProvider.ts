/**
 * The sidebar webview view. It owns the webview's lifetime and the ready handshake: messages
 * posted before the webview's script has installed its listener would be lost, so they wait in a
 * queue until the webview says `ready` (after every (re)load of its document).
 */
import * as vscode from 'vscode';
import type { HostMessage, WebviewMessage } from '../shared/protocol';
import { chatWebviewHtml, webviewOptions } from './chatWebview';

export const CHAT_VIEW_ID = 'openrouterChat.chat';

export interface ChatViewHandlers {
  /** The webview (re)loaded and needs the whole state. */
  onReady(): void;
  onMessage(message: WebviewMessage): void | Promise<void>;
  /** The view was shown again: a chance to pick up chats written by other windows. */
  onVisible?(): void;
}

export class ChatViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private ready = false;
  private queue: HostMessage[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private handlers: ChatViewHandlers | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  setHandlers(handlers: ChatViewHandlers): void {
    this.handlers = handlers;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    view.webview.options = webviewOptions(this.extensionUri);
    view.webview.html = chatWebviewHtml(view.webview, this.extensionUri);
    this.disposables.push(
      view.webview.onDidReceiveMessage((message: WebviewMessage) => this.receive(message)),
      view.onDidChangeVisibility(() => {
        if (view.visible) this.handlers?.onVisible?.();
      }),
      view.onDidDispose(() => {
        this.view = undefined;
        this.ready = false;
      }),
    );
  }

  /** Posts now if the webview is listening, otherwise after its `ready`. */
  post(message: HostMessage): void {
    if (!this.view || !this.ready) {
      // The webview asks for the whole state on `ready`, and that state already holds every chat
      // change and streamed token so far; replaying them would duplicate text. Only one-off
      // messages (notices, focus) wait in the queue.
      if (message.type === 'notice' || message.type === 'focusInput') this.queue.push(message);
      return;
    }
    void this.view.webview.postMessage(message);
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
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
  }

  private receive(message: WebviewMessage): void {
    if (message.type === 'ready') {
      this.ready = true;
      const pending = this.queue;
      this.queue = [];
      this.handlers?.onReady();
      for (const m of pending) void this.view?.webview.postMessage(m);
      return;
    }
    void this.handlers?.onMessage(message);
  }
}
