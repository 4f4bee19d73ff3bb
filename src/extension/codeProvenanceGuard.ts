/** The host side of Insert and Apply's check: the code must stand in an answer of the shown chat. */
import * as vscode from 'vscode';
import type { ChatSession } from '../core/chat/chatSession';
import { codeStandsInAnswer } from '../core/codeActions/codeProvenance';
import type { Log } from './log';

export function codeIsFromShownAnswer(session: ChatSession, request: { readonly code: string; readonly messageId: string }, log: Log): boolean {
  if (codeStandsInAnswer(session.activeChat.messages, request.messageId, request.code)) return true;
  // The code itself is not logged: it came from the webview and could be anything.
  log.warn('view', `refused to put ${request.code.length} characters into the editor: they are not in an answer of the shown chat`);
  void vscode.window.showWarningMessage(vscode.l10n.t('Only code from an answer in the chat can be inserted or applied.'));
  return false;
}
