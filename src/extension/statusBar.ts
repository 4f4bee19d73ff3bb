/** The current model's short name in the status bar; a click opens the model picker. */
import * as vscode from 'vscode';
import { readConfiguration } from './configuration';

export function shortModelName(modelId: string): string {
  return modelId.split('/').pop() ?? modelId;
}

export class ModelStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('openrouterChat.model', vscode.StatusBarAlignment.Right, 100);

  constructor() {
    this.item.name = vscode.l10n.t('OpenRouter Chat Model');
    this.item.command = 'openrouterChat.selectModel';
    this.update();
    this.item.show();
  }

  update(): void {
    const config = readConfiguration();
    if (config.ok) {
      this.item.text = `$(hubot) ${shortModelName(config.config.model)}`;
      this.item.tooltip = vscode.l10n.t('OpenRouter model: {0} (click to change)', config.config.model);
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
