/**
 * Everything checked before a request leaves: valid settings (a bad one is named and nothing is
 * sent), a key, the system prompt, the model's capabilities, and the cost guard.
 */
import * as vscode from 'vscode';
import { buildChatRequest, type ChatSettings, type ConversationTurn } from '../core/openrouter/requestBuilder';
import { estimateTokens, estimateWorstCaseCostUsd } from '../core/openrouter/pricing';
import type { ChatConfig } from '../core/settings';
import type { ChatModelChoice, PrepareResult } from '../core/chat/chatSession';
import { noKeyErrorView, settingsErrorView } from '../core/chat/errorView';
import type { ApiKeyManager } from './apiKeyManager';
import { readConfiguration } from './configuration';
import { systemPromptFor } from './instructions';
import type { OpenRouterService } from './openRouterService';
import type { Log } from './log';

export function chatSettingsOf(config: ChatConfig): ChatSettings {
  return {
    model: config.model,
    reasoningEffort: config.reasoningEffort,
    ...(config.temperature !== undefined ? { temperature: config.temperature } : {}),
    ...(config.maxTokens !== undefined ? { maxTokens: config.maxTokens } : {}),
    ...(config.providerSort ? { providerSort: config.providerSort } : {}),
  };
}

export class RequestPreparer {
  constructor(
    private readonly keys: ApiKeyManager,
    private readonly service: OpenRouterService,
    private readonly log: Log,
  ) {}

  async prepare(turns: ConversationTurn[], choice: ChatModelChoice = {}): Promise<PrepareResult> {
    const result = readConfiguration();
    if (!result.ok) {
      const first = result.problems[0];
      const message = result.problems.map((p) => p.message).join(' ');
      this.log.warn('settings', message);
      void this.offerSettings(message, first?.setting);
      return { error: settingsErrorView(message, first?.setting ?? 'openrouterChat') };
    }
    // The chat's own model and effort, when its composer chose them, over the settings' defaults.
    const config: ChatConfig = {
      ...result.config,
      ...(choice.model ? { model: choice.model } : {}),
      ...(choice.reasoningEffort ? { reasoningEffort: choice.reasoningEffort } : {}),
    };
    if (!this.keys.current()) return { error: noKeyErrorView() };

    const model = await this.service.modelInfo(config);
    const systemPrompt = await systemPromptFor(config.systemPrompt);
    const request = buildChatRequest(turns, chatSettingsOf(config), {
      ...(systemPrompt ? { systemPrompt } : {}),
      ...(model ? { model } : {}),
    });

    if (config.maxCostPerRequest !== undefined && model) {
      const promptTokens = estimateTokens(request.messages.map((m) => m.content ?? '').join('\n'));
      const maxCompletion = config.maxTokens ?? model.maxCompletionTokens ?? Math.max(0, model.contextLength - promptTokens);
      const worstCase = estimateWorstCaseCostUsd(model, promptTokens, maxCompletion);
      if (worstCase > config.maxCostPerRequest) {
        const send = vscode.l10n.t('Send anyway');
        const choice = await vscode.window.showWarningMessage(
          vscode.l10n.t(
            'This request could cost up to ${0} (about {1} prompt tokens and up to {2} answer tokens on {3}), above your limit of ${4} (openrouterChat.maxCostPerRequest).',
            worstCase.toFixed(4),
            promptTokens,
            maxCompletion,
            model.id,
            config.maxCostPerRequest.toFixed(4),
          ),
          { modal: true },
          send,
        );
        if (choice !== send) {
          this.log.info('cost', `request not sent: worst case $${worstCase.toFixed(6)} above limit $${config.maxCostPerRequest}`);
          return { cancelled: true };
        }
      }
    }
    return { client: this.service.clientFor(config), request };
  }

  private async offerSettings(message: string, setting: string | undefined): Promise<void> {
    const open = vscode.l10n.t('Open Settings');
    const choice = await vscode.window.showErrorMessage(message, open);
    if (choice === open) await vscode.commands.executeCommand('workbench.action.openSettings', setting ?? 'openrouterChat');
  }
}
