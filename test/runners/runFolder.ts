/**
 * The throw-away folder of one code-server run, `.vscode-test/runs/<id>`: its own XDG_* and TMPDIR,
 * user data with settings.json, extensions, and a fresh copy of the sample workspace.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Settings that keep the built-in chat, the gallery and first-run pages out of the tests' way. */
export const RECOMMENDED_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  // Run folders live inside this repository: without this, git asks about the parent repository.
  'git.openRepositoryInParentFolders': 'never',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export interface RunFolderOptions {
  /** Folder to copy as the opened workspace; defaults to test/fixtures/workspace. */
  readonly workspaceSource?: string;
  /** User settings merged over RECOMMENDED_SETTINGS. */
  readonly settings?: Readonly<Record<string, unknown>>;
}

/** Folders of one run: XDG_* and TMPDIR inside it keep code-server out of $HOME and /tmp. */
export function runLayout(root: string, id: string) {
  const runDir = join(root, '.vscode-test', 'runs', id);
  return {
    runDir,
    workspace: join(runDir, 'workspace'),
    userDataDir: join(runDir, 'user-data'),
    extensionsDir: join(runDir, 'extensions'),
    logFile: join(runDir, 'code-server.log'),
    env: {
      XDG_CONFIG_HOME: join(runDir, 'xdg', 'config'),
      XDG_DATA_HOME: join(runDir, 'xdg', 'data'),
      XDG_CACHE_HOME: join(runDir, 'xdg', 'cache'),
      TMPDIR: join(runDir, 'tmp'),
    },
  };
}

export type RunLayout = ReturnType<typeof runLayout>;

const KEEP_RUNS = 30;
const KEEP_RUNS_YOUNGER_THAN_MS = 24 * 60 * 60 * 1000;

/**
 * Each run leaves a few MB (kept on purpose: its code-server.log and user data explain failures).
 * Old ones go: only folders that are both beyond the newest KEEP_RUNS and older than a day, so a
 * run still in use (a long `npm start`) is never pulled away.
 */
export function pruneOldRuns(root: string): void {
  const runs = join(root, '.vscode-test', 'runs');
  if (!existsSync(runs)) return;
  const byAge = readdirSync(runs)
    .map((name) => ({ path: join(runs, name), modified: statSync(join(runs, name)).mtimeMs }))
    .sort((a, b) => b.modified - a.modified);
  for (const run of byAge.slice(KEEP_RUNS)) {
    if (Date.now() - run.modified > KEEP_RUNS_YOUNGER_THAN_MS) rmSync(run.path, { recursive: true, force: true });
  }
}

export function prepareRun(layout: RunLayout, options: RunFolderOptions, root: string): void {
  for (const dir of [layout.userDataDir, layout.extensionsDir, ...Object.values(layout.env)]) {
    mkdirSync(dir, { recursive: true });
  }
  // The opened folder must exist, or a modal dialog blocks every click.
  cpSync(options.workspaceSource ?? join(root, 'test', 'fixtures', 'workspace'), layout.workspace, { recursive: true });
  const userDir = join(layout.userDataDir, 'User');
  mkdirSync(userDir, { recursive: true });
  const settings = { ...RECOMMENDED_SETTINGS, ...options.settings };
  writeFileSync(join(userDir, 'settings.json'), JSON.stringify(settings, null, 2));
}
