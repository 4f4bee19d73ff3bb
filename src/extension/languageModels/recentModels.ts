/**
 * The models the user picked recently (with Select Model or in Settings), newest first, kept in
 * the extension's global state so they survive restarts. `@recent` in
 * `openrouterChat.languageModels` offers them to the editor beside the configured model.
 */
import * as vscode from 'vscode';
import { withRecent } from '../../core/languageModels/offeredModels';
import { SETTINGS_SECTION } from '../../core/settings';

const STATE_KEY = 'openrouterChat.recentModels';

export class RecentModels implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly state: vscode.Memento,
    private readonly configuredModel: () => string | undefined,
  ) {
    void this.remember(configuredModel());
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SETTINGS_SECTION}.model`)) void this.remember(this.configuredModel());
    });
  }

  get ids(): readonly string[] {
    const stored = this.state.get<unknown>(STATE_KEY);
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
  }

  private async remember(id: string | undefined): Promise<void> {
    if (!id || this.ids[0] === id) return;
    await this.state.update(STATE_KEY, withRecent(this.ids, id));
    this.changed.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
