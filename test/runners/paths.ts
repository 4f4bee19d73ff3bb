/** Where things are on this machine: the repository root, a free port, the Chromium binary. */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

/**
 * The repository root, found by walking up from this file: compiled copies of it live at several
 * depths under out/ (esbuild bundles it into each test entry), so a fixed `../..` would be wrong.
 */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && existsSync(join(dir, 'esbuild.mjs'))) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === 'openrouter-chat') return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/** A port nothing listens on right now (asked from the OS, on 127.0.0.1 only). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Debian's Chromium (or CHROMIUM_PATH); Playwright must never download a browser. */
export function findChromium(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium is not installed at ${path}.\n` +
        '  Install it with: apt-get install -y chromium   (or set CHROMIUM_PATH to a Chromium binary)',
    );
  }
  return path;
}

/** Flags that keep Chromium quiet and offline (no sandbox: tests run as root in CI). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
