/**
 * "Insert at cursor": puts a code block at the cursor of the active (or last active) editor,
 * re-indented to fit there, replacing the selection if there is one. One `editor.edit` call, so a
 * single Undo removes it.
 */
import * as vscode from 'vscode';
import { reindentForInsertion, reindentForReplacement } from '../../core/codeActions/reindent';
import { eolOf, readOnlyProblem } from './editGuards';
import type { EditorTracker } from './editorTracker';
import type { Log } from '../log';

export async function insertCodeAtCursor(code: string, editors: EditorTracker, log: Log): Promise<boolean> {
  const known = editors.current();
  if (!known) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a file and put the cursor where the code should go, then insert again.'));
    return false;
  }
  const problem = readOnlyProblem(known.document);
  if (problem) {
    void vscode.window.showWarningMessage(problem);
    return false;
  }
  const editor = await editors.editorFor(known.document);
  const document = editor.document;
  const selection = editor.selection;
  const startLineText = document.lineAt(selection.start.line).text;
  const text = selection.isEmpty
    ? reindentForInsertion(code, startLineText, eolOf(document))
    : reindentForReplacement(code, { originalText: document.getText(selection), startLineText, startCharacter: selection.start.character }, eolOf(document));

  const done = await editor.edit((edit) => edit.replace(selection, text));
  if (!done) {
    log.warn('codeActions', `insert refused by the editor for ${document.uri.scheme} document`);
    void vscode.window.showWarningMessage(vscode.l10n.t('The code could not be inserted: the editor refused the edit (read-only, or the document changed).'));
    return false;
  }
  return true;
}
