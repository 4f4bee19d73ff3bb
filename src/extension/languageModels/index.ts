/**
 * Registers OpenRouter in the editor's language-model API, and keeps the model list the editor
 * sees in step with the key, the settings and the recently picked models.
 */
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../core/settings';
import type { ApiKeyManager } from '../apiKeyManager';
import { readConfiguration } from '../configuration';
import type { Log } from '../log';
import type { OpenRouterService } from '../openRouterService';
import { LANGUAGE_MODEL_VENDOR, OpenRouterChatProvider } from './openRouterChatProvider';
import { RecentModels } from './recentModels';

export interface LanguageModelDeps {
  readonly keys: ApiKeyManager;
  readonly service: OpenRouterService;
  readonly log: Log;
}

export function registerLanguageModels(context: vscode.ExtensionContext, deps: LanguageModelDeps): vscode.Disposable {
  const recent = new RecentModels(context.globalState, () => {
    const config = readConfiguration();
    return config.ok ? config.config.model : undefined;
  });
  const provider = new OpenRouterChatProvider({
    ...deps,
    recent,
    offerKey: () => vscode.commands.executeCommand('openrouterChat.setApiKey'),
  });
  const refresh = (): void => provider.refresh();
  return vscode.Disposable.from(
    recent,
    provider,
    vscode.lm.registerLanguageModelChatProvider(LANGUAGE_MODEL_VENDOR, provider),
    recent.onDidChange(refresh),
    deps.keys.onDidChange(refresh),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SETTINGS_SECTION)) refresh();
    }),
  );
}
