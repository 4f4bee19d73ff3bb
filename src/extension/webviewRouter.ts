/**
 * What the host does for each message the webview sends. The switch is exhaustive over the
 * protocol union: adding a message type without handling it here fails to compile.
 */
import * as vscode from 'vscode';
import { assertNever, type ErrorAction, type HostMessage, type SelectionCommand, type WebviewMessage } from '../shared/protocol';
import type { ChatSession } from '../core/chat/chatSession';
import type { ChatWorkflow } from './chatWorkflow';
import type { CodeActions } from './codeActions';
import type { ContextController } from './context/contextController';
import type { Log } from './log';
import { codeIsFromShownAnswer } from './codeProvenanceGuard';
import { turnOffWorkspaceInstructions } from './instructions';

export const ADD_CREDITS_URL = 'https://openrouter.ai/settings/credits';
const SAFE_LINK = /^(https?:|mailto:)/i;

export interface RouterDeps {
  readonly session: ChatSession;
  readonly codeActions: CodeActions;
  readonly context: ContextController;
  readonly log: Log;
  /** History and per-chat actions (loaded when first used). */
  readonly workflow: () => Promise<ChatWorkflow>;
  /** Posts to the webview that sent the message (the side bar's or the editor tab's). */
  readonly reply: (message: HostMessage) => void;
}

/** The context-menu command each selection slash command runs. */
const SELECTION_COMMANDS: Readonly<Record<SelectionCommand, string>> = {
  explain: 'openrouterChat.explainSelection',
  fix: 'openrouterChat.fixSelection',
  tests: 'openrouterChat.testSelection',
  doc: 'openrouterChat.documentSelection',
};

export async function routeWebviewMessage(message: WebviewMessage, deps: RouterDeps): Promise<void> {
  const { session, codeActions } = deps;
  switch (message.type) {
    case 'ready':
      return; // handled by the view provider's handshake
    case 'send':
      // With the attachments waiting in the composer (the context controller owns them).
      await deps.context.send(message.text, message.webSearch ? { webSearch: true } : {});
      return;
    case 'toolDecision':
      session.toolDecision(message.callId, message.allow);
      return;
    case 'continueTools':
      await session.continueTools();
      return;
    case 'stop':
      session.stop();
      return;
    case 'continue':
      await session.continueAnswer(message.messageId);
      return;
    case 'regenerate':
      await session.regenerate(message.messageId);
      return;
    case 'editAndResend':
      await session.editAndResend(message.messageId, message.text);
      return;
    case 'newChat':
      session.newChat();
      return;
    case 'openChat':
      await session.openChat(message.chatId);
      return;
    case 'deleteChat':
      await (await deps.workflow()).deleteChat(message.chatId);
      return;
    case 'copy':
      await vscode.env.clipboard.writeText(message.text);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied to the clipboard'), 2000);
      return;
    case 'insertCode':
      if (!codeIsFromShownAnswer(session, message, deps.log)) return;
      await codeActions.insertCode(message.code, message.language);
      return;
    case 'applyCode':
      if (!codeIsFromShownAnswer(session, message, deps.log)) return;
      await codeActions.applyCode(message.code, message.language, message.messageId);
      return;
    case 'openLink':
      await openLink(message.href, deps.log);
      return;
    case 'openFileRef':
      await codeActions.openFileRef(message.path, message.line, message.endLine);
      return;
    case 'action':
      await runAction(message.action, session, message.messageId, deps.log);
      return;
    case 'contextQuery':
    case 'attachFile':
    case 'dropFiles':
    case 'removeAttachment':
    case 'addContext':
    case 'attachBinary':
      await deps.context.handle(message);
      return;
    case 'setChatParameters':
      // Validated at send time by the same reader as the settings (chatParameters.ts).
      await session.setChatParameters(message.parameters);
      return;
    case 'searchChats':
      deps.reply({ type: 'searchResults', query: message.query, chatIds: await session.searchChats(message.query) });
      return;
    case 'showEarlier':
      session.showEarlier(message.chatId, message.before, message.all === true);
      return;
    case 'renameChat':
      await session.renameChat(message.chatId, message.title);
      return;
    case 'undoDeleteChat':
      await (await deps.workflow()).undoDelete(message.chatId);
      return;
    case 'deleteAllChats':
      await (await deps.workflow()).deleteAllChats();
      return;
    case 'exportChat':
      await (await deps.workflow()).exportChat(message.chatId);
      return;
    case 'pickChatModel':
      await (await deps.workflow()).pickChatModel();
      return;
    case 'pickChatEffort':
      await (await deps.workflow()).pickChatEffort();
      return;
    case 'selectionCommand':
      await vscode.commands.executeCommand(SELECTION_COMMANDS[message.command]);
      return;
    case 'compact':
      await session.compact();
      return;
    default:
      assertNever(message);
  }
}

/** Links from model output open only in the user's browser, only for web and mail schemes. */
async function openLink(href: string, log: Log): Promise<void> {
  if (!SAFE_LINK.test(href.trim())) {
    log.warn('view', `refused to open a link with an unsafe scheme: ${href.slice(0, 80)}`);
    void vscode.window.showWarningMessage(vscode.l10n.t('Only web and mail links can be opened from the chat.'));
    return;
  }
  await vscode.env.openExternal(vscode.Uri.parse(href.trim(), true));
}

async function runAction(action: ErrorAction, session: ChatSession, messageId: string | undefined, log: Log): Promise<void> {
  switch (action) {
    case 'setApiKey':
      await vscode.commands.executeCommand('openrouterChat.setApiKey');
      return;
    case 'addCredits':
      await vscode.env.openExternal(vscode.Uri.parse(ADD_CREDITS_URL));
      return;
    case 'retry':
      // Without the answer's id we cannot know which answer is meant, so nothing is cut away.
      if (messageId === undefined) log.warn('view', 'retry without the id of the answer it belongs to; ignored');
      else await session.regenerate(messageId);
      return;
    case 'openSettings':
      await vscode.commands.executeCommand('workbench.action.openSettings', lastErrorSetting(session) ?? 'openrouterChat');
      return;
    case 'selectModel':
      await vscode.commands.executeCommand('openrouterChat.selectModel');
      return;
    case 'turnOffWorkspaceInstructions':
      await turnOffWorkspaceInstructions(log);
      return;
    case 'compact':
      // From a context-length error or the notice that earlier messages were left out.
      await session.compact();
      return;
    default:
      assertNever(action);
  }
}

/** The setting named by the latest error in the active chat, so Open settings lands on it. */
function lastErrorSetting(session: ChatSession): string | undefined {
  const messages = session.activeChat.messages;
  for (let i = messages.length - 1; i >= 0; i--) {
    const setting = messages[i]?.error?.setting;
    if (setting) return setting;
  }
  return undefined;
}
