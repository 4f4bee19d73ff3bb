/**
 * Turns any failure into what the answer bubble shows: a specific message and the buttons that
 * help. The key can never reach the view: messages pass through `redactSecrets`.
 */
import type { ErrorAction, ErrorView } from '../../shared/protocol';
import { OpenRouterError, type SuggestedAction } from '../openrouter/errors';
import { redactSecrets } from '../openrouter/redact';
import * as l10n from '../l10n';

const ACTIONS: Record<SuggestedAction, readonly ErrorAction[]> = {
  setApiKey: ['setApiKey'],
  addCredits: ['addCredits', 'retry'],
  retry: ['retry'],
  openSettings: ['openSettings', 'retry'],
  // Retry would send the same too-long chat again: Compact summarizes it so it fits.
  shortenContext: ['compact'],
  selectModel: ['selectModel', 'retry'],
  none: ['retry'],
};

export function errorViewOf(error: unknown): ErrorView {
  if (error instanceof OpenRouterError) {
    return {
      kind: error.kind,
      message: redactSecrets(error.userMessage),
      actions: ACTIONS[error.action] ?? ['retry'],
      ...(error.setting ? { setting: error.setting } : {}),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'unexpected', message: redactSecrets(l10n.t('Something went wrong: {0}', message)), actions: ['retry'] };
}

export function settingsErrorView(message: string, setting: string): ErrorView {
  return { kind: 'invalidSetting', message, actions: ['openSettings'], setting };
}

export function noKeyErrorView(): ErrorView {
  return {
    kind: 'noApiKey',
    message: l10n.t(
      "No OpenRouter API key is set. Set one (it is kept in VS Code's secret storage) or set the OPENROUTER_API_KEY environment variable. Keys are created at https://openrouter.ai/keys.",
    ),
    actions: ['setApiKey'],
  };
}
