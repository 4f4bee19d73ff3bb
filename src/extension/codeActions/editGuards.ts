/** Shared checks before writing into a document, and the document's line ending as text. */
import * as vscode from 'vscode';
import type { Eol } from '../../core/codeActions/eol';

export function eolOf(document: vscode.TextDocument): Eol {
  return document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
}

/** Why `document` cannot be edited, or undefined. Untitled documents are always writable. */
export function readOnlyProblem(document: vscode.TextDocument): string | undefined {
  if (document.isClosed) return vscode.l10n.t('The document was closed; open it again and retry.');
  if (document.uri.scheme !== 'untitled' && vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) === false) {
    return vscode.l10n.t('{0} is read-only; nothing was changed.', vscode.workspace.asRelativePath(document.uri, false));
  }
  return undefined;
}

/** Offsets -> range in the document as it is now. */
export function rangeOfOffsets(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}
