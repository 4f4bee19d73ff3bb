/** The current model's short name in the status bar; a click opens the model picker. */
import * as vscode from 'vscode';
import type { SpendSummary } from '../core/spend/spendLedger';
import { readConfiguration } from './configuration';

export function shortModelName(modelId: string): string {
  return modelId.split('/').pop() ?? modelId;
}

export class ModelStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('openrouterChat.model', vscode.StatusBarAlignment.Right, 100);

  constructor(private readonly spend?: () => SpendSummary) {
    this.item.name = vscode.l10n.t('OpenRouter Chat Model');
    this.item.command = 'openrouterChat.selectModel';
    this.update();
    this.item.show();
  }

  update(): void {
    const config = readConfiguration();
    if (config.ok) {
      this.item.text = `$(hubot) ${shortModelName(config.config.model)}`;
      const model = vscode.l10n.t('OpenRouter model: {0} (click to change)', config.config.model);
      const spend = this.spend?.();
      this.item.tooltip = spend
        ? `${model}\n${vscode.l10n.t('Spent today: ${0} · this month: ${1} (counted on this computer)', formatUsd(spend.todayUsd), formatUsd(spend.monthUsd))}`
        : model;
      this.item.backgroundColor = undefined;
    } else {
      this.item.text = `$(warning) ${vscode.l10n.t('OpenRouter settings')}`;
      this.item.tooltip = config.problems.map((p) => p.message).join('\n');
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}

/** Cents, or four decimals for amounts under a cent (a cheap model's day can cost $0.0012). */
export function formatUsd(value: number): string {
  return value > 0 && value < 0.01 ? value.toFixed(4) : value.toFixed(2);
}
