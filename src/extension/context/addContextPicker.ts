/**
 * The composer's "Add context" button: a quick pick of the sources (Files…, Selection, Open
 * editors, Problems, Terminal, Git changes). Files outside the workspace can only come from the
 * file dialog, where the user picks them explicitly.
 */
import * as vscode from 'vscode';
import type { ContextAttachment } from '../../core/context/attachment';
import { selectionAttachment } from './fileAttachment';
import { gitChangesAttachment } from './gitChangesAttachment';
import { problemsAttachment } from './problemsAttachment';
import { terminalAttachment } from './terminalAttachment';
import type { TerminalRecorder } from './terminalRecorder';

/** Files to read and attach, ready attachments, or a message saying why there is nothing. */
export type PickedContext = { readonly files: readonly vscode.Uri[] } | { readonly attachments: readonly ContextAttachment[] } | string;

type Source = 'files' | 'selection' | 'openEditors' | 'problemsFile' | 'problemsWorkspace' | 'terminal' | 'gitChanges';

interface SourceItem extends vscode.QuickPickItem {
  readonly source: Source;
}

function sourceItems(): SourceItem[] {
  return [
    { source: 'files', label: `$(file) ${vscode.l10n.t('Files…')}`, description: vscode.l10n.t('Pick files with the file dialog') },
    { source: 'selection', label: `$(selection) ${vscode.l10n.t('Selection')}`, description: vscode.l10n.t('The selected lines of the active editor') },
    { source: 'openEditors', label: `$(files) ${vscode.l10n.t('Open editors')}`, description: vscode.l10n.t('Every file open in an editor tab') },
    { source: 'problemsFile', label: `$(warning) ${vscode.l10n.t('Problems in the current file')}` },
    { source: 'problemsWorkspace', label: `$(warning) ${vscode.l10n.t('Problems in the workspace')}` },
    { source: 'terminal', label: `$(terminal) ${vscode.l10n.t('Terminal')}`, description: vscode.l10n.t('The selection, or the last command and its output') },
    { source: 'gitChanges', label: `$(git-compare) ${vscode.l10n.t('Git changes')}`, description: vscode.l10n.t('The working tree diff') },
  ];
}

export async function pickContext(terminals: TerminalRecorder): Promise<PickedContext | undefined> {
  const item = await vscode.window.showQuickPick(sourceItems(), { title: vscode.l10n.t('Add context'), placeHolder: vscode.l10n.t('What should the assistant see?') });
  return item ? contextFrom(item.source, terminals) : undefined;
}

export async function contextFrom(source: Source, terminals: TerminalRecorder): Promise<PickedContext | undefined> {
  const editor = vscode.window.activeTextEditor;
  switch (source) {
    case 'files': {
      const files = await vscode.window.showOpenDialog({ canSelectMany: true, canSelectFiles: true, canSelectFolders: false, openLabel: vscode.l10n.t('Add to Chat') });
      return files && files.length > 0 ? { files } : undefined;
    }
    case 'selection': {
      const attachment = editor ? selectionAttachment(editor) : undefined;
      return attachment ? { attachments: [attachment] } : vscode.l10n.t('Select some code in an editor first.');
    }
    case 'openEditors': {
      const files = openEditorUris();
      return files.length > 0 ? { files } : vscode.l10n.t('No file is open in an editor.');
    }
    case 'problemsFile': {
      if (!editor) return vscode.l10n.t('Open a file first.');
      const attachment = problemsAttachment(editor.document.uri);
      return attachment ? { attachments: [attachment] } : vscode.l10n.t('The current file has no problems.');
    }
    case 'problemsWorkspace': {
      const attachment = problemsAttachment();
      return attachment ? { attachments: [attachment] } : vscode.l10n.t('The workspace has no problems.');
    }
    case 'terminal': {
      const attachment = await terminalAttachment(terminals);
      return attachment ? { attachments: [attachment] } : vscode.l10n.t('No terminal output to add: select text in the terminal, or run a command in a terminal with shell integration.');
    }
    case 'gitChanges': {
      const result = await gitChangesAttachment();
      return typeof result === 'string' ? result : { attachments: [result] };
    }
  }
}

function openEditorUris(): vscode.Uri[] {
  const seen = new Set<string>();
  const uris: vscode.Uri[] = [];
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (!(tab.input instanceof vscode.TabInputText) || tab.input.uri.scheme !== 'file') continue;
      const key = tab.input.uri.toString();
      if (seen.has(key)) continue;
      seen.add(key);
      uris.push(tab.input.uri);
    }
  }
  return uris;
}
