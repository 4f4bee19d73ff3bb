/**
 * One chat's parameter overrides (the chat view's Parameters panel), stored with the chat. They
 * are read from disk and from the webview, so they are untrusted until validated by the same
 * reader as the settings; a valid override replaces the setting for that chat only.
 */
import type { ChatParameterOverrides } from '../../shared/protocol';
import * as l10n from '../l10n';
import { REASONING_EFFORTS } from '../openrouter/models';
import type { ChatSettings } from '../openrouter/requestBuilder';
import type { ReasoningEffort } from '../openrouter/types';
import { readSamplingParameters } from '../parameterSettings';

export type ApplyResult = { readonly ok: true; readonly settings: ChatSettings } | { readonly ok: false; readonly problems: readonly string[] };

/** The settings with this chat's overrides applied, or the problems with the overrides. */
export function applyChatOverrides(settings: ChatSettings, overrides: ChatParameterOverrides | undefined): ApplyResult {
  if (!overrides) return { ok: true, settings };
  const problems: string[] = [];
  const report = (key: string, message: string): undefined => {
    problems.push(`Parameters of this chat: ${key} ${message}`);
    return undefined;
  };
  const raw = overrides as Readonly<Record<string, unknown>>;
  const parameters = readSamplingParameters((key) => raw[key], report);
  let reasoningEffort: ReasoningEffort | undefined;
  if (raw['reasoningEffort'] != null) {
    if (typeof raw['reasoningEffort'] === 'string' && (REASONING_EFFORTS as readonly string[]).includes(raw['reasoningEffort'])) {
      reasoningEffort = raw['reasoningEffort'] as ReasoningEffort;
    } else report('reasoningEffort', `"${String(raw['reasoningEffort'])}" is not one of ${REASONING_EFFORTS.join(', ')}.`);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, settings: { ...settings, ...parameters, ...(reasoningEffort ? { reasoningEffort } : {}) } };
}

/** The parameters a chat can override (the Parameters panel's fields). */
export const OVERRIDABLE_PARAMETERS: readonly (keyof ChatParameterOverrides)[] = [
  'reasoningEffort', 'temperature', 'topP', 'frequencyPenalty', 'presencePenalty', 'seed', 'maxTokens', 'stop',
];

/**
 * Keeps only the parameters a chat can override and drops empty values, so "cleared in the
 * panel" and "never set" are stored the same way.
 */
export function normalizeOverrides(overrides: ChatParameterOverrides): ChatParameterOverrides | undefined {
  const raw = (typeof overrides === 'object' && overrides !== null ? overrides : {}) as Readonly<Record<string, unknown>>;
  const kept = OVERRIDABLE_PARAMETERS.map((key) => [key, raw[key]] as const).filter(
    ([, value]) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0),
  );
  return kept.length > 0 ? (Object.fromEntries(kept) as ChatParameterOverrides) : undefined;
}

/**
 * Remembers, per chat, which unsupported parameters the user was already told about, so the
 * notice comes once per chat and parameter, not on every request.
 */
export class UnsupportedParameterNotices {
  private readonly told = new Map<string, Set<string>>();

  /** The notice to show for this request, or undefined when there is nothing new to say. */
  noticeFor(chatId: string, modelId: string, unsupported: readonly string[]): string | undefined {
    let seen = this.told.get(chatId);
    if (!seen) this.told.set(chatId, (seen = new Set()));
    const fresh = unsupported.filter((name) => !seen.has(`${modelId}|${name}`));
    if (fresh.length === 0) return undefined;
    for (const name of fresh) seen.add(`${modelId}|${name}`);
    const list = fresh.map((name) => `\`${name}\``).join(', ');
    return fresh.length === 1
      ? l10n.t('{0} does not support {1}, so it was not sent. To send it anyway and let OpenRouter pick only providers that support it, turn on openrouterChat.provider.requireParameters.', modelId, list)
      : l10n.t('{0} does not support {1}, so they were not sent. To send them anyway and let OpenRouter pick only providers that support them, turn on openrouterChat.provider.requireParameters.', modelId, list);
  }
}
