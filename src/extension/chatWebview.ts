/**
 * What every chat webview shares, the side bar's view and the editor tab alike: the same
 * document and options, and the ready handshake (messages posted before the webview's script
 * listens would be lost, so one-off ones wait for its `ready`).
 */
import * as vscode from 'vscode';
import type { HostMessage, WebviewMessage } from '../shared/protocol';
import { renderWebviewHtml } from '../core/view/webviewHtml';

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    // Only the built bundles (and the fonts they reference) may be loaded.
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')],
  };
}

export function chatWebviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const dist = vscode.Uri.joinPath(extensionUri, 'dist');
  return renderWebviewHtml({
    cspSource: webview.cspSource,
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString(),
    lang: vscode.env.language,
  });
}

/** One webview's side of the handshake: posts now if it listens, else (one-off messages) after `ready`. */
export class WebviewChannel implements vscode.Disposable {
  private ready = false;
  private queue: HostMessage[] = [];
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly webview: vscode.Webview,
    private readonly onReady: () => void,
    onMessage: (message: WebviewMessage) => void,
  ) {
    this.subscription = webview.onDidReceiveMessage((message: WebviewMessage) => {
      if (message.type !== 'ready') return onMessage(message);
      this.ready = true;
      const pending = this.queue;
      this.queue = [];
      this.onReady();
      for (const m of pending) void this.webview.postMessage(m);
    });
  }

  post(message: HostMessage): void {
    if (this.ready) {
      void this.webview.postMessage(message);
      return;
    }
    // The `state` sent on `ready` already holds every chat change and streamed token so far.
    if (message.type === 'notice' || message.type === 'focusInput') this.queue.push(message);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
