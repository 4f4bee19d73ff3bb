/**
 * Tells the user when a workspace tries to set a user-only setting (see
 * `core/trust/userOnlySettings.ts`). VS Code drops such values before the extension sees them, so
 * the workspace's settings files are read here: `.vscode/settings.json` of each folder and the
 * `settings` of a `.code-workspace` file. Each value is reported once: a log line and a warning
 * that names the setting and says why it is ignored.
 */
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../core/settings';
import { parseJsonc } from '../core/trust/jsonc';
import {
  IgnoredSettingReports,
  userOnlySettingsIn,
  userOnlySettingsInspected,
  type IgnoredSetting,
  type UserOnlySetting,
} from '../core/trust/userOnlySettings';
import type { Log } from './log';

const FOLDER_SETTINGS_FILE = '.vscode/settings.json';

export function watchIgnoredWorkspaceSettings(log: Log): vscode.Disposable {
  const reports = new IgnoredSettingReports();
  let scanning = Promise.resolve();
  const rescan = () => {
    // One scan at a time, in order: a burst of file events must not report the same value twice.
    scanning = scanning.then(() => scan(reports, log)).catch((error: unknown) => log.warn('settings', `could not read the workspace settings: ${String(error)}`));
  };
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${FOLDER_SETTINGS_FILE}`);
  const disposables = [
    watcher,
    watcher.onDidCreate(rescan),
    watcher.onDidChange(rescan),
    vscode.workspace.onDidChangeWorkspaceFolders(rescan),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SETTINGS_SECTION)) rescan();
    }),
  ];
  rescan();
  return vscode.Disposable.from(...disposables);
}

async function scan(reports: IgnoredSettingReports, log: Log): Promise<void> {
  const found: IgnoredSetting[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const file = vscode.Uri.joinPath(folder.uri, FOLDER_SETTINGS_FILE);
    found.push(...userOnlySettingsIn(await readJsonc(file), SETTINGS_SECTION, vscode.workspace.asRelativePath(file, true)));
  }
  const workspaceFile = vscode.workspace.workspaceFile;
  if (workspaceFile && workspaceFile.scheme !== 'untitled') {
    const parsed = await readJsonc(workspaceFile);
    const settings = typeof parsed === 'object' && parsed !== null ? (parsed as { settings?: unknown }).settings : undefined;
    found.push(...userOnlySettingsIn(settings, SETTINGS_SECTION, workspaceFile.path.split('/').pop() ?? workspaceFile.path));
  }
  // An editor that does pass workspace values on (older versions, other hosts) is covered too.
  const section = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  found.push(...userOnlySettingsInspected((key) => section.inspect(key), SETTINGS_SECTION));

  for (const ignored of reports.fresh(found)) report(ignored, log);
}

async function readJsonc(uri: vscode.Uri): Promise<unknown> {
  try {
    return parseJsonc(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
  } catch {
    return undefined; // no such file: the common case
  }
}

function report(ignored: IgnoredSetting, log: Log): void {
  // The value itself is not logged: a URL may carry something private, and it does not matter here.
  log.warn('settings', `ignored ${ignored.setting} from ${ignored.source}: only user settings may set it`);
  const open = vscode.l10n.t('Open User Settings');
  const message = vscode.l10n.t('OpenRouter Chat ignores {0} in {1}: {2}, so only your user settings can set it.', ignored.setting, ignored.source, reason(ignored.key));
  void vscode.window.showWarningMessage(message, open).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', ignored.setting);
  });
}

function reason(key: UserOnlySetting): string {
  switch (key) {
    case 'baseUrl':
      return vscode.l10n.t('it decides where your API key is sent');
    case 'maxCostPerRequest':
      return vscode.l10n.t('it guards how much a single request may cost');
    case 'useWorkspaceInstructions':
      return vscode.l10n.t('it decides whether text from the repository reaches the model');
  }
}
