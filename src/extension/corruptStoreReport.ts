/**
 * Tells the user when saved chats could not be read. They were moved aside (not deleted) by the
 * store, so the message says where they are; the rest of the history loads as usual.
 */
import * as vscode from 'vscode';
import type { CorruptChatFile } from '../core/chat/chatStore';
import type { Log } from './log';

export function reportCorruptChats(corrupt: readonly CorruptChatFile[], log: Log): void {
  if (corrupt.length === 0) return;
  for (const file of corrupt) log.warn('store', `unreadable chat file ${file.file} (${file.reason}); moved to ${file.backup}`);
  const folder = vscode.Uri.file(corrupt[0]!.backup).with({ path: vscode.Uri.file(corrupt[0]!.backup).path.replace(/\/[^/]*$/, '') });
  const reveal = vscode.l10n.t('Show Backup');
  void vscode.window
    .showWarningMessage(
      vscode.l10n.t(
        '{0} saved chat(s) could not be read and were set aside as backups in {1}. The rest of your history is intact.',
        corrupt.length,
        folder.fsPath,
      ),
      reveal,
    )
    .then((choice) => {
      if (choice === reveal) void vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(corrupt[0]!.backup));
    });
}
