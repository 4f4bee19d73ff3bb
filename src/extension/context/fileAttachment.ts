/**
 * A file as an attachment: its text (unsaved edits included), refused when binary, cut down when
 * over the size limit. Read when attached (for the chip's token count) and again at send time.
 */
import * as vscode from 'vscode';
import { baseName, createAttachment, withContent, type ContextAttachment } from '../../core/context/attachment';

/** Why a file cannot be attached, in words for the user. */
export class AttachmentRefused extends Error {}

/** Reads more than this many bytes only to cut them down again: stop early. */
const MAX_READ_BYTES = 2_000_000;

export function workspacePath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1).replace(/\\/g, '/');
}

export async function readFileText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return open.getText();
  const stat = await vscode.workspace.fs.stat(uri);
  if (stat.type & vscode.FileType.Directory) throw new AttachmentRefused(vscode.l10n.t('{0} is a folder; attach the files in it instead.', workspacePath(uri)));
  const bytes = await vscode.workspace.fs.readFile(uri);
  const head = bytes.subarray(0, Math.min(bytes.length, MAX_READ_BYTES));
  if (looksBinary(head)) throw new AttachmentRefused(vscode.l10n.t('{0} is a binary file; only text files can be attached.', workspacePath(uri)));
  return new TextDecoder('utf-8').decode(head);
}

/** Git's rule of thumb: a NUL byte in the first 8,000 bytes means binary. */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8000);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

function fenceLanguage(path: string): string | undefined {
  const dot = path.lastIndexOf('.');
  const extension = dot > path.lastIndexOf('/') ? path.slice(dot + 1) : '';
  return /^[A-Za-z0-9+#-]{1,10}$/.test(extension) ? extension : undefined;
}

export async function fileAttachment(uri: vscode.Uri): Promise<ContextAttachment> {
  const path = workspacePath(uri);
  const language = fenceLanguage(path);
  const content = await readFileText(uri);
  return createAttachment({ kind: 'file', name: baseName(path), path, uri: uri.toString(), ...(language ? { language } : {}), content });
}

/** The file read again (the user may have edited it since attaching); unchanged if now unreadable. */
export async function refreshFileAttachment(attachment: ContextAttachment): Promise<ContextAttachment> {
  if (attachment.kind !== 'file' || attachment.uri === undefined) return attachment;
  try {
    return withContent(attachment, await readFileText(vscode.Uri.parse(attachment.uri, true)));
  } catch {
    return attachment;
  }
}

export function selectionAttachment(editor: vscode.TextEditor): ContextAttachment | undefined {
  const selection = editor.selection;
  if (selection.isEmpty) return undefined;
  // A selection that ends at column 0 of a line does not include that line.
  const endLine = selection.end.character === 0 && selection.end.line > selection.start.line ? selection.end.line - 1 : selection.end.line;
  const range = new vscode.Range(selection.start.line, 0, endLine, editor.document.lineAt(endLine).text.length);
  const path = workspacePath(editor.document.uri);
  return createAttachment({
    kind: 'selection',
    name: baseName(path),
    path,
    range: { startLine: selection.start.line + 1, endLine: endLine + 1 },
    language: editor.document.languageId,
    content: editor.document.getText(range),
  });
}
