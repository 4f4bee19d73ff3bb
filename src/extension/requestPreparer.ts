/**
 * Everything checked before a request leaves: valid settings (a bad one is named and nothing is
 * sent), a key, the system prompt, the model's capabilities, and the cost guard.
 */
import * as vscode from 'vscode';
import type { ChatSettings, ConversationTurn } from '../core/openrouter/requestBuilder';
import { UnsupportedParameterNotices } from '../core/chat/chatParameters';
import { planRequest } from '../core/chat/requestPlan';
import { estimateWorstCaseCostUsd } from '../core/openrouter/pricing';
import { countTokens } from '../core/context/tokenCounter';
import type { ChatConfig } from '../core/settings';
import type { PrepareRequestOptions, PrepareResult } from '../core/chat/chatSession';
import { noKeyErrorView, settingsErrorView } from '../core/chat/errorView';
import type { ApiKeyManager } from './apiKeyManager';
import { readConfiguration } from './configuration';
import type { WorkspaceInstructions } from './instructions';
import type { OpenRouterService } from './openRouterService';
import type { Log } from './log';
import type { ContextWindow } from '../core/context/contextWindow';
import { contentPartsTokens, contentText } from '../core/openrouter/userContent';
import { hasImages, imageRefusal, imagesRefusedErrorView, questionHasImages, withoutImages } from '../core/context/imageSupport';

export function chatSettingsOf(config: ChatConfig): ChatSettings {
  return {
    model: config.model,
    reasoningEffort: config.reasoningEffort,
    ...config.parameters,
    ...(config.providerSort ? { providerSort: config.providerSort } : {}),
    routing: config.routing,
  };
}

export class RequestPreparer {
  private readonly notices = new UnsupportedParameterNotices();

  constructor(
    private readonly keys: ApiKeyManager,
    private readonly service: OpenRouterService,
    private readonly log: Log,
    private readonly instructions: WorkspaceInstructions,
    private readonly window: ContextWindow,
  ) {}

  /** `signal` is the answer's Stop: the session stops waiting on it, and nothing is sent after it. */
  async prepare(turns: ConversationTurn[], signal: AbortSignal, options: PrepareRequestOptions = {}): Promise<PrepareResult> {
    const result = readConfiguration();
    if (!result.ok) {
      const first = result.problems[0];
      const message = result.problems.map((p) => p.message).join(' ');
      this.log.warn('settings', message);
      void this.offerSettings(message, first?.setting);
      return { kind: 'refused', error: settingsErrorView(message, first?.setting ?? 'openrouterChat') };
    }
    // The chat's own model and effort, when its composer chose them, over the settings' defaults.
    const choice = options.choice ?? {};
    const config: ChatConfig = {
      ...result.config,
      ...(choice.model ? { model: choice.model } : {}),
      ...(choice.reasoningEffort ? { reasoningEffort: choice.reasoningEffort } : {}),
    };
    if (!this.keys.current()) return { kind: 'refused', error: noKeyErrorView() };

    const model = await this.service.modelInfo(config);
    // A question with images to a model that reads none: refused here, naming a model that would
    // take them. Images of earlier questions are left out instead, so the chat can go on.
    let readable = turns;
    if (model && hasImages(turns)) {
      const refusal = imageRefusal(config.model, model, await this.service.listModels(config).catch(() => []));
      if (refusal && questionHasImages(turns)) return { kind: 'refused', error: imagesRefusedErrorView(refusal) };
      if (refusal) readable = withoutImages(turns);
    }
    const systemPrompt = await this.instructions.systemPromptFor(config.systemPrompt);
    // Older turns are left out when the chat outgrew the model's window (the user is told).
    const sent = model ? this.window.fit(readable, { model, ...(systemPrompt ? { systemPrompt } : {}), ...(config.maxTokens !== undefined ? { maxTokens: config.maxTokens } : {}) }).turns : readable;
    // Workspace tools for models that list `tools`; every request of the conversation gets them.
    // Their definitions load with the first request, not at activation.
    const { toolsForRequest } = await import('../core/tools/definitions');
    const tools = toolsForRequest(model, { workspaceTools: options.workspaceTools ?? true, webSearch: options.webSearch ?? false });
    const plan = planRequest({
      turns: sent,
      settings: chatSettingsOf(config),
      ...(options.chat ? { chat: options.chat } : {}),
      ...(model ? { model } : {}),
      ...(systemPrompt ? { systemPrompt } : {}),
      ...(tools ? { tools } : {}),
      notices: this.notices,
    });
    if (!plan.ok) {
      const message = plan.problems.join(' ');
      this.log.warn('settings', message);
      return { kind: 'refused', error: settingsErrorView(message, 'openrouterChat') };
    }
    const { request, settings, notice } = plan;

    if (config.maxCostPerRequest !== undefined && model) {
      // The text, and the estimate of the images and PDFs the request carries.
      const promptTokens =
        countTokens(request.messages.map((m) => contentText(m.content)).join('\n'), model.id) + request.messages.reduce((sum, m) => sum + contentPartsTokens(m.content), 0);
      const maxCompletion = settings.maxTokens ?? model.maxCompletionTokens ?? Math.max(0, model.contextLength - promptTokens);
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
          return { kind: 'cancelled' };
        }
      }
    }
    // Stopped while the model list loaded or the cost question was open: nothing leaves.
    if (signal.aborted) return { kind: 'cancelled' };
    return { kind: 'ready', client: this.service.clientFor(config), request, ...(model ? { model } : {}), ...(notice ? { notice } : {}) };
  }

  private async offerSettings(message: string, setting: string | undefined): Promise<void> {
    const open = vscode.l10n.t('Open Settings');
    const choice = await vscode.window.showErrorMessage(message, open);
    if (choice === open) await vscode.commands.executeCommand('workbench.action.openSettings', setting ?? 'openrouterChat');
  }
}
