/**
 * Builds the language-model consumer extension (test/lmConsumer) for one run: its manifest and its
 * compiled code in a folder, and, for code-server, a .vsix of that folder. code-server takes one
 * development extension only (the workbench URL `payload` is read into a Map, so a second
 * `extensionDevelopmentPath` replaces the first), so there the consumer is installed like any
 * extension a user installs; desktop VS Code (test-electron) loads the folder directly.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createVSIX } from '@vscode/vsce';

export function writeLmConsumerExtension(root: string, target: string): string {
  const compiled = join(root, 'out', 'test', 'lmConsumer', 'extension.js');
  if (!existsSync(compiled)) throw new Error(`${compiled} is missing: compile the tests first (node esbuild.mjs --tests).`);
  mkdirSync(target, { recursive: true });
  copyFileSync(compiled, join(target, 'extension.js'));
  const manifest = {
    name: 'lm-consumer',
    displayName: 'OpenRouter Chat tests: language-model consumer',
    description: 'Uses the OpenRouter models through vscode.lm, as any other extension would.',
    publisher: 'openrouter-chat-tests',
    version: '0.0.1',
    license: 'MIT',
    engines: { vscode: '^1.104.0' },
    main: './extension.js',
    activationEvents: [],
  };
  writeFileSync(join(target, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(target, 'README.md'), '# Language-model consumer\n\nA test extension of OpenRouter Chat; see test/lmConsumer.\n');
  return target;
}

/** The consumer packaged as `<folder>.vsix`, ready for code-server's `--install-extension`. */
export async function packageLmConsumerExtension(root: string, folder: string): Promise<string> {
  const vsix = `${writeLmConsumerExtension(root, folder)}.vsix`;
  await createVSIX({ cwd: folder, packagePath: vsix, dependencies: false, allowMissingRepository: true, skipLicense: true });
  return vsix;
}
