/**
 * The history and per-chat actions that need the editor: Export Chat (save dialog), Delete all
 * (modal confirmation), Undo of a delete (the host keeps the deleted copy a while), and the model
 * and effort pickers for one chat. The session does the chat work; this file asks the user.
 */
import * as vscode from 'vscode';
import type { Chat } from '../core/chat/chat';
import type { ChatSession } from '../core/chat/chatSession';
import { REASONING_EFFORTS } from '../core/openrouter/models';
import type { ReasoningEffort } from '../core/openrouter/types';
import { readConfiguration } from './configuration';
import type { Log } from './log';
import type { OpenRouterService } from './openRouterService';

/** How many deleted chats can still be put back. */
const UNDO_DEPTH = 20;

export class ChatWorkflow {
  private readonly deleted = new Map<string, Chat>();

  constructor(
    private readonly session: ChatSession,
    private readonly service: OpenRouterService,
    private readonly log: Log,
  ) {}

  /** Writes the chat (the open one by default) as Markdown where the user says. Returns the file, if saved. */
  async exportChat(chatId?: string): Promise<vscode.Uri | undefined> {
    const chat = chatId ? await this.session.loadChat(chatId) : this.session.activeChat;
    if (!chat || chat.messages.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This chat has no messages to export yet.'));
      return undefined;
    }
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    // Export and the picker load when first used, not at activation.
    const { chatToMarkdown, exportFileName } = await import('../core/chat/markdownExport');
    const name = exportFileName(chat.title);
    const target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export Chat as Markdown'),
      saveLabel: vscode.l10n.t('Export'),
      filters: { Markdown: ['md'] },
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
    });
    if (!target) return undefined;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(chatToMarkdown(chat)));
    this.log.info('export', `exported chat ${chat.id} (${chat.messages.length} messages)`);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Chat exported to {0}', vscode.workspace.asRelativePath(target)), 4000);
    return target;
  }

  /** Deletes a chat, keeping a copy for Undo. */
  async deleteChat(chatId: string): Promise<void> {
    const chat = await this.session.loadChat(chatId);
    if (chat && chat.messages.length > 0) {
      this.deleted.set(chatId, structuredClone(chat));
      for (const id of this.deleted.keys()) {
        if (this.deleted.size <= UNDO_DEPTH) break;
        this.deleted.delete(id);
      }
    }
    await this.session.deleteChat(chatId);
  }

  async undoDelete(chatId: string): Promise<void> {
    const chat = this.deleted.get(chatId);
    if (!chat) return;
    this.deleted.delete(chatId);
    await this.session.restoreChat(chat);
  }

  async deleteAllChats(): Promise<boolean> {
    const count = this.session.viewState().chats.length;
    const confirm = vscode.l10n.t('Delete All');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Delete all {0} chats? This cannot be undone.', count),
      { modal: true },
      confirm,
    );
    if (choice !== confirm) return false;
    this.deleted.clear();
    await this.session.deleteAllChats();
    this.log.info('history', `deleted all ${count} chats`);
    return true;
  }

  /** The model picker (prices, context, reasoning mark) for the open chat only. */
  async pickChatModel(): Promise<void> {
    const chat = this.session.activeChat;
    const config = readConfiguration();
    if (!config.ok) {
      void vscode.window.showErrorMessage(config.problems.map((p) => p.message).join(' '));
      return;
    }
    const current = chat.model ?? config.config.model;
    const { pickModel } = await import('./modelPicker');
    const chosen = await pickModel(this.service, config.config, current, vscode.l10n.t('Model for this chat'));
    if (!chosen || chosen === current) return;
    // The effort chosen for another model may not exist on this one: back to the setting's.
    await this.session.setChatModel(chat.id, { model: chosen });
  }

  /** The reasoning effort for the open chat, offering only the efforts its model supports. */
  async pickChatEffort(): Promise<void> {
    const chat = this.session.activeChat;
    const config = readConfiguration();
    if (!config.ok) return;
    const modelId = chat.model ?? config.config.model;
    const info = await this.service.modelInfo(config.config, modelId);
    if (info && !info.supportsReasoning) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} does not reason, so it has no effort to choose.', modelId));
      return;
    }
    const offered: readonly ReasoningEffort[] = info?.reasoningEfforts?.length ? info.reasoningEfforts : REASONING_EFFORTS;
    const current = chat.reasoningEffort ?? config.config.reasoningEffort;
    const items = offered.map((effort) => ({ label: effort === current ? `$(check) ${effort}` : effort, effort }));
    const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Reasoning effort for this chat ({0})', modelId) });
    if (!pick) return;
    await this.session.setChatModel(chat.id, { ...(chat.model ? { model: chat.model } : {}), reasoningEffort: pick.effort });
  }
}
