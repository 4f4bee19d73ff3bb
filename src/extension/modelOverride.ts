/**
 * The picked model must take effect. The picker writes the user's settings; a workspace or folder
 * value of `openrouterChat.model` wins over that without a word. So after a pick the effective
 * value is compared with the pick, and when they differ the user is told where the override sits
 * and offered to write the pick there.
 */
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../core/settings';
import type { Log } from './log';

const MODEL_SETTING = 'model';

/** Settles once the notice is answered (or at once when nothing overrides the pick). */
export async function checkPickTakesEffect(chosen: string, log: Log): Promise<void> {
  const section = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const effective = section.get<string>(MODEL_SETTING);
  if (effective === chosen) return;
  const inspected = section.inspect<string>(MODEL_SETTING);
  const inFolder = inspected?.workspaceFolderValue !== undefined && inspected.workspaceFolderValue === effective;
  const where = inFolder ? vscode.l10n.t('folder settings') : vscode.l10n.t('workspace settings');
  log.info('model', `picked ${chosen}, but the ${inFolder ? 'folder' : 'workspace'} setting ${SETTINGS_SECTION}.${MODEL_SETTING} (${String(effective)}) overrides it`);
  const write = vscode.l10n.t('Use {0} Here', chosen);
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} is set to {1} in the {2}, which overrides your pick: the chat keeps using {1}.', `${SETTINGS_SECTION}.${MODEL_SETTING}`, String(effective), where),
    write,
  );
  if (choice !== write) return;
  const target = inFolder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace;
  const scope = inFolder ? vscode.workspace.workspaceFolders?.[0]?.uri : undefined;
  await vscode.workspace.getConfiguration(SETTINGS_SECTION, scope).update(MODEL_SETTING, chosen, target);
  log.info('model', `wrote ${chosen} to the ${inFolder ? 'folder' : 'workspace'} settings at the user's request`);
}
