/**
 * propose_edit: never writes by itself. It finds the range to replace (the exact old text, a line
 * range, or the whole file) and opens the same reviewed diff as Apply; the model learns whether
 * the user accepted or discarded it.
 */
import * as vscode from 'vscode';
import type { ToolOutcome } from '../../core/tools/toolLoop';
import type { ApplyController } from '../codeActions/applyController';

export interface EditArgs {
  readonly oldText?: string;
  readonly startLine?: number;
  readonly endLine?: number;
  readonly newText: string;
}

export async function proposeEditTool(apply: ApplyController, uri: vscode.Uri, shownPath: string, args: EditArgs, signal: AbortSignal): Promise<ToolOutcome> {
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(uri);
  } catch {
    return { ok: false, error: `Cannot open ${shownPath}; propose_edit changes existing text files only.` };
  }
  const range = rangeToReplace(document, args);
  if ('error' in range) return { ok: false, error: range.error };
  const accepted = await apply.review(document, range, args.newText, signal);
  return accepted
    ? { ok: true, content: `The user accepted the edit; ${shownPath} now contains it.`, summary: 'accepted' }
    : { ok: true, content: `The user discarded the edit; ${shownPath} was not changed.`, summary: 'discarded' };
}

function rangeToReplace(document: vscode.TextDocument, args: EditArgs): vscode.Range | { error: string } {
  const text = document.getText();
  if (args.oldText) {
    // The model writes LF; the document may be CRLF.
    const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    const needle = args.oldText.replace(/\r?\n/g, eol);
    const first = text.indexOf(needle);
    if (first < 0) return { error: 'oldText was not found in the file; read the file again and copy the text exactly.' };
    if (text.indexOf(needle, first + 1) >= 0) return { error: 'oldText occurs more than once; include more surrounding lines so it is unique.' };
    return new vscode.Range(document.positionAt(first), document.positionAt(first + needle.length));
  }
  if (args.startLine !== undefined) {
    const last = Math.min(args.endLine ?? args.startLine, document.lineCount);
    if (args.startLine > document.lineCount) return { error: `The file has ${document.lineCount} lines; startLine ${args.startLine} is past its end.` };
    return new vscode.Range(args.startLine - 1, 0, last - 1, document.lineAt(last - 1).text.length);
  }
  return new vscode.Range(document.positionAt(0), document.positionAt(text.length));
}
