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
  /** The editor tab, when it is the active editor. */
  readonly tab: { post(message: HostMessage): void; readonly isActive: boolean };
}

/** Posts to the editor tab when it is active (its title bar was clicked), else to the side bar. */
export async function postToActiveSurface(surfaces: ChatSurfaces, message: HostMessage): Promise<void> {
  if (surfaces.tab.isActive) {
    surfaces.tab.post(message);
    return;
  }
  await surfaces.view.reveal();
  surfaces.view.post(message);
}

export function registerViewCommands(surfaces: ChatSurfaces): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('openrouterChat.showHistory', () => postToActiveSurface(surfaces, { type: 'togglePanel', panel: 'history' })),
    vscode.commands.registerCommand('openrouterChat.showParameters', () => postToActiveSurface(surfaces, { type: 'togglePanel', panel: 'parameters' })),
  ];
}
