/**
 * Opens a file reference from an answer (`src/a.ts:12`, `L12-L20`) at its lines, selected and
 * revealed. The chat view found it with the shared grammar (src/shared/fileReferenceGrammar.ts) and
 * posts it parsed. Paths resolve inside the workspace folders only; an empty path means the file the
 * last code action came from, else the active editor's.
 */
import * as vscode from 'vscode';
import { clampReference, pathInsideRoot } from '../../core/codeActions/fileReferences';
import type { FileReference } from '../../shared/fileReferenceGrammar';
import type { EditorTracker } from './editorTracker';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    return (stat.type & vscode.FileType.File) !== 0;
  } catch {
    return false;
  }
}

/** The workspace file `path` names, trying each folder, then a unique match anywhere inside. */
async function resolveWorkspaceFile(path: string): Promise<vscode.Uri | 'outside' | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  let insideAny = false;
  for (const folder of folders) {
    const relative = pathInsideRoot(path, folder.uri.path);
    if (relative === undefined) continue;
    insideAny = true;
    const uri = vscode.Uri.joinPath(folder.uri, relative);
    if (await exists(uri)) return uri;
  }
  if (!insideAny) return 'outside';
  // Models often cite a path relative to a sub-folder (`math.ts:3` for src/math.ts).
  const cleaned = path.replace(/^\.\//, '');
  if (/[*?{}[\]]/.test(cleaned)) return undefined;
  const matches = await vscode.workspace.findFiles(`**/${cleaned}`, '**/node_modules/**', 2);
  return matches.length === 1 ? matches[0] : undefined;
}

export async function openFileReference(reference: FileReference, editors: EditorTracker): Promise<boolean> {
  const { path, line } = reference;
  let uri: vscode.Uri | undefined;
  if (path.trim() === '') {
    uri = editors.codeActionUri ?? editors.current()?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Line {0} of which file? Open the file first.', line));
      return false;
    }
  } else {
    const found = await resolveWorkspaceFile(path);
    if (found === 'outside') {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} is outside the workspace, so it is not opened.', path));
      return false;
    }
    if (!found) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} was not found in the workspace.', path));
      return false;
    }
    uri = found;
  }
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(uri);
  } catch {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} could not be opened as text.', path || uri.fsPath));
    return false;
  }
  const { startLine, endLine: lastLine } = clampReference(reference, document.lineCount);
  const selection = new vscode.Selection(startLine, 0, lastLine, document.lineAt(lastLine).text.length);
  const editor = await vscode.window.showTextDocument(document, { selection, preview: true });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}
