/**
 * An image or a PDF file from the workspace (Explorer, drop, the file dialog) as an attachment:
 * read as bytes and checked against the size limits, never refused as "binary".
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { baseName, type ContextAttachment } from '../../core/context/attachment';
import { binaryMimeTypeOf, createBinaryAttachment, kindOfMimeType, maxBytesOf, sizeRefusal } from '../../core/context/binaryAttachment';
import { AttachmentRefused, workspacePath } from './fileAttachment';

/** Whether this file is attached as bytes (an image or a PDF) rather than as text. */
export function isBinaryFile(uri: vscode.Uri): boolean {
  return binaryMimeTypeOf(uri.path) !== undefined;
}

export async function binaryFileAttachment(uri: vscode.Uri): Promise<ContextAttachment> {
  const path = workspacePath(uri);
  const name = baseName(path);
  const mimeType = binaryMimeTypeOf(uri.path);
  const kind = mimeType ? kindOfMimeType(mimeType) : undefined;
  if (!mimeType || !kind) throw new AttachmentRefused(vscode.l10n.t('{0} is not an image or a PDF file.', path));
  // The size first, so a huge file is refused without being read.
  const stat = await vscode.workspace.fs.stat(uri);
  const tooBig = stat.size > maxBytesOf(kind) ? sizeRefusal(name, kind, stat.size) : undefined;
  if (tooBig) throw new AttachmentRefused(tooBig);
  const bytes = await vscode.workspace.fs.readFile(uri);
  const created = createBinaryAttachment({ name, path, uri: uri.toString(), mimeType, data: Buffer.from(bytes).toString('base64') }, randomUUID);
  if (typeof created === 'string') throw new AttachmentRefused(created);
  return created;
}
