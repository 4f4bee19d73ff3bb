/**
 * Registers OpenRouter in the editor's language-model API, and keeps the model list the editor
 * sees in step with the key, the settings and the recently picked models; and `@openrouter` in
 * the editor's chat, where it has one.
 */
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../core/settings';
import type { PrepareResult } from '../../core/chat/chatSession';
import type { ConversationTurn } from '../../core/openrouter/requestBuilder';
import type { ApiKeyManager } from '../apiKeyManager';
import { readConfiguration } from '../configuration';
import type { Log } from '../log';
import type { OpenRouterService } from '../openRouterService';
import { registerChatParticipant } from './chatParticipant';
import { LANGUAGE_MODEL_VENDOR, OpenRouterChatProvider } from './openRouterChatProvider';
import { RecentModels } from './recentModels';

export interface LanguageModelDeps {
  readonly keys: ApiKeyManager;
  readonly service: OpenRouterService;
  readonly log: Log;
  /** The sidebar's request preparation (settings, key, system prompt, cost guard), for `@openrouter`. */
  readonly prepare: (turns: ConversationTurn[], signal: AbortSignal) => Promise<PrepareResult>;
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
    registerChatParticipant(context.extensionUri, { prepare: deps.prepare, log: deps.log }),
    recent.onDidChange(refresh),
    deps.keys.onDidChange(refresh),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SETTINGS_SECTION)) refresh();
    }),
  );
}
