/**
 * Custom instructions: the `openrouterChat.systemPrompt` setting, then the workspace file
 * `.openrouter/instructions.md` (a team can commit it), joined into one system message. The file
 * follows the rules of `core/trust/workspaceInstructions.ts`: trusted workspaces only, the user's
 * switch `openrouterChat.useWorkspaceInstructions`, and a notice in the chat naming the file the
 * first time it is used and after it changes.
 */
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../core/settings';
import {
  announcementsDue,
  INSTRUCTIONS_FILE,
  instructionsUse,
  joinSystemPrompt,
  type AnnouncedInstructions,
  type InstructionsFile,
} from '../core/trust/workspaceInstructions';
import { readSetting } from './configuration';
import type { Log } from './log';

export { INSTRUCTIONS_FILE };
export const USE_INSTRUCTIONS_SETTING = 'useWorkspaceInstructions';
/** workspaceState key: the fingerprints the user was told about in this workspace. */
const ANNOUNCED_KEY = 'openrouterChat.announcedInstructions';

export class WorkspaceInstructions {
  constructor(
    private readonly workspaceState: vscode.Memento,
    private readonly log: Log,
    /** Shows the notice in the chat: the files now included, as the user knows them. */
    private readonly announce: (paths: readonly string[]) => void,
  ) {}

  /**
   * The system prompt the next request would carry, without telling the user anything: for
   * estimates such as the context meter. Only the request that sends the file announces it.
   */
  async previewSystemPrompt(settingPrompt: string): Promise<string | undefined> {
    return joinSystemPrompt(settingPrompt, await this.usableFiles());
  }

  /** The system prompt for the request being sent: the setting's text plus the files that may be used. */
  async systemPromptFor(settingPrompt: string): Promise<string | undefined> {
    const files = await this.usableFiles();
    if (files.length > 0) {
      const { due, announced } = announcementsDue(files, this.workspaceState.get<AnnouncedInstructions>(ANNOUNCED_KEY, {}));
      if (due.length > 0) {
        await this.workspaceState.update(ANNOUNCED_KEY, announced);
        this.log.info('instructions', `including ${due.map((f) => f.path).join(', ')} in the system prompt (new or changed)`);
        this.announce(due.map((f) => f.path));
      }
    }
    return joinSystemPrompt(settingPrompt, files);
  }

  private async usableFiles(): Promise<InstructionsFile[]> {
    const section = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    const use = instructionsUse(vscode.workspace.isTrusted, readSetting(section, USE_INSTRUCTIONS_SETTING));
    if (!use.use) return [];
    const files: InstructionsFile[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uri = vscode.Uri.joinPath(folder.uri, INSTRUCTIONS_FILE);
      let text: string;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).trim();
      } catch {
        continue; // No instructions file in this folder: the common case.
      }
      if (!text) continue;
      files.push({ path: vscode.workspace.asRelativePath(uri, true), text, fingerprint: createHash('sha256').update(text).digest('hex') });
    }
    return files;
  }
}

/** The chat's notice: which files are included, and the way to switch them off. */
export function instructionsNotice(paths: readonly string[]): string {
  return vscode.l10n.t('Workspace instructions included in the system prompt: {0}', paths.join(', '));
}

/** The notice button's action: turns the user's switch off (user settings: a workspace cannot turn it back on). */
export async function turnOffWorkspaceInstructions(log: Log): Promise<void> {
  await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(USE_INSTRUCTIONS_SETTING, false, vscode.ConfigurationTarget.Global);
  log.info('instructions', 'workspace instructions switched off by the user');
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Workspace instructions files are no longer sent. Turn them back on with the setting {0}.', `${SETTINGS_SECTION}.${USE_INSTRUCTIONS_SETTING}`),
  );
}
