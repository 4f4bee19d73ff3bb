import * as vscode from 'vscode';
import type { ChatSession } from '../core/chat/chatSession';
import type { ChatStore } from '../core/chat/chatStore';
import type { Log } from './log';

/**
 * Chats saved or deleted in another window show up here as they land, not only when the view
 * next opens. Without a watch (the system's limit on file watches reached, say) that refresh on
 * opening is what remains, so a failure is logged and activation goes on.
 */
export function watchHistory(store: ChatStore, session: ChatSession, loaded: Promise<void>, log: Log): vscode.Disposable {
  const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));
  try {
    const watch = store.watch(
      (chatId) => {
        void loaded
          .then(() => session.chatChangedOnDisk(chatId))
          .catch((error: unknown) => log.warn('store', `could not re-read chat ${chatId ?? '(unknown)'}: ${reason(error)}`));
      },
      { onError: (error) => log.warn('store', `stopped watching the chat history for other windows' changes: ${reason(error)}`) },
    );
    return new vscode.Disposable(() => watch.dispose());
  } catch (error) {
    log.warn('store', `cannot watch the chat history for other windows' changes (${reason(error)}); it refreshes when the view opens`);
    return new vscode.Disposable(() => undefined);
  }
}
