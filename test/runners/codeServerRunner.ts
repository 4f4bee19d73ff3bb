/**
 * `npm run test:integration`: runs the integration suite (out/test/integration/index.js) inside
 * code-server's real extension host. The workbench takes extensionDevelopmentPath and
 * extensionTestsPath through its URL `payload` (smoke-test driver mode) and calls
 * `codeAutomationExit(code)` when the suite's `run()` settles.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { startCodeServer } from './codeServer';
import { packageLmConsumerExtension } from './lmConsumerExtension';
import type { CodeServer } from './codeServer';
import { CHROMIUM_ARGS, findChromium, repoRoot } from './paths';

const OVERALL_TIMEOUT_MS = 10 * 60_000;
const VERSION_LINE = /Extension tests ran in VS Code (\S+)/;

/**
 * Turns the workbench's forwarded console arguments into one printable string. They arrive as
 * console.log's own arguments (mocha passes printf-style formats such as `%d passing (%s)`).
 */
function logText(args: unknown): string {
  const parts: unknown[] = Array.isArray(args) ? args : [args];
  return format(...parts);
}

/** Known noise of an offline workbench (the extension gallery is unreachable by design). */
function isNoise(text: string): boolean {
  return text.includes('ENOTFOUND open-vsx.org');
}

interface SuiteOutcome {
  readonly exitCode: number;
  readonly version?: string;
}

async function runSuite(server: CodeServer, browser: Browser, root: string): Promise<SuiteOutcome> {
  const page = await browser.newPage();
  let version: string | undefined;
  let settle: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (settle = resolve));

  // Both hooks must exist before the workbench loads: it looks them up once at start.
  await page.exposeFunction('codeAutomationExit', (code: unknown) => {
    settle(typeof code === 'number' ? code : 1);
  });
  await page.exposeFunction('codeAutomationLog', (_type: unknown, args: unknown) => {
    const text = logText(args);
    if (isNoise(text)) return;
    for (const line of text.split(/\r?\n/)) {
      const match = VERSION_LINE.exec(line);
      // The version line is printed once, by this runner, after the suite settles.
      if (match) version = match[1];
      else process.stdout.write(line + '\n');
    }
  });

  const url = server.workbenchUrl([
    ['extensionDevelopmentPath', server.remoteUri(root)],
    ['extensionTestsPath', server.remoteUri(join(root, 'out', 'test', 'integration', 'index.js'))],
  ]);
  // Only the navigation itself is awaited: the suite's own deadline below covers a slow workbench,
  // and on a loaded machine its scripts can take longer than Playwright's 30 s "load" default.
  await page.goto(url, { waitUntil: 'commit', timeout: OVERALL_TIMEOUT_MS });

  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<number>((resolve) => {
    timer = setTimeout(() => {
      console.error(`The suite did not report within ${OVERALL_TIMEOUT_MS / 60_000} min.`);
      resolve(1);
    }, OVERALL_TIMEOUT_MS);
  });
  const exitCode = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  return version === undefined ? { exitCode } : { exitCode, version };
}

async function main(): Promise<number> {
  const root = repoRoot();
  const suite = join(root, 'out', 'test', 'integration', 'index.js');
  if (!existsSync(suite)) throw new Error(`${suite} is missing: compile the tests first (node esbuild.mjs --tests).`);
  if (!existsSync(join(root, 'dist', 'extension.mjs'))) throw new Error('dist/extension.mjs is missing: build first (node esbuild.mjs).');

  const executablePath = findChromium();
  const id = `integration-${Date.now()}`;
  // A second extension, installed into the run: it uses our models through `vscode.lm` only.
  const consumer = await packageLmConsumerExtension(root, join(root, '.vscode-test', 'runs', id, 'lm-consumer'));
  const server = await startCodeServer({
    id,
    vsix: consumer,
    // CI turns on forbidOnly in the suite; INTEGRATION_GREP runs only the tests whose titles match.
    env: { CI: process.env.CI, INTEGRATION_GREP: process.env.INTEGRATION_GREP },
  });
  let browser: Browser | undefined;
  const shutdown = (): void => {
    void browser?.close();
    void server.stop().then(() => process.exit(130));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  try {
    browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
    const outcome = await runSuite(server, browser, root);
    if (outcome.version === undefined) {
      console.error('The extension host never reported its VS Code version: the suite did not run.');
      return outcome.exitCode === 0 ? 1 : outcome.exitCode;
    }
    console.log(`Extension tests ran in VS Code ${outcome.version}`);
    return outcome.exitCode;
  } finally {
    await browser?.close();
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
