/** *OpenRouter Chat: Show Credits*: the key's limit and usage from OpenRouter's `GET /key`. */
import * as vscode from 'vscode';
import { creditsSummary } from '../core/openrouter/credits';
import { OpenRouterError } from '../core/openrouter/errors';
import type { ApiKeyManager } from './apiKeyManager';
import { readConfiguration } from './configuration';
import type { Log } from './log';
import type { OpenRouterService } from './openRouterService';
import { ADD_CREDITS_URL } from './webviewRouter';

export async function showCreditsCommand(keys: ApiKeyManager, service: OpenRouterService, log: Log): Promise<void> {
  const config = readConfiguration();
  if (!config.ok) {
    void vscode.window.showErrorMessage(config.problems.map((p) => p.message).join(' '));
    return;
  }
  if (!keys.current()) {
    const set = vscode.l10n.t('Set API Key');
    if ((await vscode.window.showWarningMessage(vscode.l10n.t('No OpenRouter API key is set.'), set)) === set) {
      await vscode.commands.executeCommand('openrouterChat.setApiKey');
    }
    return;
  }
  try {
    const info = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Asking OpenRouter for your credits…') },
      () => service.clientFor(config.config).getKeyInfo(),
    );
    const summary = creditsSummary(info);
    log.info('credits', summary);
    const add = vscode.l10n.t('Add credits');
    if ((await vscode.window.showInformationMessage(summary, add)) === add) await vscode.env.openExternal(vscode.Uri.parse(ADD_CREDITS_URL));
  } catch (error) {
    const message = error instanceof OpenRouterError ? error.userMessage : error instanceof Error ? error.message : String(error);
    log.warn('credits', message);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not read your credits: {0}', message));
  }
}
