/**
 * The sidebar webview view. It owns the webview's lifetime and the ready handshake: messages
 * posted before the webview's script has installed its listener would be lost, so they wait in a
 * queue until the webview says `ready` (after every (re)load of its document).
 */
import * as vscode from 'vscode';
import type { HostMessage, WebviewMessage } from '../shared/protocol';
import { checkWebviewMessage } from '../shared/webviewMessageSchema';
import { renderWebviewHtml } from '../core/view/webviewHtml';

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
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    view.webview.options = {
      enableScripts: true,
      enableCommandUris: false,
      // Only the built bundles (and the fonts they reference) may be loaded.
      localResourceRoots: [dist],
    };
    view.webview.html = renderWebviewHtml({
      cspSource: view.webview.cspSource,
      scriptUri: view.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: view.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString(),
      lang: vscode.env.language,
    });
    this.disposables.push(
      view.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
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

  /** The one entry point for what the webview posts: only values that pass the protocol's check act. */
  receive(raw: unknown): void {
    const checked = checkWebviewMessage(raw);
    if (!checked.ok) {
      this.handlers?.onInvalidMessage?.(checked.problem);
      return;
    }
    const message = checked.message;
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
