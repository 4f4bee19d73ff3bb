/**
 * Starts and stops a real VS Code workbench (code-server) for the integration and UI tiers,
 * following /work/shared/docs/real-vscode-tests.md: Node 24 + code-server from the git-ignored
 * cache `.vscode-test/`, one throw-away folder per run, its own process group so a stop leaves
 * nothing behind.
 */
import { spawn, execFile } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, repoRoot } from './paths';
import { stopGroup, trackGroup } from './processGroup';
import { prepareRun, pruneOldRuns, runLayout } from './runFolder';
import type { RunFolderOptions, RunLayout } from './runFolder';

export { freePort, repoRoot } from './paths';
export { RECOMMENDED_SETTINGS } from './runFolder';

const execFileAsync = promisify(execFile);

export const CODE_SERVER_VERSION = '4.139.1';
const NODE_PACKAGE = `node-${process.platform}-${process.arch === 'x64' ? 'x64' : process.arch}`;

export interface CodeServerInstall {
  /** The Node 24 binary code-server was built against. */
  readonly node: string;
  /** code-server's `out/node/entry.js`. */
  readonly entry: string;
}

/** The cached install, or an error that says how to create it. */
export function findCodeServer(root = repoRoot()): CodeServerInstall {
  const cache = join(root, '.vscode-test');
  const node = join(cache, 'node24', 'node_modules', NODE_PACKAGE, 'bin', 'node');
  const entry = join(cache, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const stamp = join(cache, 'code-server', `.installed-${CODE_SERVER_VERSION}`);
  const missing = [node, entry, stamp].filter((path) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(
      `code-server ${CODE_SERVER_VERSION} is not installed in ${cache} (missing: ${missing.join(', ')}).\n` +
        '  `npm test` and `npm start` install it; alone: node scripts/setup-code-server.mjs\n' +
        '  (it needs: apt-get install -y chromium libkrb5-dev)',
    );
  }
  return { node, entry };
}

export interface CodeServerOptions extends RunFolderOptions {
  /** Names the run folder `.vscode-test/runs/<id>`; defaults to a timestamp. */
  readonly id?: string;
  /** Extra environment for code-server and its extension host (e.g. OPENROUTER_API_KEY). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** A packaged extension to install into this run before starting. */
  readonly vsix?: string;
  readonly port?: number;
  /** Called with each chunk of code-server's own output (it is always written to code-server.log). */
  readonly onOutput?: (text: string) => void;
}

export interface CodeServer {
  readonly port: number;
  /** `http://127.0.0.1:<port>` (never another host: webviews need a secure-context origin). */
  readonly origin: string;
  readonly runDir: string;
  readonly workspace: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly logFile: string;
  /** Workbench URL for the run's workspace, optionally with the smoke-test `payload`. */
  workbenchUrl(payload?: ReadonlyArray<readonly [string, string]>): string;
  /** `vscode-remote://127.0.0.1:<port><absolute path>`: how the workbench names a server-side file. */
  remoteUri(absolutePath: string): string;
  /** Settles when the server process exits, for whatever reason, with its exit code (null: killed by a signal). */
  readonly exited: Promise<number | null>;
  /** Kills the whole process group; resolves when it is gone. Safe to call twice. */
  stop(): Promise<void>;
}

function childEnv(runEnv: Readonly<Record<string, string>>, extra: CodeServerOptions['env']): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...runEnv };
  // The project's own test settings must not leak into the workbench's Node.
  delete env.NODE_OPTIONS;
  for (const [key, value] of Object.entries(extra ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Installs a .vsix with the same binary and folders the server will use. */
export async function installVsix(install: CodeServerInstall, layout: Pick<RunLayout, 'userDataDir' | 'extensionsDir' | 'env'>, vsix: string): Promise<void> {
  if (!existsSync(vsix)) throw new Error(`Cannot install ${vsix}: the file does not exist (run \`npm run package\`).`);
  const args = [install.entry, '--user-data-dir', layout.userDataDir, '--extensions-dir', layout.extensionsDir, '--install-extension', vsix];
  try {
    await execFileAsync(install.node, args, { env: childEnv(layout.env, {}), timeout: 120_000 });
  } catch (error: unknown) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`code-server could not install ${vsix}: ${detail}`);
  }
}

/** Resolves once `/healthz` answers 200; rejects if the server dies first or takes too long. */
async function waitForHealth(origin: string, child: ChildProcess, logFile: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited before it was ready (code ${child.exitCode}, signal ${child.signalCode}). Log:\n${tail(logFile)}`);
    }
    if (await healthOk(`${origin}/healthz`)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer ${origin}/healthz within ${timeoutMs / 1000} s. Log:\n${tail(logFile)}`);
}

function healthOk(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = get(url, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.setTimeout(2_000, () => request.destroy());
  });
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Starts code-server on 127.0.0.1 in a fresh run folder and waits until it answers. */
export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const root = repoRoot();
  const install = findCodeServer(root);
  pruneOldRuns(root);
  const layout = runLayout(root, options.id ?? `run-${Date.now()}-${process.pid}`);
  prepareRun(layout, options, root);
  if (options.vsix) await installVsix(install, layout, options.vsix);

  const port = options.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const args = [
    install.entry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', layout.userDataDir,
    '--extensions-dir', layout.extensionsDir,
    // Enables the URL `payload` (extensionTestsPath) and the smoke-test driver hooks.
    '--vscode-option', 'enable-smoke-test-driver',
    layout.workspace,
  ];
  // `detached` makes Node call setsid(2): the server and every child it spawns share one process
  // group whose id is the server's pid, so `kill -- -<pgid>` stops them all.
  const child = spawn(install.node, args, {
    cwd: layout.runDir,
    env: childEnv(layout.env, options.env),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pgid = child.pid;
  if (pgid === undefined) throw new Error('code-server could not be spawned');
  trackGroup(pgid);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const log = createWriteStream(layout.logFile);
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      options.onOutput?.(chunk.toString('utf8'));
    });
  }

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= stopGroup(pgid).then(() => new Promise<void>((resolve) => log.end(resolve)));
    return stopped;
  };
  try {
    await waitForHealth(origin, child, layout.logFile);
  } catch (error) {
    await stop();
    throw error;
  }

  const remoteUri = (absolutePath: string): string => `vscode-remote://127.0.0.1:${port}${absolutePath}`;
  return {
    port,
    origin,
    runDir: layout.runDir,
    workspace: layout.workspace,
    userDataDir: layout.userDataDir,
    extensionsDir: layout.extensionsDir,
    logFile: layout.logFile,
    remoteUri,
    exited,
    workbenchUrl(payload) {
      // The folder stays readable (slashes unescaped): this URL is printed for people by `npm start`.
      const folder = encodeURIComponent(layout.workspace).replace(/%2F/g, '/');
      const query = payload && payload.length > 0 ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : '';
      return `${origin}/?folder=${folder}${query}`;
    },
    stop,
  };
}
