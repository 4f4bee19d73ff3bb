/**
 * OpenRouter as a language-model provider of the editor (vendor `openrouter`): VS Code's chat and
 * any extension calling `vscode.lm.selectChatModels` get our models, streamed through our client
 * with our key, settings and errors.
 */
import * as vscode from 'vscode';
import { buildLmRequest, toLmToolCalls } from '../../core/languageModels/lmMessages';
import { offeredModels, readOfferedSetting } from '../../core/languageModels/offeredModels';
import { countTokens } from '../../core/context/tokenCounter';
import { SETTINGS_SECTION, type ChatConfig } from '../../core/settings';
import type { ApiKeyManager } from '../apiKeyManager';
import { readConfiguration } from '../configuration';
import type { Log } from '../log';
import type { OpenRouterService } from '../openRouterService';
import { chatSettingsOf } from '../requestPreparer';
import { toLanguageModelError } from './languageModelErrors';
import { messageText, toLmMessages, toLmTools } from './messageConversion';
import { toChatInformation } from './modelInformation';
import type { RecentModels } from './recentModels';
import { thinkingPartClass } from './thinkingPart';

export const OFFERED_MODELS_SETTING = 'languageModels';

export interface ProviderDeps {
  readonly keys: ApiKeyManager;
  readonly service: OpenRouterService;
  readonly recent: RecentModels;
  readonly log: Log;
  /** Asks for a key (our Set API Key command); resolves true when one was stored. */
  readonly offerKey: () => Thenable<unknown>;
}

/** The provider's work; `index.ts` registers it, owns its change event and loads this on first use. */
export class OpenRouterChatProvider implements Omit<vscode.LanguageModelChatProvider, 'onDidChangeLanguageModelChatInformation'> {
  constructor(private readonly deps: ProviderDeps) {}

  async provideLanguageModelChatInformation(options: vscode.PrepareLanguageModelChatModelOptions): Promise<vscode.LanguageModelChatInformation[]> {
    const { keys, service, recent, log } = this.deps;
    if (!keys.current()) {
      // Not silent: the user asked to manage OpenRouter's models, so this is the moment to ask for a key.
      if (options.silent) return [];
      await this.deps.offerKey();
      if (!keys.current()) return [];
    }
    const config = readConfiguration();
    if (!config.ok) {
      log.warn('lm', `no models for the editor: ${config.problems.map((p) => p.message).join(' ')}`);
      return [];
    }
    const offered = readOfferedSetting(vscode.workspace.getConfiguration(SETTINGS_SECTION).get(OFFERED_MODELS_SETTING));
    if (!offered.ok) {
      log.warn('lm', offered.problem);
      return [];
    }
    try {
      const all = await service.listModels(config.config);
      const models = offeredModels(all, offered.entries, { configured: config.config.model, recent: recent.ids });
      log.info('lm', `offering ${models.length} of ${all.length} models to the editor`);
      return models.map(toChatInformation);
    } catch (error) {
      log.warn('lm', `model list unavailable: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  }

  async provideLanguageModelChatResponse(
    model: vscode.LanguageModelChatInformation,
    messages: readonly vscode.LanguageModelChatRequestMessage[],
    options: vscode.ProvideLanguageModelChatResponseOptions,
    progress: vscode.Progress<vscode.LanguageModelResponsePart>,
    token: vscode.CancellationToken,
  ): Promise<void> {
    const config = this.requireConfig();
    const { service, log } = this.deps;
    const info = await service.modelInfo(config, model.id);
    const request = buildLmRequest(toLmMessages(messages), { ...chatSettingsOf(config), model: model.id }, {
      tools: toLmTools(options.tools),
      toolRequired: options.toolMode === vscode.LanguageModelChatToolMode.Required,
      ...(info ? { model: info } : {}),
    });
    const Thinking = thinkingPartClass();
    const controller = new AbortController();
    const cancellation = token.onCancellationRequested(() => controller.abort());
    try {
      if (token.isCancellationRequested) controller.abort();
      const turn = await service.clientFor(config).complete(request, {
        signal: controller.signal,
        onEvent: (event) => {
          if (event.type === 'content') progress.report(new vscode.LanguageModelTextPart(event.text));
          else if (event.type === 'reasoning' && Thinking) progress.report(new Thinking(event.text) as vscode.LanguageModelResponsePart);
        },
      });
      // The client assembles streamed tool calls; the editor wants each whole, arguments parsed.
      for (const call of toLmToolCalls(turn.toolCalls)) {
        progress.report(new vscode.LanguageModelToolCallPart(call.callId, call.name, call.input));
      }
    } catch (error) {
      const reported = toLanguageModelError(error);
      if (!(reported instanceof vscode.CancellationError)) log.warn('lm', `request for ${model.id} failed: ${reported.message}`);
      throw reported;
    } finally {
      cancellation.dispose();
    }
  }

  /** The count the rest of the extension uses (meter, cost guard, context check): the model family's encoding. */
  async provideTokenCount(model: vscode.LanguageModelChatInformation, text: string | vscode.LanguageModelChatRequestMessage): Promise<number> {
    return countTokens(typeof text === 'string' ? text : messageText(text), model.id);
  }

  private requireConfig(): ChatConfig {
    const config = readConfiguration();
    if (!config.ok) throw new vscode.LanguageModelError(config.problems.map((p) => p.message).join(' '));
    if (!this.deps.keys.current()) {
      throw vscode.LanguageModelError.NoPermissions(vscode.l10n.t('No OpenRouter API key is set. Run "OpenRouter Chat: Set API Key".'));
    }
    return config.config;
  }
}
