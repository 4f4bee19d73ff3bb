/**
 * The model QuickPick: the live `/models` list with what a user needs to choose, the price per
 * million tokens and the context length, searchable by name and id, the current model marked.
 */
import * as vscode from 'vscode';
import type { ModelInfo } from '../core/openrouter/types';
import { SETTINGS_SECTION, type ChatConfig } from '../core/settings';
import { readConfiguration } from './configuration';
import type { OpenRouterService } from './openRouterService';
import type { Log } from './log';
import { checkPickTakesEffect } from './modelOverride';

interface ModelItem extends vscode.QuickPickItem {
  readonly modelId: string;
}

export function pricePerMillion(perToken: number): string {
  const perMillion = perToken * 1_000_000;
  if (perMillion === 0) return vscode.l10n.t('free');
  return `$${perMillion < 0.1 ? perMillion.toFixed(3) : perMillion.toFixed(2)}`;
}

export function modelItem(model: ModelInfo, currentId: string): ModelItem {
  const reasoning = model.supportsReasoning ? '$(lightbulb) ' : '';
  return {
    modelId: model.id,
    label: `${model.id === currentId ? '$(check) ' : ''}${reasoning}${model.name}`,
    description: model.id,
    detail: vscode.l10n.t(
      '{0} context · in {1} / out {2} per 1M tokens{3}',
      model.contextLength.toLocaleString('en-US'),
      pricePerMillion(model.promptPricePerToken),
      pricePerMillion(model.completionPricePerToken),
      model.supportsReasoning ? vscode.l10n.t(' · reasoning') : '',
    ),
  };
}

export async function selectModelCommand(service: OpenRouterService, log: Log): Promise<string | undefined> {
  const config = readConfiguration();
  if (!config.ok) {
    void vscode.window.showErrorMessage(config.problems.map((p) => p.message).join(' '));
    return undefined;
  }
  const current = config.config.model;
  const chosen = await pickModel(service, config.config, current, vscode.l10n.t('Select an OpenRouter model'));
  if (chosen && chosen !== current) {
    await vscode.workspace.getConfiguration(SETTINGS_SECTION).update('model', chosen, vscode.ConfigurationTarget.Global);
  }
  // Not awaited: the command is done once the pick is written; the notice may stay open.
  if (chosen) void checkPickTakesEffect(chosen, log);
  return chosen;
}

/** Shows the picker with `current` marked; resolves with the chosen id (undefined: dismissed). */
export function pickModel(service: OpenRouterService, config: ChatConfig, current: string, title: string): Promise<string | undefined> {
  const pick = vscode.window.createQuickPick<ModelItem>();
  pick.title = title;
  pick.placeholder = vscode.l10n.t('Search by name or id (current: {0})', current);
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  const refresh: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('refresh'), tooltip: vscode.l10n.t('Refresh the model list') };
  pick.buttons = [refresh];

  const load = async (force: boolean) => {
    pick.busy = true;
    try {
      const models = await service.listModels(config, force);
      const sorted = [...models].sort((a, b) => (a.id === current ? -1 : b.id === current ? 1 : a.name.localeCompare(b.name)));
      pick.items = sorted.map((m) => modelItem(m, current));
      const active = pick.items.find((i) => i.modelId === current);
      if (active) pick.activeItems = [active];
    } catch (error) {
      pick.items = [];
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not load the model list: {0}', error instanceof Error ? error.message : String(error)));
    } finally {
      pick.busy = false;
    }
  };

  return new Promise<string | undefined>((resolve) => {
    let chosen: string | undefined;
    pick.onDidTriggerButton((button) => {
      if (button === refresh) void load(true);
    });
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0]?.modelId;
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
    void load(false);
  });
}
