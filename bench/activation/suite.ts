/**
 * Runs inside the real extension host (same `run()` contract as the integration suite): activates
 * the extension and reports how long activation took, as the extension measured it.
 */
import * as vscode from 'vscode';
import type { OpenRouterChatApi } from '../../src/extension/extension';

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<OpenRouterChatApi>('openrouter-chat.openrouter-chat');
  if (!extension) throw new Error('the extension is not installed');
  const api = await extension.activate();
  console.log(`ACTIVATION_MS=${api.activationMs.toFixed(2)}`);
}
