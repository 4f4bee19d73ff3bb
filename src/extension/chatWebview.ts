/**
 * What every chat webview shares, the side bar's view and the editor tab alike: the same
 * document and options, and the ready handshake (messages posted before the webview's script
 * listens would be lost, so one-off ones wait for its `ready`).
 */
import * as vscode from 'vscode';
import type { HostMessage, WebviewMessage } from '../shared/protocol';
import { renderWebviewHtml } from '../core/view/webviewHtml';
import { WebviewOutbox } from '../core/view/webviewOutbox';
import { checkWebviewMessage } from '../shared/webviewMessageSchema';
import { webviewStrings } from './l10nStrings';

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
    // In the document, so the view is built translated (ViewState.strings comes only later).
    strings: webviewStrings(),
  });
}

/**
 * The editor tab's side of the handshake and of the trust check, with the same two pieces the side
 * bar's view uses: the protocol's runtime check on everything posted (a webview that renders model
 * output is not trusted), and the outbox that holds one-off messages until the webview says `ready`.
 */
export class WebviewChannel implements vscode.Disposable {
  private readonly outbox = new WebviewOutbox();
  private readonly subscription: vscode.Disposable;

  constructor(
    webview: vscode.Webview,
    onReady: () => void,
    onMessage: (message: WebviewMessage) => void,
    onInvalidMessage: (problem: string) => void,
  ) {
    this.outbox.attach((message) => void webview.postMessage(message));
    this.subscription = webview.onDidReceiveMessage((raw: unknown) => {
      const checked = checkWebviewMessage(raw);
      if (!checked.ok) return onInvalidMessage(checked.problem);
      if (checked.message.type === 'ready') return this.outbox.ready(onReady);
      onMessage(checked.message);
    });
  }

  post(message: HostMessage): void {
    this.outbox.post(message);
  }

  dispose(): void {
    this.outbox.detach();
    this.subscription.dispose();
  }
}
