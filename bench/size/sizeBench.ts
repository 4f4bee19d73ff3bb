/**
 * Bundle and package sizes, from the production build (`npm run bench` builds it first) and a
 * fresh `vsce package`.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { round } from '../stats';

export interface SizeResults {
  /** dist/extension.mjs and every chunk it imports statically: what activation reads. */
  readonly activationKB: number;
  /** Every chunk of the extension host's code, the lazily loaded ones included. */
  readonly extensionKB: number;
  readonly webviewKB: number;
  readonly vsixKB: number;
}

const kb = (bytes: number) => round(bytes / 1024, 1);

export function measureSizes(root: string): SizeResults {
  const dist = join(root, 'dist');
  // Package exactly what ships: vsce uses the production bundles already in dist/.
  execFileSync('npx', ['vsce', 'package', '--no-dependencies', '--out', join(dist, 'openrouter-chat.vsix')], { cwd: root, stdio: 'ignore' });
  const chunks = readdirSync(join(dist, 'chunks')).filter((name) => name.endsWith('.mjs'));
  return {
    activationKB: kb(staticallyLoadedBytes(join(dist, 'extension.mjs'))),
    extensionKB: kb(statSync(join(dist, 'extension.mjs')).size + chunks.reduce((sum, name) => sum + statSync(join(dist, 'chunks', name)).size, 0)),
    webviewKB: kb(statSync(join(dist, 'webview.js')).size + statSync(join(dist, 'webview.css')).size),
    vsixKB: kb(statSync(join(dist, 'openrouter-chat.vsix')).size),
  };
}

/**
 * The bytes Node reads before `activate` runs: the entry and, recursively, every chunk it names in
 * a static `import … from "./…"`. Chunks named only in `import("./…")` load later, on first use.
 */
export function staticallyLoadedBytes(entry: string, seen = new Set<string>()): number {
  if (seen.has(entry)) return 0;
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  let bytes = statSync(entry).size;
  // esbuild's minified ESM: `import{a as b}from"./chunks/x.mjs"` or `import"./chunks/x.mjs"`.
  for (const match of code.matchAll(/\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?"(\.\.?\/[^"]+\.mjs)"/g)) {
    bytes += staticallyLoadedBytes(join(dirname(entry), match[1] ?? ''), seen);
  }
  return bytes;
}
