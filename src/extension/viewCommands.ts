/**
 * The view-title actions that belong to the webview rather than to the session: History and
 * Parameters open a panel inside the chat. The side bar's title bar and the editor tab's title
 * bar both show them; each acts on the chat it belongs to.
 */
import * as vscode from 'vscode';
import type { HostMessage } from '../shared/protocol';

export interface ChatSurfaces {
  /** The side bar's view. */
  readonly view: { post(message: HostMessage): void; reveal(): Promise<void> };
  /** The editor tab. */
  readonly tab: { post(message: HostMessage): void };
}

/**
 * Each title bar's action acts on its own surface: the side bar's History opens the side bar's
 * history even while the editor tab is the active editor (a title action does not move focus, so
 * "the active surface" would guess wrong), and the editor tab's opens the tab's.
 */
async function postToView(surfaces: ChatSurfaces, message: HostMessage): Promise<void> {
  await surfaces.view.reveal();
  surfaces.view.post(message);
}

export function registerViewCommands(surfaces: ChatSurfaces): vscode.Disposable[] {
  const history: HostMessage = { type: 'togglePanel', panel: 'history' };
  const parameters: HostMessage = { type: 'togglePanel', panel: 'parameters' };
  return [
    vscode.commands.registerCommand('openrouterChat.showHistory', () => postToView(surfaces, history)),
    vscode.commands.registerCommand('openrouterChat.showParameters', () => postToView(surfaces, parameters)),
    // The editor tab's title bar (hidden from the palette): only shown while the tab is active.
    vscode.commands.registerCommand('openrouterChat.showHistoryInEditor', () => surfaces.tab.post(history)),
    vscode.commands.registerCommand('openrouterChat.showParametersInEditor', () => surfaces.tab.post(parameters)),
  ];
}
