/** Wires attached context into the extension: the file index, the terminal recorder, the commands. */
import * as vscode from 'vscode';
import { ContextController, type ContextControllerDeps } from './contextController';
import { WorkspaceFileIndex } from './fileIndex';
import { TerminalRecorder } from './terminalAttachment';

export function registerContext(context: vscode.ExtensionContext, deps: Omit<ContextControllerDeps, 'index' | 'terminals'>): ContextController {
  const index = new WorkspaceFileIndex(deps.log);
  const terminals = new TerminalRecorder();
  const controller = new ContextController({ ...deps, index, terminals });
  context.subscriptions.push(
    index,
    terminals,
    vscode.commands.registerCommand('openrouterChat.addFileToChat', (clicked?: unknown, selected?: unknown) =>
      controller.addFileToChat(asUri(clicked), Array.isArray(selected) ? selected.map(asUri).filter((u): u is vscode.Uri => u !== undefined) : undefined),
    ),
    vscode.commands.registerCommand('openrouterChat.addSelectionToChat', () => controller.addSelectionToChat()),
    vscode.commands.registerCommand('openrouterChat.addContext', () => controller.addFromPicker()),
  );
  return controller;
}

/** Menu commands receive the clicked resource; from the palette or a keybinding they receive nothing. */
function asUri(value: unknown): vscode.Uri | undefined {
  return value instanceof vscode.Uri ? value : undefined;
}
