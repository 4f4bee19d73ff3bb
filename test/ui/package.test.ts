/**
 * Issue 2's packaging promise: `npm run package` writes a .vsix under 1 MiB holding the bundles,
 * media, README, CHANGELOG and LICENSE, and nothing from src/, test/ or node_modules/. It checks the
 * very .vsix the journeys install (packaged once per test process by extensionSource.ts). The
 * tokenizer's ranks once took it to 1.7 MB without any test noticing.
 */
import * as assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { zipEntries } from '../support/zipEntries';
import { extensionSource } from './extensionSource';

const ONE_MIB = 1_048_576;

describe('the packaged extension (npm run package)', () => {
  it('is a .vsix under 1 MiB with the bundles, media and docs, and no sources, tests or node_modules', async () => {
    const { vsix } = await extensionSource();
    assert.ok(vsix, 'npm run package did not produce dist/openrouter-chat.vsix (see the warning above)');
    const size = statSync(vsix).size;
    console.log(`      ${vsix}: ${size} bytes`);
    assert.ok(size < ONE_MIB, `the .vsix is ${size} bytes, over 1 MiB (${ONE_MIB})`);

    const files = zipEntries(vsix).filter((name) => name.startsWith('extension/')).map((name) => name.slice('extension/'.length));
    const required = [
      'package.json', 'readme.md', 'changelog.md', 'LICENSE.txt',
      'dist/extension.mjs', 'dist/webview.js', 'dist/webview.css', 'dist/codicon.ttf',
      'dist/tokenizer-o200k.js', 'dist/o200k.ranks.br', 'media/icon.png',
    ];
    const missing = required.filter((file) => !files.includes(file));
    assert.deepEqual(missing, [], `missing from the .vsix: ${missing.join(', ')}`);
    assert.ok(files.some((file) => file.startsWith('dist/chunks/')), 'the lazily loaded chunks ship');
    const forbidden = files.filter((file) => /^(src|test|node_modules)\//.test(file) || file.includes('/node_modules/'));
    assert.deepEqual(forbidden, [], `shipped though never run: ${forbidden.join(', ')}`);
  });
});
