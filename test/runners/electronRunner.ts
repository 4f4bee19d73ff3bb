/**
 * `npm run test:electron`: the same integration suite through @vscode/test-electron, for machines
 * that can download desktop VS Code. (Machines without internet use codeServerRunner instead:
 * test-electron fetches VS Code from Microsoft's update servers.)
 */
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { writeLmConsumerExtension } from './lmConsumerExtension';
import { repoRoot } from './paths';

async function main(): Promise<number> {
  const root = repoRoot();
  const runDir = join(root, '.vscode-test', 'runs', `electron-${Date.now()}`);
  const workspace = join(runDir, 'workspace');
  mkdirSync(runDir, { recursive: true });
  cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  try {
    await runTests({
      // `stable` by default; set VSCODE_TEST_VERSION=1.104.0 to check the oldest release that the
      // manifest's `engines.vscode` promises (the code-server tier covers 1.139).
      version: process.env.VSCODE_TEST_VERSION ?? 'stable',
      // Ours, and the consumer that uses our models through `vscode.lm` like any other extension.
      extensionDevelopmentPath: [root, writeLmConsumerExtension(root, join(runDir, 'lm-consumer'))],
      extensionTestsPath: join(root, 'out', 'test', 'integration', 'index.js'),
      extensionTestsEnv: process.env.CI ? { CI: process.env.CI } : {},
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir', join(runDir, 'user-data'),
        '--extensions-dir', join(runDir, 'extensions'),
      ],
    });
    return 0;
  } catch (error: unknown) {
    console.error(`Integration tests failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

void main().then((code) => process.exit(code));
