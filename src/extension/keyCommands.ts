/**
 * Set / clear the API key. The key typed is checked against OpenRouter's `GET /key` before it is
 * stored, so a typo is caught now rather than on the first question.
 */
import * as vscode from 'vscode';
import { OpenRouterError } from '../core/openrouter/errors';
import type { KeyInfo } from '../core/openrouter/types';
import type { ApiKeyManager } from './apiKeyManager';
import { readConfiguration } from './configuration';
import type { Log } from './log';
import type { OpenRouterService } from './openRouterService';

export const KEYS_URL = 'https://openrouter.ai/keys';

export function describeKey(info: KeyInfo): string {
  const credit = info.isFreeTier
    ? vscode.l10n.t('free tier')
    : info.limitRemaining !== null && info.limitRemaining !== undefined
      ? vscode.l10n.t('${0} credit remaining', info.limitRemaining.toFixed(2))
      : vscode.l10n.t('no credit limit');
  return vscode.l10n.t('Key "{0}" works: {1}.', info.label || vscode.l10n.t('unnamed'), credit);
}

export async function setApiKeyCommand(keys: ApiKeyManager, service: OpenRouterService, log: Log): Promise<boolean> {
  const key = await vscode.window.showInputBox({
    title: vscode.l10n.t('OpenRouter API key'),
    prompt: vscode.l10n.t('Paste your OpenRouter API key. It is stored in VS Code\'s secret storage only. Create one at {0}', KEYS_URL),
    password: true,
    ignoreFocusOut: true,
    placeHolder: 'sk-or-v1-…',
    validateInput: (value) => (value.trim().length === 0 ? vscode.l10n.t('The key is empty.') : /\s/.test(value.trim()) ? vscode.l10n.t('A key has no spaces.') : undefined),
  });
  if (!key) return false;

  const config = readConfiguration();
  if (!config.ok) {
    void vscode.window.showErrorMessage(config.problems.map((p) => p.message).join(' '));
    return false;
  }
  try {
    const info = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the key with OpenRouter…') },
      () => service.clientFor(config.config).getKeyInfo(key.trim()),
    );
    await keys.store(key);
    log.info('key', 'API key stored after a successful check');
    void vscode.window.showInformationMessage(describeKey(info));
    return true;
  } catch (error) {
    const reason = error instanceof OpenRouterError ? error.userMessage : error instanceof Error ? error.message : String(error);
    const invalid = error instanceof OpenRouterError && error.kind === 'unauthorized';
    log.warn('key', `key check failed: ${reason}`);
    const storeAnyway = vscode.l10n.t('Store Anyway');
    const choice = await vscode.window.showWarningMessage(
      invalid
        ? vscode.l10n.t('OpenRouter rejected this key: {0} It was not stored.', reason)
        : vscode.l10n.t('The key could not be checked: {0} It was not stored.', reason),
      { modal: true },
      storeAnyway,
    );
    if (choice !== storeAnyway) return false;
    await keys.store(key);
    log.info('key', 'API key stored without a successful check (user insisted)');
    return true;
  }
}

export async function clearApiKeyCommand(keys: ApiKeyManager, log: Log): Promise<void> {
  await keys.clear();
  log.info('key', 'stored API key cleared');
  const fallback = keys.source === 'env' ? vscode.l10n.t(' The OPENROUTER_API_KEY environment variable is used now.') : '';
  void vscode.window.showInformationMessage(vscode.l10n.t('The stored OpenRouter API key was removed.') + fallback);
}
