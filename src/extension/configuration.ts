/** Reads `openrouterChat.*` through the pure validator, and tells when any of it changes. */
import * as vscode from 'vscode';
import { readChatConfig, SETTINGS_SECTION, type ConfigResult } from '../core/settings';
import { isUserOnlySetting, userOnlyValue } from '../core/trust/userOnlySettings';

/**
 * One setting's value. A user-only setting (where the key goes, the cost guard, the instructions
 * switch) is read from the user's settings and the default only, whatever a workspace says.
 */
export function readSetting(section: vscode.WorkspaceConfiguration, key: string): unknown {
  return isUserOnlySetting(key) ? userOnlyValue(section.inspect(key)) : section.get(key);
}

export function readConfiguration(): ConfigResult {
  const section = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return readChatConfig((key) => readSetting(section, key));
}

export function onConfigurationChanged(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(SETTINGS_SECTION)) listener();
  });
}

/** Opens the Settings editor on one setting (or all of ours). */
export async function openSetting(setting?: string): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openSettings', setting ?? `@ext:openrouter-chat.openrouter-chat`);
}
