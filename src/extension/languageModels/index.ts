/**
 * Registers OpenRouter in the editor's language-model API, and keeps the model list the editor
 * sees in step with the key, the settings and the recently picked models; and `@openrouter` in
 * the editor's chat, where it has one.
 *
 * Registering is all activation does: the provider's work (`openRouterChatProvider.ts`) and the
 * participant's (`chatParticipant.ts`) load the first time the editor asks for either.
 */
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../core/settings';
import type { PrepareResult } from '../../core/chat/chatSession';
import type { ConversationTurn } from '../../core/openrouter/requestBuilder';
import type { ApiKeyManager } from '../apiKeyManager';
import { readConfiguration } from '../configuration';
import type { Log } from '../log';
import type { OpenRouterService } from '../openRouterService';
import { CHAT_PARTICIPANT_ID, LANGUAGE_MODEL_VENDOR } from './ids';
import type { OpenRouterChatProvider } from './openRouterChatProvider';
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
  let loading: Promise<OpenRouterChatProvider> | undefined;
  const provider = (): Promise<OpenRouterChatProvider> =>
    (loading ??= import('./openRouterChatProvider').then(
      (module) => new module.OpenRouterChatProvider({ ...deps, recent, offerKey: () => vscode.commands.executeCommand('openrouterChat.setApiKey') }),
    ));
  // Tells the editor to ask for the model list again (key, settings or recent models changed).
  const changed = new vscode.EventEmitter<void>();
  const refresh = (): void => changed.fire();
  const registered: vscode.LanguageModelChatProvider = {
    onDidChangeLanguageModelChatInformation: changed.event,
    provideLanguageModelChatInformation: async (options) => (await provider()).provideLanguageModelChatInformation(options),
    provideLanguageModelChatResponse: async (model, messages, options, progress, token) =>
      (await provider()).provideLanguageModelChatResponse(model, messages, options, progress, token),
    provideTokenCount: async (model, text) => (await provider()).provideTokenCount(model, text),
  };
  return vscode.Disposable.from(
    recent,
    changed,
    vscode.lm.registerLanguageModelChatProvider(LANGUAGE_MODEL_VENDOR, registered),
    registerChatParticipant(context.extensionUri, deps),
    recent.onDidChange(refresh),
    deps.keys.onDidChange(refresh),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SETTINGS_SECTION)) refresh();
    }),
  );
}

/** `@openrouter`; where the editor has no chat API, nothing is registered and nothing is said. */
function registerChatParticipant(extensionUri: vscode.Uri, deps: LanguageModelDeps): vscode.Disposable {
  const chat = (vscode as Partial<typeof vscode>).chat;
  if (typeof chat?.createChatParticipant !== 'function') {
    deps.log.info('lm', 'this editor has no chat API: the @openrouter participant is not registered');
    return new vscode.Disposable(() => undefined);
  }
  const participant = chat.createChatParticipant(CHAT_PARTICIPANT_ID, async (request, context, stream, token) => {
    const { answerInChat, historyOf } = await import('./chatParticipant');
    return answerInChat({ prepare: deps.prepare, log: deps.log }, request.prompt, historyOf(context), stream, token);
  });
  participant.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
  return participant;
}
