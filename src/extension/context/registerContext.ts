/** Wires attached context into the extension: the file index, the terminal recorder, the commands. */
import * as vscode from 'vscode';
import type { Log } from '../log';
import { ContextController, type ContextControllerDeps, type FileIndex } from './contextController';
import type { WorkspaceFileIndex } from './fileIndex';
import { TerminalRecorder } from './terminalRecorder';

export function registerContext(context: vscode.ExtensionContext, deps: Omit<ContextControllerDeps, 'index' | 'terminals'>): ContextController {
  const index = lazyFileIndex(deps.log);
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

/**
 * The workspace's file index loads, lists the files and starts watching them at the first `#`
 * mention or drop, not at activation: many sessions never attach a file.
 */
function lazyFileIndex(log: Log): FileIndex & vscode.Disposable {
  let loading: Promise<WorkspaceFileIndex> | undefined;
  let disposed = false;
  const index = (): Promise<WorkspaceFileIndex> =>
    (loading ??= import('./fileIndex').then((module) => {
      const loaded = new module.WorkspaceFileIndex(log);
      if (disposed) loaded.dispose();
      return loaded;
    }));
  return {
    search: async (query, limit) => (await index()).search(query, limit),
    uriOf: async (path) => (await index()).uriOf(path),
    dispose: () => {
      disposed = true;
      void loading?.then((loaded) => loaded.dispose());
    },
  };
}

/** Menu commands receive the clicked resource; from the palette or a keybinding they receive nothing. */
function asUri(value: unknown): vscode.Uri | undefined {
  return value instanceof vscode.Uri ? value : undefined;
}
