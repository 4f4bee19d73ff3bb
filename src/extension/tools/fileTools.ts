/** read_file and list_files over VS Code's file system API (works for remote workspaces too). */
import * as vscode from 'vscode';
import type { ToolOutcome } from '../../core/tools/toolLoop';

export const READ_LINE_CAP = 400;
export const READ_CHAR_CAP = 60_000;
export const LIST_CAP = 500;

export async function readFileTool(uri: vscode.Uri, shownPath: string, startLine: number | undefined, endLine: number | undefined): Promise<ToolOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    return { ok: false, error: `Cannot read ${shownPath}: ${error instanceof vscode.FileSystemError ? error.code : String(error)}` };
  }
  if (bytes.subarray(0, 8000).includes(0)) return { ok: false, error: `${shownPath} is a binary file.` };
  const lines = new TextDecoder('utf-8').decode(bytes).split(/\r?\n/);
  const total = lines.length;
  const first = Math.min(Math.max(1, startLine ?? 1), total);
  let last = Math.min(endLine ?? total, total, first + READ_LINE_CAP - 1);
  let text = lines.slice(first - 1, last).join('\n');
  if (text.length > READ_CHAR_CAP) {
    text = text.slice(0, READ_CHAR_CAP);
    last = first + text.split('\n').length - 1;
  }
  const wanted = Math.min(endLine ?? total, total);
  if (last < wanted) text += `\n[… cut: lines ${first}-${last} of ${total} shown; read again with startLine ${last + 1} for more]`;
  const whole = first === 1 && last === total;
  return { ok: true, content: text, summary: whole ? `${total} lines` : `lines ${first}-${last} of ${total}` };
}

export async function listFilesTool(folder: vscode.Uri, shownFolder: string, glob: string | undefined, signal: AbortSignal): Promise<ToolOutcome> {
  const source = new vscode.CancellationTokenSource();
  const onAbort = (): void => source.cancel();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    // exclude undefined: VS Code applies files.exclude itself.
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob || '**/*'), undefined, LIST_CAP + 1, source.token);
    const paths = found.map((uri) => vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/')).sort();
    const shown = paths.slice(0, LIST_CAP);
    const more = paths.length > LIST_CAP ? `\n[… more than ${LIST_CAP} files; narrow the glob]` : '';
    if (shown.length === 0) return { ok: true, content: `No files in ${shownFolder}${glob ? ` match ${glob}` : ''}.`, summary: 'no files' };
    return { ok: true, content: shown.join('\n') + more, summary: `${shown.length}${more ? '+' : ''} files` };
  } finally {
    signal.removeEventListener('abort', onAbort);
    source.dispose();
  }
}
