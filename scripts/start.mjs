// `npm start`: try the packaged extension in a real VS Code (code-server) in your browser.
//   npm start              uses OPENROUTER_API_KEY from the environment if set (or a key stored in the UI)
//   npm start -- --mock    also starts the local OpenRouter-compatible server: works offline
//   npm start -- --no-build  reuses dist/openrouter-chat.vsix from the last build (quick restart)
// Builds and packages the extension, installs the .vsix into a fresh run folder
// (.vscode-test/runs/start-*) with a copy of the sample workspace, and serves the workbench on
// 127.0.0.1 (PORT, else 8080, else a free port). Ctrl+C or SIGTERM stops everything it started.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setupCodeServer } from './setup-code-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const useMock = process.argv.includes('--mock');
const skipBuild = process.argv.includes('--no-build');
const vsix = join(root, 'dist', 'openrouter-chat.vsix');

function step(text) {
  console.log(`\n> ${text}`);
}

/** Runs a command in the repository with the output shown; stops `npm start` if it fails. */
function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

async function choosePort(lib) {
  const wanted = Number(process.env.PORT ?? 8080);
  if (Number.isInteger(wanted) && wanted > 0 && (await portIsFree(wanted))) return wanted;
  const port = await lib.freePort();
  console.log(`Port ${wanted} is taken; using ${port}.`);
  return port;
}

const helpersDir = join(root, 'out', 'start');

/**
 * The code-server launcher and the mock server are shared with the test tiers. They are bundled
 * here on their own (as `node esbuild.mjs --tests` would, one file each) so that an unfinished
 * test file elsewhere in test/ cannot stop `npm start`.
 */
async function compileHelpers() {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: {
      codeServer: 'test/runners/codeServer.ts',
      openRouterServer: 'test/server/openRouterServer.ts',
      testSupport: 'test/support/index.ts',
    },
    absWorkingDir: root,
    outdir: helpersDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
}

function loadCompiled(fileName) {
  return require(join(helpersDir, fileName));
}

/** The mock server's module and the test key its support module exports. */
function loadMock() {
  const server = loadCompiled('openRouterServer.js');
  const support = loadCompiled('testSupport.js');
  if (typeof server.startOpenRouterServer !== 'function' || typeof support.TEST_API_KEY !== 'string') {
    throw new Error('test/server/openRouterServer.ts or test/support/index.ts does not export what --mock needs.');
  }
  return { startOpenRouterServer: server.startOpenRouterServer, key: support.TEST_API_KEY };
}

async function main() {
  if (skipBuild && existsSync(vsix)) {
    step('Reusing dist/openrouter-chat.vsix (--no-build)');
  } else {
    step('Building and packaging the extension (npm run package)');
    run('npm', ['run', '--silent', 'package']);
  }

  step('Checking the code-server cache (.vscode-test/)');
  const setup = setupCodeServer({ root });
  if (!setup.ok) throw new Error(setup.message);

  step('Compiling the launcher and the mock server');
  await compileHelpers();
  const lib = loadCompiled('codeServer.js');

  let mock;
  const settings = {};
  const env = {};
  if (useMock) {
    const { startOpenRouterServer, key } = loadMock();
    mock = await startOpenRouterServer({});
    settings['openrouterChat.baseUrl'] = mock.baseUrl;
    env.OPENROUTER_API_KEY = key;
    console.log(`Mock OpenRouter server: ${mock.baseUrl} (add [[mock:NAME]] to a message to pick a script)`);
  } else if (!process.env.OPENROUTER_API_KEY) {
    console.log('OPENROUTER_API_KEY is not set: set a key in the chat (OpenRouter Chat: Set API Key), or use `npm start -- --mock`.');
  }

  const port = await choosePort(lib);
  step(`Starting code-server on 127.0.0.1:${port}`);
  const server = await lib.startCodeServer({
    id: `start-${new Date().toISOString().replace(/[:.]/g, '-')}`,
    port,
    vsix,
    settings,
    env,
  });

  let stopping = false;
  const stop = async (reason, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${reason}: stopping code-server${mock ? ' and the mock server' : ''}...`);
    await server.stop();
    await mock?.close();
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGHUP', () => void stop('SIGHUP'));

  void server.exited.then((code) => {
    if (stopping) return;
    console.error(`code-server exited unexpectedly (code ${code}); see ${server.logFile}`);
    void stop('code-server exited', 1);
  });

  const line = '-'.repeat(78);
  console.log(`\n${line}\n  OpenRouter Chat is running in VS Code (code-server):\n\n    ${server.workbenchUrl()}\n`);
  console.log(`  Open it on this machine (127.0.0.1 or localhost only: webviews need a secure origin).`);
  console.log(`  Workspace: ${server.workspace}\n  Log:       ${server.logFile}\n  Stop:      Ctrl+C\n${line}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
