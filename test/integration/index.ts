/**
 * Entry point of the integration suite inside a real extension host: the `run()` contract of
 * @vscode/test-electron, which code-server's smoke-test `payload` honours too, so one suite serves
 * both launchers. Runs every compiled `*.test.js` next to this file.
 */
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

/** Compiled test files under this folder (out/test/integration/**), in a stable order. */
function testFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => join(dir, name));
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    // The extension host forwards console output line by line; colour codes would only add noise.
    color: false,
    timeout: 30_000,
    // A stray `.only` must not silently shrink the suite in CI.
    forbidOnly: Boolean(process.env.CI),
    // `INTEGRATION_GREP=vscode.lm npm run test:integration`: only the tests whose titles match.
    ...(process.env.INTEGRATION_GREP ? { grep: process.env.INTEGRATION_GREP } : {}),
  });
  for (const file of testFiles(__dirname)) mocha.addFile(file);

  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        console.log(`Extension tests ran in VS Code ${vscode.version}`);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (error: unknown) {
      // A test file that throws while loading: still report which VS Code it happened in.
      console.error(error);
      console.log(`Extension tests ran in VS Code ${vscode.version}`);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
