/**
 * The model's workspace tools as the chat session sees them. Their settings are read at every
 * request, but the tools themselves (paths, ripgrep, symbols, the edit proposal) load on the first
 * call the model makes, as a chunk of their own: most sessions never run one.
 */
import * as vscode from 'vscode';
import type { ToolSettings, WorkspaceToolHost } from '../../core/tools/toolLoop';
import { readToolSettings } from '../../core/tools/toolSettings';
import type { ApplyController } from '../codeActions/applyController';
import type { Log } from '../log';
import type { VscodeWorkspaceTools } from './workspaceToolHost';

export function workspaceTools(
  /** Code actions are registered after the session that uses these tools. */
  apply: () => Promise<ApplyController> | undefined,
  log: Log,
): WorkspaceToolHost {
  let loading: Promise<VscodeWorkspaceTools> | undefined;
  const tools = (): Promise<VscodeWorkspaceTools> =>
    (loading ??= import('./workspaceToolHost').then((module) => new module.VscodeWorkspaceTools(apply)));
  return {
    settings: (): ToolSettings => {
      const section = vscode.workspace.getConfiguration('openrouterChat');
      const { settings, problems } = readToolSettings((key) => section.get(key));
      for (const problem of problems) log.warn('tools', problem);
      return settings;
    },
    admit: async (request) => (await tools()).admit(request),
    run: async (request, signal) => (await tools()).run(request, signal),
  };
}
