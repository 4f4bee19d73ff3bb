/**
 * How the UI journeys get the extension into code-server: the packaged .vsix (`npm run package`,
 * built once per test process), installed like a user would; or, if packaging fails, the built
 * dist/ loaded as a development extension through the workbench URL `payload`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../runners/paths';

export interface ExtensionSource {
  /** A .vsix to install into the run. */
  readonly vsix?: string;
  /** Otherwise: the folder to load with extensionDevelopmentPath. */
  readonly developmentPath?: string;
}

/**
 * Each journey file bundles its own copy of this module (one esbuild output per test file), so the
 * "once per process" promise lives on globalThis rather than in a module variable.
 */
const ONCE_KEY = Symbol.for('openrouter-chat.ui.extensionSource');
type Memo = { [ONCE_KEY]?: Promise<ExtensionSource> };

function packageExtension(): ExtensionSource {
  const root = repoRoot();
  const vsix = join(root, 'dist', 'openrouter-chat.vsix');
  if (process.env.UI_USE_DEVELOPMENT_PATH) return { developmentPath: root };
  console.log('      (packaging the extension once: npm run package)');
  // stdin is closed so a vsce question (e.g. a missing LICENSE) fails instead of hanging.
  const result = spawnSync('npm', ['run', 'package'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 300_000 });
  if (result.status === 0 && existsSync(vsix)) return { vsix };
  const reason = `${result.stderr ?? ''}${result.stdout ?? ''}`.trim().split('\n').slice(-8).join('\n      ');
  console.warn(`      npm run package failed; the journeys load dist/ as a development extension instead.\n      ${reason}`);
  return { developmentPath: root };
}

export function extensionSource(): Promise<ExtensionSource> {
  const memo = globalThis as Memo;
  memo[ONCE_KEY] ??= Promise.resolve().then(packageExtension);
  return memo[ONCE_KEY];
}
