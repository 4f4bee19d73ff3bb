/**
 * Bundle and package sizes, from the production build (`npm run bench` builds it first) and a
 * fresh `vsce package`.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { round } from '../stats';

export interface SizeResults {
  readonly extensionKB: number;
  readonly webviewKB: number;
  readonly vsixKB: number;
}

const kb = (bytes: number) => round(bytes / 1024, 1);

export function measureSizes(root: string): SizeResults {
  const dist = join(root, 'dist');
  // Package exactly what ships: vsce uses the production bundles already in dist/.
  execFileSync('npx', ['vsce', 'package', '--no-dependencies', '--out', join(dist, 'openrouter-chat.vsix')], { cwd: root, stdio: 'ignore' });
  return {
    extensionKB: kb(statSync(join(dist, 'extension.js')).size),
    webviewKB: kb(statSync(join(dist, 'webview.js')).size + statSync(join(dist, 'webview.css')).size),
    vsixKB: kb(statSync(join(dist, 'openrouter-chat.vsix')).size),
  };
}
