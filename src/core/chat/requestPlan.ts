/**
 * The request for one answer of one chat, from the settings, the chat's own parameters and the
 * model's `/models` entry. Pure, so the editor layer's preparer and the tests build it the same
 * way; the preparer adds what needs the editor (settings, key, system prompt file, cost guard).
 */
import type { ConversationTurn } from '../openrouter/requestBuilder';
import { buildChatRequest, requestParameterFields, type ChatSettings } from '../openrouter/requestBuilder';
import type { ChatRequest, ModelInfo } from '../openrouter/types';
import { applyChatOverrides, type UnsupportedParameterNotices } from './chatParameters';
import type { PrepareContext } from './chatSession';

export interface PlanInput {
  readonly turns: ConversationTurn[];
  readonly settings: ChatSettings;
  readonly chat?: PrepareContext;
  readonly model?: ModelInfo;
  readonly systemPrompt?: string;
  /** Workspace tools and server tools offered with this request. */
  readonly tools?: ChatRequest['tools'];
  /** Remembers what each chat was told about unsupported parameters. */
  readonly notices: UnsupportedParameterNotices;
}

export type PlanResult =
  | { readonly ok: true; readonly request: ChatRequest; readonly settings: ChatSettings; readonly notice?: string }
  | { readonly ok: false; readonly problems: readonly string[] };

export function planRequest(input: PlanInput): PlanResult {
  const applied = applyChatOverrides(input.settings, input.chat?.parameters);
  if (!applied.ok) return applied;
  const settings = applied.settings;
  const options = {
    ...(input.systemPrompt ? { systemPrompt: input.systemPrompt } : {}),
    ...(input.model ? { model: input.model } : {}),
    ...(input.chat ? { sessionId: input.chat.chatId } : {}),
    ...(input.tools ? { tools: input.tools } : {}),
  };
  const request = buildChatRequest(input.turns, settings, options);
  const { unsupported } = requestParameterFields(settings, options);
  const notice = input.chat && unsupported.length > 0 ? input.notices.noticeFor(input.chat.chatId, settings.model, unsupported) : undefined;
  return { ok: true, request, settings, ...(notice ? { notice } : {}) };
}
