/**
 * Extension activation time in the real extension host: code-server loads the extension as a
 * development extension, a one-test suite reads the time the extension measured, several runs.
 */
import { join } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { startCodeServer } from '../../test/runners/codeServer';
import { CHROMIUM_ARGS, findChromium } from '../../test/runners/paths';
import { median, round } from '../stats';

export interface ActivationResults {
  readonly ms: number;
  readonly runs: number;
}

/** `prepare` runs before the workbench opens (the extension activates then), e.g. to seed its storage. */
export async function measureOnce(root: string, prepare?: (userDataDir: string) => Promise<void>): Promise<number> {
  const server = await startCodeServer({ id: `bench-activation-${Date.now()}` });
  if (prepare) await prepare(server.userDataDir);
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
  try {
    const page = await browser.newPage();
    let activationMs: number | undefined;
    let exit: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (exit = resolve));
    await page.exposeFunction('codeAutomationExit', () => exit());
    await page.exposeFunction('codeAutomationLog', (_type: unknown, args: unknown) => {
      const match = /ACTIVATION_MS=([\d.]+)/.exec(format(...(Array.isArray(args) ? args : [args])));
      if (match) activationMs = Number(match[1]);
    });
    await page.goto(
      server.workbenchUrl([
        ['extensionDevelopmentPath', server.remoteUri(root)],
        ['extensionTestsPath', server.remoteUri(join(root, 'out', 'bench', 'activation', 'suite.js'))],
      ]),
    );
    await Promise.race([finished, new Promise((_, reject) => setTimeout(() => reject(new Error('activation bench timed out')), 120_000))]);
    if (activationMs === undefined) throw new Error('the extension host never reported its activation time');
    return activationMs;
  } finally {
    await browser.close();
    await server.stop();
  }
}

export async function runActivationBench(root: string, runs = 3): Promise<ActivationResults> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await measureOnce(root));
  return { ms: round(median(times), 1), runs };
}
