/**
 * The chat in an editor tab (*Open Chat in Editor*): a webview panel on the same session as the
 * side bar's view, so both show the same chats live. The host owns every chat, so closing the
 * tab loses nothing; a serializer brings the tab back when VS Code reopens the window.
 */
import * as vscode from 'vscode';
import type { HostMessage, WebviewMessage } from '../shared/protocol';
import { chatWebviewHtml, WebviewChannel, webviewOptions } from './chatWebview';

export const CHAT_PANEL_TYPE = 'openrouterChat.chatPanel';

export interface ChatPanelHandlers {
  /** The panel's webview (re)loaded: send it the whole state through `post`. */
  onReady(post: (message: HostMessage) => void): void;
  onMessage(message: WebviewMessage, reply: (message: HostMessage) => void): void | Promise<void>;
  /** A posted value failed the protocol's check: it was dropped. */
  onInvalidMessage(problem: string): void;
}

export class ChatPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private channel: WebviewChannel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly handlers: ChatPanelHandlers,
  ) {}

  /** Shows the tab, creating it beside the current editor if it is not open. */
  open(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(CHAT_PANEL_TYPE, vscode.l10n.t('OpenRouter Chat'), vscode.ViewColumn.Beside, {
      ...webviewOptions(this.extensionUri),
      // The conversation is redrawn from the host's state on every load, but the draft and the
      // scroll position live in the webview: keep them while the tab is in the background.
      retainContextWhenHidden: true,
    });
    this.adopt(panel);
  }

  /** Wires a panel: a new one, or one VS Code restored after a reload (the serializer's). */
  adopt(panel: vscode.WebviewPanel): void {
    this.panel?.dispose();
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'activity.svg');
    panel.webview.options = webviewOptions(this.extensionUri);
    const post = (message: HostMessage) => this.channel?.post(message);
    this.channel = new WebviewChannel(
      panel.webview,
      () => this.handlers.onReady(post),
      (message) => void this.handlers.onMessage(message, post),
      (problem) => this.handlers.onInvalidMessage(problem),
    );
    panel.webview.html = chatWebviewHtml(panel.webview, this.extensionUri);
    const channel = this.channel;
    this.disposables.push(
      channel,
      panel.onDidDispose(() => {
        channel.dispose();
        if (this.panel !== panel) return;
        this.panel = undefined;
        this.channel = undefined;
      }),
    );
  }

  /** The tab is the active editor: its title actions act on it, not on the side bar. */
  get isActive(): boolean {
    return this.panel?.active ?? false;
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  post(message: HostMessage): void {
    this.channel?.post(message);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
  }
}
